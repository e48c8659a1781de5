"""Lexicon lookup of places and organizations, for names the NER model misses.

Conservative on purpose: whole tokens only, the lexicon's own spelling up to folding, at most two
proclitics (و/ف then ب/ل/ك), never inside an existing mention, never a person.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate, compress

from khabar.arabic import fold
from khabar.entities.names import Words, clitic_variants, name_key, read_words, skip_letters
from khabar.lexicons import read_rows

LOC = "LOC"
ORG = "ORG"


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon name found in the text, with its type."""

    start: int
    end: int
    type: str
    next: int = 0  # index of the word token after the name


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Names by folded token tuple (for tagging) and alias groups by name key (for merging)."""

    names: dict[tuple[str, ...], str]
    groups: dict[str, int]
    longest: int
    first_words: frozenset[str]
    # folded word -> its clitic readings that start a name; words repeat, so this is a memo, of
    # tuples, which the garbage collector stops walking (lists it walked on every full pass)
    heads: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict, compare=False,
                                                           repr=False)

    def heads_of(self, folded: str) -> tuple[tuple[int, str], ...]:
        found = self.heads.get(folded)
        if found is None:
            if len(self.heads) >= 100_000:
                self.heads.clear()
            found = self.heads[folded] = tuple((n, head) for n, head in clitic_variants(folded)
                                               if head in self.first_words)
        return found

    def is_place(self, text: str) -> bool:
        """True when `text`, after at most two proclitics on its first word, is a listed place
        (`ولويزيانا`)."""
        return self.type_of(text) == LOC

    def type_of(self, text: str) -> str | None:
        """The type (LOC or ORG) of the listed name `text` is, after at most two proclitics on
        its first word (`والكعبة`, `للبيت الأبيض`), or None."""
        words = fold(text).split()
        if not words:
            return None
        return next((kind for _, head in clitic_variants(words[0])
                     if (kind := self.names.get((head, *words[1:]))) is not None), None)

    def group_of(self, text: str) -> int | None:
        """The alias group of a name (same group = same place or organization), if listed."""
        return self.groups.get(name_key(text))


def load_lexicon(*, version: int = 1) -> Lexicon:
    """Read places.tsv and organizations.tsv into one Lexicon; from version 3 (entities.merge.v3)
    organizations_v3.tsv too, from version 5 (entities.merge.v5) organizations_v5.tsv."""
    names: dict[tuple[str, ...], str] = {}
    groups: dict[str, int] = {}
    files = [(LOC, "places.tsv"), (ORG, "organizations.tsv")]
    if version >= 3:
        files.append((ORG, "organizations_v3.tsv"))
    if version >= 5:
        files.append((ORG, "organizations_v5.tsv"))
    for kind, file in files:
        for row in read_rows(file):
            forms = [row[0]] + (row[1].split("|") if len(row) > 1 else [])
            group = len(groups) + 1
            for form in forms:
                taggable = not form.startswith("~")
                form = form.lstrip("~").strip()
                groups.setdefault(name_key(form), group)
                if taggable:
                    names.setdefault(tuple(fold(form).split()), kind)
    longest = max(len(key) for key in names)
    return Lexicon(names, groups, longest, frozenset(key[0] for key in names))


def find_names(text: str, lexicon: Lexicon, taken: list[tuple[int, int]],
               words: Words | None = None) -> list[Hit]:
    """Lexicon names in `text` that overlap none of the `taken` (start, end) ranges.

    `words`: the text's tokens already read (khabar.entities.names.read_words), to share them."""
    words = words if words is not None else read_words(text)
    is_word = [t.kind == "word" for t in words.tokens]
    tokens = [t[:2] for t in compress(words.tokens, is_word)]  # (start, end)
    folded = list(compress(words.folded, is_word))
    overlaps = Ranges(taken)
    memo = lexicon.heads  # looked up here first: most words start no name
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        heads = memo.get(folded[i])
        if heads is None:
            heads = lexicon.heads_of(folded[i])
        hit = _longest_at(text, tokens, folded, i, heads, lexicon) if heads else None
        if hit is not None and not overlaps(hit.start, hit.end):
            hits.append(hit)
            i = hit.next
        else:
            i += 1
    return hits


class Ranges:
    """(start, end) ranges that answer "does any of you overlap [start, end)?" by bisection:
    sorted by start, with the furthest end reached so far (a page may hold tens of thousands of
    mentions, and a scan of them all per name found made the stage quadratic)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        self.reach = list(accumulate((e for _, e in ranges), max))

    def __call__(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the ranges that start before `end`
        return before > 0 and self.reach[before - 1] > start


def _longest_at(text, tokens, folded, i, heads, lexicon) -> Hit | None:
    size = 1  # a name never spans punctuation: the tokens joined by spaces only
    while (size < lexicon.longest and i + size < len(tokens)
           and not text[tokens[i + size - 1][1]:tokens[i + size][0]].strip()):
        size += 1
    for size in range(size, 0, -1):
        tail = tuple(folded[i + 1:i + size])
        for stripped, head in heads:
            kind = lexicon.names.get((head,) + tail)
            if kind is not None:
                first_start, first_end = tokens[i]
                start = first_start + skip_letters(text[first_start:first_end], stripped)
                return Hit(start, tokens[i + size - 1][1], kind, i + size)
    return None

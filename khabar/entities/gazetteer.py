"""Lexicon lookup of places and organizations, for names the NER model misses.

Conservative on purpose: whole tokens only, the lexicon's own spelling up to folding, at most two
proclitics (و/ف then ب/ل/ك), never inside an existing mention, never a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic import fold, tokenize
from khabar.entities.names import clitic_variants, name_key, skip_letters
from khabar.lexicons import read_rows

LOC = "LOC"
ORG = "ORG"


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon name found in the text, with its type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Names by folded token tuple (for tagging) and alias groups by name key (for merging)."""

    names: dict[tuple[str, ...], str]
    groups: dict[str, int]
    longest: int

    def group_of(self, text: str) -> int | None:
        """The alias group of a name (same group = same place or organization), if listed."""
        return self.groups.get(name_key(text))


def load_lexicon() -> Lexicon:
    """Read places.tsv and organizations.tsv into one Lexicon."""
    names: dict[tuple[str, ...], str] = {}
    groups: dict[str, int] = {}
    for kind, file in ((LOC, "places.tsv"), (ORG, "organizations.tsv")):
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
    return Lexicon(names, groups, longest)


def find_names(text: str, lexicon: Lexicon, taken: list[tuple[int, int]]) -> list[Hit]:
    """Lexicon names in `text` that overlap none of the `taken` (start, end) ranges."""
    tokens = [t for t in tokenize(text) if t.kind == "word"]
    folded = [fold(t.text) for t in tokens]
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        hit = _longest_at(text, tokens, folded, i, lexicon)
        if hit is not None and not any(s < hit[0].end and hit[0].start < e for s, e in taken):
            hits.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return hits


def _longest_at(text, tokens, folded, i, lexicon) -> tuple[Hit, int] | None:
    for size in range(min(lexicon.longest, len(tokens) - i), 0, -1):
        last = tokens[i + size - 1]
        if any(text[a.end:b.start].strip() for a, b in zip(tokens[i:i + size], tokens[i + 1:i + size])):
            continue  # a name never spans punctuation
        tail = tuple(folded[i + 1:i + size])
        for stripped, head in clitic_variants(folded[i]):
            kind = lexicon.names.get((head,) + tail)
            if kind is not None:
                start = skip_letters(tokens[i].text, stripped) + tokens[i].start
                return Hit(start, last.end, kind), size
    return None

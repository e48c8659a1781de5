"""Arabic-aware search terms: one normal form for the index and the query, and snippets.

Every word is folded (`khabar.arabic.fold`: diacritics, tatweel, alef/hamza forms, taa marbuta,
alef maksura) and then stripped of its proclitics, so `الأمم`, `الامم`, `بالأمم`, `للأمم` and
`والأمم` all become `امم`. Proclitics are removed greedily and in any order (the article `ال`,
and the one-letter particles و ف ب ك ل) while enough of the word is left: this is the "light
stemming" of Larkey, Ballesteros & Connell (2002, "Improving stemming for Arabic information
retrieval"), made order-free so that `وزير` (whose و is part of the stem) and `الوزير` still
meet at the same form `زير`. The price is a few conflations (`كبير` and `بير`), which ranking
and phrase queries keep harmless.

The FTS5 index holds these forms, not the text; snippets are cut from the stored clean text by
re-tokenizing it and marking the tokens whose form matches, so the user sees the original
spelling with its diacritics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.arabic import fold
from khabar.arabic.forms import stem, terms_of  # noqa: F401  (search forms; stem is re-exported)
from khabar.arabic.normalize import fold_char
from khabar.errors import SearchQueryError

# Words in the clean text with their diacritics and tatweel (as khabar.arabic.tokenize sees them).
_SNIPPET_WORD = re.compile(r"[0-9٠-٩۰-۹]+|[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*")
MAX_TERMS = 32


def index_text(text: str) -> str:
    """The string FTS5 indexes for `text`: search forms separated by spaces."""
    return " ".join(terms_of(text))


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A user query as groups of search forms: single terms and "quoted phrases"."""

    groups: tuple[tuple[str, ...], ...]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for group in self.groups for t in group)

    def match_expression(self) -> str:
        """The FTS5 MATCH string: every group quoted, so no user text is read as syntax."""
        return " AND ".join('"' + " ".join(group) + '"' for group in self.groups)


def parse_query(query: str) -> ParsedQuery:
    """Split a query into terms and "phrases" and normalize them like the index.

    Raises SearchQueryError (E502) when nothing searchable is left (only punctuation, an unclosed
    quote around nothing, too many terms).
    """
    if not isinstance(query, str):
        raise SearchQueryError("E502", query=str(query), detail="the query must be text")
    groups: list[tuple[str, ...]] = []
    parts = re.split(r'["«»“”]', query)
    for number, part in enumerate(parts):
        forms = terms_of(part)
        if not forms:
            continue
        if number % 2 == 1:  # inside quotes: one phrase
            groups.append(tuple(forms))
        else:
            groups.extend((form,) for form in forms)
    if not groups:
        raise SearchQueryError("E502", query=query, detail="it has no words to search for")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise SearchQueryError("E502", query=query[:80], detail=f"more than {MAX_TERMS} words")
    return ParsedQuery(tuple(dict.fromkeys(groups)))


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the clean text around the best match, with highlighted ranges in it."""

    text: str
    start: int  # offset of the snippet in Document.text
    highlights: tuple[tuple[int, int], ...]  # ranges in `text`

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each highlight wrapped in marks (for terminals and logs)."""
        out, cursor = [], 0
        for start, end in self.highlights:
            out += [self.text[cursor:start], open_mark, self.text[start:end], close_mark]
            cursor = end
        out.append(self.text[cursor:])
        return "".join(out)


def _spellings() -> tuple[dict[str, str], re.Pattern[str]]:
    """For each folded character, a regex class of the characters that fold to it; and a
    pattern of the characters fold() drops (diacritics, tatweel, joiners).

    Snippet patterns run over the clean text with the dropped characters masked as NUL (one
    C-level substitution that keeps every offset), so no folded copy of the text is made."""
    candidates = [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0x06F0, 0x06FA)]
    candidates += ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    candidates += [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    sources: dict[str, set[str]] = {}
    dropped: list[str] = []
    for ch in candidates:
        folded = fold_char(ch)
        if folded == ch:
            continue
        if len(folded) == 1:
            sources.setdefault(folded, {folded}).add(ch)
        else:  # dropped, or folded into several letters: skipped like a diacritic
            dropped.append(ch)
    classes = {folded: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
               for folded, chars in sources.items()}
    return classes, re.compile("[" + "".join(re.escape(c) for c in dropped) + "]")


_CLASSES, _DROPPED = _spellings()
_SKIP = "\x00*"
_PIECE = 1200  # hits are usually in the lead: look there first


def _letter(folded: str) -> str:
    return _CLASSES.get(folded) or re.escape(folded)


@lru_cache(maxsize=256)
def _word_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Words of the masked text whose search form may be one of `forms` (checked exactly later)."""
    proclitic = "|".join(_letter(c) for c in "وفبكل")
    prefix = f"(?:(?:{proclitic}|{_letter('ا')}{_SKIP}{_letter('ل')}){_SKIP})*"
    stems = "|".join(_SKIP.join(_letter(c) for c in form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(f"(?<!\\w){prefix}(?:{stems}){_SKIP}(?!\\w)")


def make_snippet(text: str, query: ParsedQuery, *, width: int = 160) -> Snippet:
    """About `width` characters around the densest cluster of query matches, highlighted.

    Matching runs one regular expression that knows every spelling of the query's letters over
    the text, then checks every candidate word's search form exactly.
    """
    hits: list[tuple[int, int]] = []
    offset = 0
    while not hits and offset < len(text):  # hits are usually in the lead: read in pieces
        end = _cut(text, offset + _PIECE) if len(text) - offset > _PIECE else len(text)
        end = end if end > offset else len(text)
        hits = [(s + offset, e + offset) for s, e in _hits(text[offset:end], query)]
        offset = end
    if not hits:
        end = _cut(text, min(len(text), width))
        return Snippet(text[:end], 0, ())
    best, best_count, low = 0, 0, 0
    for high, (start, _end) in enumerate(hits):  # the densest `width` characters, two pointers
        while hits[low][0] < start - width:
            low += 1
        if high - low + 1 > best_count:
            best_count, best = high - low + 1, low
    first = hits[best][0]
    start = text.rfind(" ", 0, max(0, first - 30)) + 1 if first > 30 else 0
    end = _cut(text, min(len(text), start + width + 40))
    end = max(end, hits[best][1])
    highlights = tuple((s - start, e - start) for s, e in hits if start <= s and e <= end)
    return Snippet(text[start:end], start, highlights)


def _cut(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", 0, end)
    return space if space > 0 else end


def _hits(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for group in query.groups:
        firsts.setdefault(group[0], []).append(group)
    hits: list[tuple[int, int]] = []
    for match in _word_pattern(tuple(sorted(firsts))).finditer(_DROPPED.sub("\x00", text)):
        form = stem(fold(text[match.start() : match.end()]))
        for group in firsts.get(form, ()):
            if len(group) == 1:
                hits.append(match.span())
                continue
            following = [m for _, m in zip(range(len(group) - 1), _SNIPPET_WORD.finditer(text, match.end()))]
            if len(following) == len(group) - 1 and all(
                    stem(fold(m.group())) == term for m, term in zip(following, group[1:])):
                hits.append(match.span())
                hits.extend(m.span() for m in following)
    return sorted(set(hits))

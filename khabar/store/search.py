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

from khabar.arabic import fold, tokenize
from khabar.errors import KhabarError

_ONE_LETTER = frozenset("وفبكل")
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 32


def stem(word: str) -> str:
    """The search form of one folded word: proclitics stripped while 3+ letters stay (2 after ال)."""
    while True:
        if word.startswith("ال") and len(word) >= 4:
            word = word[2:]
        elif len(word) >= 4 and word[0] in _ONE_LETTER:
            word = word[1:]
        else:
            return word


def terms_of(text: str) -> list[str]:
    """Search forms of every word and number in `text`, in order."""
    words = _WORD.findall(fold(text))
    forms = {word: stem(word) for word in set(words)}  # news text repeats its words a lot
    return [forms[word] for word in words]


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

    Raises KhabarError E502 when nothing searchable is left (only punctuation, an unclosed
    quote around nothing, too many terms).
    """
    if not isinstance(query, str):
        raise KhabarError("E502", query=str(query), detail="the query must be text")
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
        raise KhabarError("E502", query=query, detail="it has no words to search for")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise KhabarError("E502", query=query[:80], detail=f"more than {MAX_TERMS} words")
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


def make_snippet(text: str, query: ParsedQuery, *, width: int = 24) -> Snippet:
    """The window of about `width` words with the most query matches, highlighted."""
    words = [t for t in tokenize(text) if t.kind != "punct"]
    if not words:
        return Snippet("", 0, ())
    forms = [stem(fold(w.text)) for w in words]
    hits = _phrase_hits(forms, query)
    best, best_score = 0, -1
    for first in range(0, max(1, len(words) - width + 1)):
        score = sum(1 for i in hits if first <= i < first + width)
        if score > best_score:
            best, best_score = first, score
        if not hits:
            break
    window = words[best : best + width]
    start, end = window[0].start, window[-1].end
    highlights = tuple((words[i].start - start, words[i].end - start)
                       for i in sorted(hits) if best <= i < best + width)
    return Snippet(text[start:end], start, highlights)


def _phrase_hits(forms: list[str], query: ParsedQuery) -> set[int]:
    hits: set[int] = set()
    for group in query.groups:
        size = len(group)
        for i in range(len(forms) - size + 1):
            if tuple(forms[i : i + size]) == group:
                hits.update(range(i, i + size))
    return hits

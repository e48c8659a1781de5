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

from khabar.arabic import fold
from khabar.errors import KhabarError

_ONE_LETTER = frozenset("وفبكل")
_WORD = re.compile(r"[^\W_]+")
# Words in the clean text with their diacritics and tatweel (as khabar.arabic.tokenize sees them).
_SNIPPET_WORD = re.compile(r"[0-9٠-٩۰-۹]+|[^\W\d_](?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])*")
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


def make_snippet(text: str, query: ParsedQuery, *, width: int = 24, chunk: int = 3000) -> Snippet:
    """The window of about `width` words with the most query matches, highlighted.

    The text is read in pieces of about `chunk` characters (cut at a space) until one has a
    match: hits are usually in the lead, and long articles then cost no more than short ones.
    """
    offset = 0
    while True:
        end = len(text) if len(text) - offset <= chunk else text.find(" ", offset + chunk)
        end = len(text) if end < 0 else end
        snippet = _snippet_in(text[offset:end], query, width)
        if snippet.highlights or end >= len(text):
            if snippet.highlights or offset == 0:
                return Snippet(snippet.text, snippet.start + offset, snippet.highlights)
            return _snippet_in(text[:chunk], query, width)  # no match anywhere: show the lead
        offset = end


def _snippet_in(text: str, query: ParsedQuery, width: int) -> Snippet:
    words = list(_SNIPPET_WORD.finditer(text))
    if not words:
        return Snippet("", 0, ())
    hits = sorted(_hits(text, words, query))
    best, best_score, low = 0, 0, 0
    for high, position in enumerate(hits):  # the window starting at each hit, two pointers
        while hits[low] < position - width + 1:
            low += 1
        if high - low + 1 > best_score:
            best_score, best = high - low + 1, max(0, hits[low] - 2)
    window = words[best : best + width]
    start, end = window[0].start(), window[-1].end()
    highlights = tuple((words[i].start() - start, words[i].end() - start)
                       for i in hits if best <= i < best + width)
    return Snippet(text[start:end], start, highlights)


def _hits(text: str, words: list[re.Match[str]], query: ParsedQuery) -> set[int]:
    """Indexes of the words that match a query term or a phrase."""
    folded = [m.group() for m in _SNIPPET_WORD.finditer(fold(text))]
    if len(folded) != len(words):  # a joiner or mark split a word differently: fold word by word
        folded = [fold(m.group()) for m in words]
    # A word can only have the search form f if its folded spelling ends with f (stem only strips
    # prefixes), so the exact check runs on few words.
    endings = tuple(group[0] for group in query.groups)
    forms: dict[int, str] = {}

    def form(i: int) -> str:
        if i not in forms:
            forms[i] = stem(folded[i]) if i < len(folded) else ""
        return forms[i]

    hits: set[int] = set()
    for i, spelling in enumerate(folded):
        if not spelling.endswith(endings):
            continue
        for group in query.groups:
            if all(form(i + k) == term for k, term in enumerate(group)):
                hits.update(range(i, i + len(group)))
    return hits

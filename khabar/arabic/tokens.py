"""Tokens and sentences with character offsets.

Tokens: runs of letters (Arabic or Latin, with their diacritics and tatweel), numbers with
their decimal or thousands separators (`2.4`, `1,500`, `٢٫٤` stay one token), and single
punctuation marks (، ؛ ؟ « » " “ ” and the rest). Whitespace is never a token, nor are the
invisible direction and joining marks scraped pages are full of (U+200E, U+202A, U+FEFF ...).

Sentences end at . ! ? ؟ … or a line break; a full stop between digits (2.4) or after a single
Latin capital (U.S.) does not end one. Closing quote marks and brackets that follow the end mark
stay in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    (?P<word>[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*)
  | (?P<number>[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*)
  | (?P<punct>[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff])
    """,
    re.VERBOSE,
)  # a word: letters, then runs of diacritics/tatweel each followed by letters (no backtracking);
# invisible direction and joining marks (U+200E, U+202A ...) are no tokens, like whitespace

_SENTENCE_END = re.compile(r"(?:[.!?؟…]+|\n+)[\"'»”’)\]]*")
_CLOSERS = "\"'»”’)]"


class Token(NamedTuple):
    """One token: offsets into the text it came from, and its kind (word, number, punct).

    A named tuple rather than a frozen dataclass: articles have thousands of tokens, and a
    tuple is built several times faster.
    """

    start: int
    end: int
    text: str
    kind: str


_new_tuple = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    return list(_tokens(text, start, end))


@lru_cache(maxsize=512)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    # Several stages tokenize the same sentences of the same Document; the text's hash is
    # computed once per string, so a repeat costs a lookup. One article's ranges fit (about
    # fifty); more would only keep tens of thousands of tokens for the garbage collector to walk.
    # tuple.__new__ straight, not the named tuple's own __new__ (a Python call per token): the
    # same Token, built in about two thirds of the time
    return tuple([_new_tuple(Token, (m.start(), m.end(), m.group(), m.lastgroup or "punct"))
                  for m in _TOKEN.finditer(text, start, end)])


_HASHTAG_MARKS = re.compile(r"#(?=[^\W\d_])|(?<=[^\W\d_])_(?=[^\W\d_])")


def hashtag_words(text: str) -> str:
    """The text with its hashtags' marks read as spaces and spaces squeezed (`#الأمم_المتحدة` →
    `الأمم المتحدة`): the marks `without_hashtag_marks` leaves out of the tokens."""
    if "#" not in text and "_" not in text:
        return text
    return " ".join(_HASHTAG_MARKS.sub(" ", text).split())


def without_hashtag_marks(tokens: list[Token]) -> list[Token]:
    """The tokens without the marks of hashtags (`#ترمب`, `#الأمم_المتحدة`): a `#` glued to the
    word after it, and a `_` glued to words on both sides. Readers that look at the words next to
    a name (the tagger, a quote's subject) then see `وقال ترمب`, as in prose."""
    if not any(t.text in "#_" for t in tokens):
        return tokens
    kept = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        glued = after is not None and after.kind == "word" and after.start == token.end
        if token.text == "#" and glued:
            continue
        if token.text == "_" and glued and k > 0 and tokens[k - 1].end == token.start:
            continue
        kept.append(token)
    return kept


def _is_false_stop(text: str, stop: int, mark: str) -> bool:
    """A full stop inside a number (2.4), after one Latin capital (U.S.) or after one Arabic
    letter (`د. فلان`) ends no sentence."""
    if mark != ".":
        return False
    before = text[stop - 1] if stop > 0 else ""
    after = text[stop + 1] if stop + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    if _is_arabic_initial(text, stop) or _between_letter_names(text, stop) \
            or _before_domain(text, stop):
        return True
    return before.isascii() and before.isupper() and (stop < 2 or not text[stop - 2].isalpha())


# Honorifics abbreviated to their letter and a full stop before a name, folded: `د.` (doctor),
# `م.` (engineer), `أ.` (professor, and `أ.د.`).
ABBREVIATED_HONORIFICS = frozenset("د م ا".split())


def _is_arabic_initial(text: str, stop: int) -> bool:
    """The full stop at `stop` follows one Arabic letter standing alone (`د.`, `م.`, `أ.د.`, an
    initial): an abbreviation, not a sentence's end. After a number the letter is an era
    (`عام 2015 م.`) and the stop is real."""
    letter = text[stop - 1] if stop > 0 else ""
    if not "\u0621" <= letter <= "\u064a" or letter == "\u0640":
        return False
    k = stop - 2
    if k >= 0 and text[k].isalpha():
        return False
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return not (k >= 0 and text[k].isdigit())


# Latin letters as Arabic writes their names, which a full stop joins in an abbreviation
# (`إن.بي.سي`, `ايه.جي`, `يو.إس.إيه`), folded only for hamza seats.
_LETTER_NAMES = frozenset(
    "ايه أيه إيه اي إي آي بي سي دي اف إف جي جيه اتش إتش جاي كيه كي ال إل ام إم ان إن او أو كيو"
    " ار آر اس إس تي يو في دبليو اكس إكس واي زد زي".split())
_LETTERS = re.compile(r"[\u0621-\u064a]+")


def _between_letter_names(text: str, stop: int) -> bool:
    """The full stop at `stop` joins two names of Latin letters (`إن.بي.سي`, `ايه.جي
    انفست`): an abbreviation, not a sentence's end (`لم يحسم بعد.من جانبها` is one)."""
    after = _LETTERS.match(text, stop + 1)
    if after is None or after.group() not in _LETTER_NAMES:
        return False
    start = stop
    while start > 0 and "\u0621" <= text[start - 1] <= "\u064a":
        start -= 1
    return text[start:stop] in _LETTER_NAMES


# Domain endings as Arabic spells them after a site's name (`العربية.نت`, `سبق.كوم`).
_DOMAINS = frozenset("نت نيت كوم".split())


def _before_domain(text: str, stop: int) -> bool:
    """The full stop at `stop` joins a word to a domain ending (`لـ"العربية.نت"`): the site's
    name, not a sentence's end."""
    after = _LETTERS.match(text, stop + 1)
    return (after is not None and after.group() in _DOMAINS and stop > 0
            and "\u0621" <= text[stop - 1] <= "\u064a")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) ranges inside `text[start:end]`, trimmed of surrounding spaces."""
    end = len(text) if end is None else end
    ranges: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _is_false_stop(text, match.start(), text[match.start()]):
            continue
        stop = match.end()
        if match.group().startswith("\n"):
            stop = match.start()
        _append_trimmed(text, cursor, stop, ranges)
        cursor = match.end()
    _append_trimmed(text, cursor, end, ranges)
    return ranges


def _append_trimmed(text: str, start: int, end: int, ranges: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and not all(ch in _CLOSERS or ch.isspace() for ch in text[start:end]):
        ranges.append((start, end))

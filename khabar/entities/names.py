"""Comparable keys for names: folded spelling, no article, no proclitic لل.

Two spellings of one name (`الأمم المتحدة`, `للأمم المتحدة`, `الامم المتحده`) get the same key.
Folding is khabar.arabic.fold (alef, hamza seats, taa marbuta, alef maksura, diacritics).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from khabar.arabic import Token, fold, hashtag_words, normalize, tokenize

_WORD = re.compile(r"[^\W_]+")
PROCLITICS = "وفبلك"


def key_tokens(text: str) -> tuple[str, ...]:
    """Folded tokens of a name, each without a leading article (ال, or لل after the particle ل)."""
    return tuple(strip_article(token) for token in _WORD.findall(fold(text)))


def name_key(text: str) -> str:
    """One string key for a name: `key_tokens` joined by spaces."""
    return " ".join(key_tokens(text))


def strip_article(folded: str) -> str:
    """A folded word without its article: `الامم` and `للامم` both give `امم`."""
    if len(folded) > 3 and folded.startswith(("ال", "لل")):
        return folded[2:]
    return folded


def clitic_variants(folded: str) -> list[tuple[int, str]]:
    """A folded word and its readings without proclitics, as (letters stripped, rest) pairs.

    `والعراق` → [(0, والعراق), (1, العراق)]; `للأمم` → [(0, للامم), (1, لامم), (1, الامم)]
    (the particle ل before the article drops the article's alef).
    """
    variants = [(0, folded)]
    rest, stripped = folded, 0
    for _ in range(2):
        if len(rest) > 3 and rest[0] in PROCLITICS:
            rest, stripped = rest[1:], stripped + 1
            variants.append((stripped, rest))
            if rest.startswith("ل") and folded[stripped - 1] == "ل" and len(rest) > 3:
                variants.append((stripped, "ا" + rest))
    return variants


def surface(text: str, start: int, end: int) -> str:
    """How a mention names its entity: its text, with the article restored after the particle ل.

    In `للأمم المتحدة` a mention that leaves out the proclitic starts at `لأمم`, and one that keeps
    it starts at `للأمم`; both name `الأمم المتحدة`. `لجماعة الحوثي` names `جماعة الحوثي`. A
    hashtag's marks are no part of a name: `#الأمم_المتحدة` names `الأمم المتحدة`, `فلاديمير
    #بوتين` names `فلاديمير بوتين`.
    """
    words = hashtag_words(text[start:end])
    word_start = start == 0 or not text[start - 1].isalpha()
    if not word_start and text[start - 1] == "ل" and words.startswith("ل") and not words.startswith("لل"):
        return "ال" + (words if lam_noun(words[1:]) else words[1:])
    if word_start and words.startswith("لل") and len(words.split()[0]) > 4:
        return "ال" + ("ل" if lam_noun(words[2:]) else "") + words[2:]
    if word_start and words[:1] in ("ل", "ب") and fold(words.split()[0][1:]) in _GLUED_HEADS:
        return words[1:]  # `لجماعة الحوثي`, `بوزارة الصحة`: the preposition is no part of it
    return words


# Head nouns of bodies a mention may start with a preposition glued to (`لجماعة`, `بوزارة`).
_GLUED_HEADS = {fold(w) for w in (
    "جماعة حركة وزارة هيئة مجلس منظمة جمعية شركة مؤسسة اتحاد حزب جامعة وكالة مركز قوات إدارة "
    "مديرية صندوق بنك محكمة نادي منتخب جيش ميليشيا ميليشيات مليشيا مليشيات").split()}

# Nouns that start with ل, whose `ل` the particle ل swallows with the article: `للجنة` is ل +
# `اللجنة` (the committee), not ل + `الجنة` (paradise). Folded, without that ل.
_LAM_NOUNS = {fold(w) for w in "جنة جان جنتي جنتين واء".split()}


def lam_noun(rest: str) -> bool:
    """True when `rest`, a name after `لل` less its first letters, is a noun starting with ل."""
    first = rest.split()[0] if rest.split() else ""
    return fold(first) in _LAM_NOUNS


def skip_letters(word: str, count: int) -> int:
    """Index in `word` after its first `count` letters (diacritics do not count)."""
    if count == 0:
        return 0
    offsets = normalize(word).offsets
    return offsets[count] if count < len(offsets) else len(word)


@dataclass(frozen=True, slots=True)
class Words:
    """An article's tokens (khabar.arabic.tokenize) and their folded forms, read once and shared
    by the lexicon and head-noun readers (each used to tokenize and fold the whole text again)."""

    tokens: tuple[Token, ...]
    folded: tuple[str, ...]


def read_words(text: str, sentences: Sequence[tuple[int, int]] = ()) -> Words:
    """The tokens of `text` and their folded forms (fold memoizes words, which repeat).

    `sentences`: (start, end) ranges in text order, whose tokens the NER stage has already read
    (khabar.arabic.tokenize keeps them): the text's tokens are theirs and those of the gaps
    between them, the same tokens as the whole text's wherever no token can run across a cut
    (`_may_join`). Otherwise the whole text is read.
    """
    pieces = _pieces(text, sentences)
    return _words(text, None if pieces is None else tuple(pieces))


@lru_cache(maxsize=4)
def _words(text: str, pieces: tuple[tuple[int, int], ...] | None) -> Words:
    # The merge and role stages read the same article's words one after the other: the second
    # gets them from here (Words is immutable, so sharing it is safe).
    if pieces is None:
        tokens = tuple(tokenize(text))
    else:
        tokens = tuple(token for start, end in pieces for token in tokenize(text, start, end))
    return Words(tokens, tuple(map(fold, [t.text for t in tokens])))


def _pieces(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """`text` cut into the sentences and the gaps between them, or None where a token could run
    across a cut."""
    if not sentences:
        return None
    pieces, cursor = [], 0
    for start, end in sentences:
        if start < cursor or end < start:
            return None
        if start == end:
            continue
        if start > cursor and not text[cursor:start].isspace():
            pieces.append((cursor, start))
        pieces.append((start, end))
        cursor = end
    if cursor < len(text) and not text[cursor:].isspace():
        pieces.append((cursor, len(text)))
    for (_, cut), _next in zip(pieces, pieces[1:]):
        if _may_join(text[cut - 1], text[cut]):
            return None
    return pieces


_WORD_MARKS = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670\u0640"  # inside a word token
_NUMBER_SEPARATORS = ".,٫٬"  # inside a number token, between digits


def _may_join(before: str, after: str) -> bool:
    """Whether two neighbouring characters may belong to one token (khabar.arabic.tokens: a
    word is letters and marks, a number digits with separators between them, punctuation one
    mark alone). Errs towards yes: any letter or digit counts as a word's."""
    if _wordy(before) and _wordy(after):
        return True
    return (before in _NUMBER_SEPARATORS and after.isdigit()) or (
        before.isdigit() and after in _NUMBER_SEPARATORS)


def _wordy(char: str) -> bool:
    return char.isalnum() or char in _WORD_MARKS

"""Comparable keys for names: folded spelling, no article, no proclitic لل.

Two spellings of one name (`الأمم المتحدة`, `للأمم المتحدة`, `الامم المتحده`) get the same key.
Folding is khabar.arabic.fold (alef, hamza seats, taa marbuta, alef maksura, diacritics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import Token, fold, normalize, tokenize

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
    it starts at `للأمم`; both name `الأمم المتحدة`.
    """
    words = text[start:end]
    word_start = start == 0 or not text[start - 1].isalpha()
    if not word_start and text[start - 1] == "ل" and words.startswith("ل") and not words.startswith("لل"):
        return "ال" + words[1:]
    if word_start and words.startswith("لل") and len(words.split()[0]) > 4:
        return "ال" + words[2:]
    return words


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


def read_words(text: str) -> Words:
    """The tokens of `text` and their folded forms (fold memoizes words, which repeat)."""
    tokens = tuple(tokenize(text))
    return Words(tokens, tuple(fold(t.text) for t in tokens))

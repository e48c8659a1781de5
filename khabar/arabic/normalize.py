"""Arabic orthographic normalization that never moves offsets.

`normalize(text)` returns a *derived* string plus a map from every derived character back to
its index in the original, so a match found on the folded form is reported in clean-text
coordinates (STYLE §1: "Arabic normalization must never move offsets").

Folding rules (the usual ones in Arabic IR, e.g. Larkey et al., "Light Stemming for Arabic
Information Retrieval", 2002): diacritics and tatweel are dropped; alef variants (أ إ آ ٱ)
become ا; alef maksura ى becomes ي; taa marbuta ة becomes ه; hamza seats ؤ ئ become و ي;
Arabic-Indic and Persian digits become ASCII; Latin is lower-cased; a letter's presentation form
(`ﺃ`, U+FE83) becomes the letter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

# Harakat, tanween, shadda, sukun, dagger alef, Quranic marks, and tatweel: removed.
_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # fathatan .. hamza below/above marks
    + [chr(0x0670), chr(0x0640)]  # superscript (dagger) alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation signs
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]  # joiners, bidi marks
)

_FOLDED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ۀ": "ه",
}
_FOLDED.update({chr(0x0660 + d): str(d) for d in range(10)})  # ٠..٩
_FOLDED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # ۰..۹ (Persian)


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (a letter's isolated, initial, medial or final shape, as some
    sites still encode `ﺃﻥ`) folded like the letter they draw. Ligatures of two letters and more
    (`ﻻ`, `ﷲ`) stay: folding keeps one character for one, so offsets never move."""
    out = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        letter = unicodedata.normalize("NFKC", chr(code))
        if len(letter) == 1 and "\u0621" <= letter <= "\u06ff" and letter != chr(code):
            out[chr(code)] = _FOLDED.get(letter, letter)
    return out


_FOLDED.update(_presentation_forms())


@dataclass(frozen=True, slots=True)
class Normalized:
    """A folded string and, for each of its characters, the index of its source character."""

    text: str
    offsets: tuple[int, ...]
    source_length: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the folded string back to the original string."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.source_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def fold_char(ch: str) -> str:
    """Fold one character; returns "" for characters that are dropped."""
    if ch in _DROPPED:
        return ""
    folded = _FOLDED.get(ch)
    if folded is not None:
        return folded
    return ch.lower() if ch.isascii() else ch


def normalize(text: str) -> Normalized:
    """Fold `text` and keep the offset map back to it."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            chars.append(folded)
            offsets.append(index)
    return Normalized("".join(chars), tuple(offsets), len(text))


_TABLE = str.maketrans({**{ch: None for ch in _DROPPED}, **_FOLDED})


_FOLDED_WORDS: dict[str, str] = {}
_WORD_LENGTH = 40
_MEMO_SIZE = 200_000
_ARRAY_LENGTH = 100  # from about 80 characters on, an array pass beats translate()
_DROP = 0xFFFFFFFF  # no code point: marks a dropped character in the array table


def fold(text: str) -> str:
    """The folded form only, without the offset map (fast path for keys and lookups)."""
    if len(text) > _WORD_LENGTH:
        if len(text) >= _ARRAY_LENGTH:
            return _fold_codes(text).lower()
        return text.translate(_TABLE).lower()
    # Stages fold the same words again and again; a dictionary hit is far cheaper than
    # translate(). The memo is bounded: when full it starts over.
    folded = _FOLDED_WORDS.get(text)
    if folded is None:
        if len(_FOLDED_WORDS) >= _MEMO_SIZE:
            _FOLDED_WORDS.clear()
        folded = _FOLDED_WORDS[text] = text.translate(_TABLE).lower()
    return folded


def _code_table() -> np.ndarray:
    """Every BMP code point's folded code point (_DROP for the dropped), as `_TABLE` says."""
    table = np.arange(0x10000, dtype=np.uint32)
    for code, folded in _TABLE.items():
        table[code] = _DROP if folded is None else ord(folded)
    return table


_CODES = _code_table()


def _fold_codes(text: str) -> str:
    """`text.translate(_TABLE)` for a long text: translate() looks each character up in a
    dictionary (about 110 ns a character), an array lookup over all code points at once is
    some ten times faster on an article. Text beyond the BMP, or with a lone surrogate,
    goes through translate()."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return text.translate(_TABLE)
    if codes.max() >= 0x10000:
        return text.translate(_TABLE)
    folded = _CODES[codes]
    return folded[folded != _DROP].tobytes().decode("utf-32-le")

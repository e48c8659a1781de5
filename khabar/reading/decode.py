"""Bytes to text, with the encoding detected and recorded.

Arabic pages arrive as UTF-8 (with or without a BOM), UTF-16, or Windows-1256 (still common on
older Gulf and Levantine sites). Detection order: BOM → UTF-16 by its NUL-byte pattern → strict
UTF-8 → UTF-8 with a few bad bytes (a cut download, one corrupt byte: replaced, and counted in
`Decoded.replaced`) → Windows-1256, only when its reading is mostly Arabic letters. Bytes that
are neither are rejected as not UTF-8 (the message suggests `--encoding`). Binary data is
recognized by NUL bytes and control characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from khabar.inputs.limits import DEFAULT_MAX_BYTES

from khabar.errors import (
    BinaryInputRejected,
    EmptyInputRejected,
    EncodingRejected,
    InputError,
    TooLargeRejected,
)

# UTF-8 "but for a few bytes": at most one bad sequence per this many good non-ASCII characters.
_GOOD_PER_BAD = 20
# Windows-1256 needs this share of Arabic letters among the characters its high bytes make.
_MIN_ARABIC_SHARE = 0.6
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and the encoding that was used."""

    text: str
    encoding: str
    replaced: int = 0  # invalid byte sequences replaced by U+FFFD


def decode(content: bytes, *, encoding: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode page bytes; raises a Rejected subclass for empty, binary or oversized input."""
    if len(content) > max_bytes:
        raise TooLargeRejected(detail=f"{len(content)} bytes, over the limit of {max_bytes}")
    if not content.strip():
        raise EmptyInputRejected()
    if encoding:
        decoded = _decode_forced(content, encoding)
    else:
        decoded = _detect(content)
    _check_text(decoded.text)
    if not decoded.text.strip():
        raise EmptyInputRejected()
    return decoded


def _decode_forced(content: bytes, encoding: str) -> Decoded:
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise InputError("E304", encoding=encoding) from error
    try:
        return Decoded(content.decode(encoding), codecs.lookup(encoding).name)
    except UnicodeDecodeError as error:
        raise EncodingRejected(encoding=encoding) from error


def _detect(content: bytes) -> Decoded:
    for bom, name in _BOMS:
        if content.startswith(bom):
            try:
                return Decoded(content.decode(name), name)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(content)
    if utf16:
        return utf16
    if b"\x00" in content[:4096]:
        raise BinaryInputRejected(detail="NUL bytes")
    try:
        return Decoded(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _not_strict_utf8(content)


def _not_strict_utf8(content: bytes) -> Decoded:
    """UTF-8 with its few bad bytes replaced, else Windows-1256 on evidence, else a rejection."""
    text = content.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - content.count("\ufffd".encode())  # U+FFFD already in the page is no error
    good = sum(1 for char in text if char > "\x7f") - bad
    if good >= _GOOD_PER_BAD * bad or bad * _GOOD_PER_BAD * 10 <= len(text):
        return Decoded(text, "utf-8", replaced=bad)
    windows = content.decode("windows-1256", errors="replace")
    high = [char for char in windows if char > "\x7f"]
    arabic = sum(1 for char in high if "\u0600" <= char <= "\u06ff")
    if high and arabic / len(high) >= _MIN_ARABIC_SHARE:
        return Decoded(windows, "windows-1256")
    raise EncodingRejected(encoding="utf-8 (nor Windows-1256)")


def _utf16_without_bom(content: bytes) -> Decoded | None:
    """UTF-16 text has a NUL in most even (BE) or odd (LE) positions for Latin/markup."""
    sample = content[:4000]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[:-1]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, name in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if half and nuls / half > 0.3:
            try:
                return Decoded(content.decode(name), name)
            except UnicodeDecodeError:
                return None
    # Arabic letters in UTF-16-LE are `xx 06`: many 0x06 bytes in odd positions and no NULs.
    for sixes, name in ((sample[1::2].count(6), "utf-16-le"), (sample[0::2].count(6), "utf-16-be")):
        if half and sixes / half > 0.4:
            try:
                return Decoded(content.decode(name), name)
            except UnicodeDecodeError:
                return None
    return None


# Control characters (but not line breaks and tabs), private-use characters, U+FFFD.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _check_text(text: str) -> None:
    """Reject text that is mostly control characters or replacement characters."""
    sample = text[:20000]
    if not sample:
        return
    bad = len(_NOT_TEXT.findall(sample))
    if bad / len(sample) > 0.05:
        raise BinaryInputRejected(detail=f"{bad} control or undecodable characters in the first {len(sample)}")

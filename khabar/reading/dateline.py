"""Datelines: the short line above an article's body that says where, when and by whom it was filed.

News text opens with one often, on a line of its own:
- a place, a date and an agency: `الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`,
  `القاهرة في 3 مارس 2014 (أ ش أ)`;
- two or three short parts joined by dashes: an outlet and a place (`عين اليوم – جدة`), a writer
  and an outlet or a place (`رغد عشميل – عين اليوم`, `حائل - بشير الرشيدي:`).
A dateline is not the title (on a page without a headline the title guess took it) and it is not
boilerplate: its place, date and agency are the article's. Cleaning keeps it as a paragraph of
kind `dateline`, and where the page gives no publication date, the dateline's day is the
article's `published` (so `أمس` in the body resolves).

The forms are judged by shape alone, so an outlet or a town no lexicon knows is read too: a
dashed line has two or three parts of one to three words and no digits, quotes, brackets or
inner punctuation; a dated line has one or two words (the place) before a day of a named month
with its year, and at most four words (the agency) after it. Headlines of these shapes are
rare: 2 of the 35,952 SaudiNewsNet and ANT titles are read as datelines (`طرق مكة - جدة تتنفس`),
and 2,002 of their bodies open with one.
"""

from __future__ import annotations

import re

from khabar.measures.dates import find_dates

_DASH = re.compile(r"\s+[-–—ـ]+\s+|\s*[–—]\s*")
_NOT_IN_DASHED = re.compile(r"[\d٠-٩.!؟?،,؛;«»\"“”()\[\]|/:]")
_MAX_PART_WORDS = 3
_MAX_DASHED_WORDS = 6
_MAX_CHARS = 120
# Words a dated dateline may hold beside the place, the dates and the agency.
_DATE_WORDS = frozenset({"الموافق", "هـ", "ه", "م", "في", "بتاريخ"})
_EDGES = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_BRACKETED = re.compile(r"[()\[\]\-–—ـ:،,]")
_MONTH_NAME = re.compile(r"[^\W\d_]")  # `10 أغسطس 2015`, not `2015/8/10` (a caricature's caption)
_DATE = "\x00"  # where a date stood, once the dates are cut out
_EDGE_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def is_dateline(text: str) -> bool:
    """Whether the line is a dateline of one of the two forms in the module docstring."""
    line = _plain(text)
    return line is not None and (_is_dashed(line.rstrip(":").strip()) or _dated_day(line) is not None)


def dateline_day(text: str) -> str | None:
    """The ISO day a dated dateline gives (`الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`
    → `2015-08-10`), None for another line (a dashed dateline has no date)."""
    line = _plain(text)
    return _dated_day(line) if line is not None else None


def dashed_parts(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of a dashed dateline's parts (`رغد عشميل – عين اليوم`
    → the writer and the outlet), without a closing colon; [] for any other line."""
    line = _plain(text)
    if line is None or not _is_dashed(line.rstrip(":").strip()):
        return []
    parts, at = [], 0
    for match in [*_DASH.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        start = at
        while start < end and (text[start].isspace() or text[start] in _EDGE_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_MARKS + ":"):
            end -= 1
        if start < end:
            parts.append((start, end))
        at = match.end() if match is not None else at
    return parts


def _plain(text: str) -> str | None:
    """The line with its direction marks and spaces squeezed; None when it cannot be a dateline
    (empty, long, or closing like a sentence)."""
    line = _EDGES.sub(" ", text).strip()
    if not line or len(line) > _MAX_CHARS or line.endswith((".", "!", "؟", "?", "…")):
        return None
    return line


def _is_dashed(text: str) -> bool:
    if _NOT_IN_DASHED.search(text):
        return False
    parts = _DASH.split(text)
    if not 2 <= len(parts) <= 3:
        return False
    sizes = [len(part.split()) for part in parts]
    return all(1 <= size <= _MAX_PART_WORDS for size in sizes) and sum(sizes) <= _MAX_DASHED_WORDS


def _dated_day(text: str) -> str | None:
    """The day of a dated dateline: one or two words (the place), then dates (one a day of a
    named month with its year; a Hijri one may stand beside it), then at most four words (the
    agency). None for another line."""
    hits = find_dates(text, 0, len(text), None)
    days = [h.value for h in hits
            if h.value and len(h.value) == 10 and _MONTH_NAME.search(text, h.start, h.end)]
    if not days:
        return None
    pieces, at = [], 0
    for hit in hits:
        pieces += [text[at:hit.start], _DATE]
        at = hit.end
    pieces.append(text[at:])
    words = [w for w in _BRACKETED.sub(" ", " ".join(pieces)).split() if w not in _DATE_WORDS]
    first, last = words.index(_DATE), len(words) - words[::-1].index(_DATE)
    shaped = (1 <= first <= 2 and all(w == _DATE for w in words[first:last])
              and len(words) - last <= 4)
    return days[0] if shaped else None

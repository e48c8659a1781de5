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


def is_dateline(text: str) -> bool:
    """Whether the line is a dateline of one of the two forms in the module docstring."""
    text = _EDGES.sub(" ", text).strip()
    if not text or len(text) > _MAX_CHARS or text.endswith((".", "!", "؟", "?", "…")):
        return False
    return _is_dashed(text.rstrip(":").strip()) or _is_dated(text)


def dateline_day(text: str) -> str | None:
    """The ISO day a dated dateline gives (`الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`
    → `2015-08-10`), None for another line."""
    if not is_dateline(text):
        return None
    return next((day for day in _named_days(text)), None)


def _named_days(text: str) -> list[str]:
    return [h.value for h in find_dates(text, 0, len(text), None)
            if h.value and len(h.value) == 10 and _MONTH_NAME.search(text, h.start, h.end)]


def _is_dashed(text: str) -> bool:
    if _NOT_IN_DASHED.search(text):
        return False
    parts = _DASH.split(text)
    if not 2 <= len(parts) <= 3:
        return False
    sizes = [len(part.split()) for part in parts]
    return all(1 <= size <= _MAX_PART_WORDS for size in sizes) and sum(sizes) <= _MAX_DASHED_WORDS


def _is_dated(text: str) -> bool:
    """One or two words (the place), then dates (one a day with a named month and a year; a Hijri one may
    stand beside it), then
    at most four words (the agency)."""
    if not _named_days(text):
        return False
    hits = find_dates(text, 0, len(text), None)
    pieces, at = [], 0
    for hit in hits:
        pieces += [text[at:hit.start], _DATE]
        at = hit.end
    pieces.append(text[at:])
    words = [w for w in _BRACKETED.sub(" ", " ".join(pieces)).split() if w not in _DATE_WORDS]
    first, last = words.index(_DATE), len(words) - words[::-1].index(_DATE)
    return (1 <= first <= 2 and all(w == _DATE for w in words[first:last])
            and len(words) - last <= 4)

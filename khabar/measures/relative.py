"""Resolve relative date words (`أمس`, `الأربعاء`, `الأسبوع الماضي`) against the publication date.

Policy: a bare weekday is the most recent such day on or before publication (news reports what
happened), unless the sentence announces the future before it (`سوف`, `من المقرر`, `من المتوقع`)
or the weekday is followed by `المقبل`/`القادم`; `الماضي` means strictly before. Weeks are ISO
weeks (`2016-W28`), months `2016-07`, years `2016`.
"""

from __future__ import annotations

import datetime as dt

from khabar.arabic import fold
from khabar.measures.calendar import WEEKDAYS

_FUTURE_CUES = ("سوف", "من المقرر", "من المنتظر", "من المتوقع", "يعتزم", "تعتزم")
_DAY_SHIFT = {"امس": -1, "الامس": -1, "اليوم": 0, "الغد": 1, "بعد غد": 2}
_WEEKDAYS = {fold(name): number for name, number in WEEKDAYS.items()}


def parse_published(published: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string; None when missing or not understood."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def future_cue_end(text: str, start: int, end: int) -> int | None:
    """Where the first future cue (`سوف`, `من المقرر` ...) of text[start:end] ends, if any.

    A date at offset `p` follows a future cue in its sentence when this is at most `p`. Found
    once per sentence: searching the sentence up to each date was quadratic in a long one.
    """
    ends = [found + len(cue) for cue in _FUTURE_CUES if (found := text.find(cue, start, end)) >= 0]
    return min(ends, default=None)


def resolve(words: str, published: dt.date | None, announced: bool) -> str | None:
    """ISO value of relative date `words` published on `published`; `announced`: the sentence
    announces the future before the words (`future_cue_end`)."""
    if published is None:
        return None
    key = " ".join(fold(words).replace("\u064b", "").split())
    key = key.removeprefix("يوم ")
    if key.startswith("غد"):
        key = "الغد"
    if key in _DAY_SHIFT:
        return (published + dt.timedelta(days=_DAY_SHIFT[key])).isoformat()
    if key.startswith("اول") or key == "امس الاول":
        return (published - dt.timedelta(days=2)).isoformat()
    first, _, modifier = key.partition(" ")
    if first in ("هذا", "هذه"):
        first, modifier = modifier, "الحالي"
    step = _direction(modifier)
    if first in _WEEKDAYS:
        future = step > 0 or (not modifier and announced)
        return _weekday(published, _WEEKDAYS[first], future, strict=bool(modifier)).isoformat()
    if first == "الاسبوع":
        year, week, _ = (published + dt.timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if first == "الشهر":
        month = published.month - 1 + step
        return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"
    if first in ("العام", "السنه"):
        return f"{published.year + step:04d}"
    return None


def _direction(modifier: str) -> int:
    if modifier.startswith(("الماضي", "المنصرم")):
        return -1
    if modifier.startswith(("المقبل", "القادم")):
        return 1
    return 0


def _weekday(published: dt.date, weekday: int, future: bool, *, strict: bool) -> dt.date:
    """The nearest such weekday before (or, when future, after) the publication date."""
    if future:
        days = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=days)
    days = (published.weekday() - weekday) % 7
    if strict and days == 0:
        days = 7
    return published - dt.timedelta(days=days)

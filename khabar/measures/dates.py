"""Find dates in Arabic text and normalize them to ISO 8601 (`2014-08`, `2016-07-20`, `2014`).

Absolute dates: `20 يوليو 2016`, `آب/أغسطس 2014`, `2016/07/20`, `20-7-2016`, and a year alone in a
date context (`عام 2014`, `في 2014`). Relative dates (`أمس`, `الأربعاء`, `الأسبوع الماضي`) resolve
against the publication date; without one their value is None. Hijri dates are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from khabar.measures.calendar import (
    DIGITS, GREGORIAN, HIJRI, WEEKDAYS, alternation, ascii_digits, month_number,
)
from khabar.measures.relative import future_cue_end, resolve

D = f"[{DIGITS}]"
_MONTH = alternation([p for patterns in GREGORIAN.values() for p in patterns])
_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_AFTER = rf"(?![^\W\d_]|{D})"
_SEP = r"(?:[.\-]|\s?/\s?)"  # 2016/07/20, 20-07-2016, 20.07.2016, and the spaced 20 / 7 / 2016
# The Gregorian era letter after a year (`2015م`, `2015 م`), as Saudi and Gulf news write it; the
# year is still the year (`م` alone, not the first letter of a word such as `ميلادي`).
_ERA = r"(?:\s?م(?![^\W\d_]))?"

_PATTERN = re.compile(
    rf"""{_LETTER_BEFORE}[وفبل]?(?:
      (?P<skip>(?:{D}{{1,2}}\s+)?{alternation(HIJRI)}\s+{D}{{3,4}}(?:\s*هـ)?|{D}{{3,4}}\s*هـ)
    | (?P<numeric>(?P<y1>{D}{{4}}){_SEP}(?P<m1>{D}{{1,2}}){_SEP}(?P<d1>{D}{{1,2}})
                | (?P<d2>{D}{{1,2}}){_SEP}(?P<m2>{D}{{1,2}}){_SEP}(?P<y2>{D}{{4}}))
    | (?P<named>(?:(?P<day>{D}{{1,2}})\s*(?:من\s+)?)?(?P<month>{_MONTH})
                (?:\s*[/(]\s*{_MONTH}\s*\)?)?
                (?:\s*[،,]?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنة\s+)?(?P<year>{D}{{4}}){_ERA})?)
    | (?P<keyword>(?:عام|العام|سنة)\s+(?P<y3>{D}{{4}}){_ERA})
    | (?:في|منذ|خلال|حتى|قبل|بعد|مطلع|أواخر|أوائل|نهاية|بداية|منتصف|أواسط)\s+(?P<y4>{D}{{4}}){_ERA}
    | (?P<relative>(?:يوم\s+)?{alternation(list(WEEKDAYS))}
                (?:\s+(?:الماضي|المنصرم|المقبل|القادم))?
        | أول\s+(?:من\s+)?[اأ]مس | [اأ]مس\s+ال[اأ]ول | بعد\s+غد | ال[اأ]مس | [اأ]مس | اليوم
        | غد[اً\u064B]{{1,2}} | الغد
        | (?:ال[اأ]سبوع|الشهر|العام|السنة)\s+(?:الماضية?|المنصرمة?|المقبلة?|القادمة?|الجارية?|الحالية?)
        | هذا\s+(?:ال[اأ]سبوع|الشهر|العام) | هذه\s+السنة)
    ){_NOT_AFTER}""",
    re.VERBOSE,
)
# `اليوم الأول`, `اليوم نفسه`: "the day", not "today" (`اليوم الأربعاء` is still today).
_TODAY_NOT_DATE = re.compile(r"\s+(?:ال(?![اإ]ثنين|ثلاثاء|[اأ]ربعاء|خميس|جمعة|سبت|[اأ]حد)|نفسه|ذاته)")


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in the text: offsets, ISO value (or None), and whether it is relative."""

    start: int
    end: int
    value: str | None
    relative: bool = False
    skipped: bool = False  # a Hijri date: found so that its numbers are not read as anything else


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateHit]:
    """Dates inside text[start:end], including skipped Hijri ones (see DateHit.skipped)."""
    hits = []
    cue_end = future_cue_end(text, start, end) if published else None
    for match in _PATTERN.finditer(text, start, end):
        hit = _read(match, text, published, cue_end)
        if hit is not None:
            hits.append(hit)
    return hits


def _read(match: re.Match, text: str, published, cue_end: int | None) -> DateHit | None:
    if match.group("skip"):
        return DateHit(*match.span("skip"), None, skipped=True)
    if match.group("numeric"):
        return _numeric(match)
    if match.group("named"):
        day, year = match.group("day"), match.group("year")
        if year is None and day is None:
            return None
        month = month_number(match.group("month"))
        if year is None:  # `20 يوليو`: the year is the publication's
            value = _iso(published.year, month, int(ascii_digits(day))) if published else None
            return DateHit(*match.span("named"), value, relative=True)
        value = _iso(int(ascii_digits(year)), month, int(ascii_digits(day)) if day else None)
        return DateHit(*match.span("named"), value) if value else None
    for name in ("y3", "y4"):
        if match.group(name):
            year = int(ascii_digits(match.group(name)))
            span = match.span("keyword") if name == "y3" else match.span(name)
            return DateHit(*span, str(year)) if 1900 <= year <= 2100 else None
    words = match.group("relative")
    if words is None:
        return None
    span = match.span("relative")
    if words == "اليوم" and _TODAY_NOT_DATE.match(text, span[1]):
        return None
    if words.endswith(("الاثنين", "الإثنين")) and not _clearly_monday(text, span):
        return None
    announced = cue_end is not None and cue_end <= span[0]
    return DateHit(*span, resolve(words, published, announced), relative=True)


def _numeric(match: re.Match) -> DateHit | None:
    if match.group("y1"):
        year, month, day = (match.group(k) for k in ("y1", "m1", "d1"))
    else:
        year, month, day = (match.group(k) for k in ("y2", "m2", "d2"))
    year, month, day = (int(ascii_digits(x)) for x in (year, month, day))
    if month > 12 and day <= 12:
        month, day = day, month  # 07/20/2016 written the American way
    value = _iso(year, month, day)
    return DateHit(*match.span("numeric"), value) if value else None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _clearly_monday(text: str, span: tuple[int, int]) -> bool:
    """`الاثنين` is also "the two": Monday after يوم or اليوم, before الماضي, or between commas."""
    words = text[span[0]:span[1]]
    # The text before and after without the spaces next to the word; no copy of the whole text
    # per match (that was quadratic in a long page).
    stop = span[0]
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    if words.startswith("يوم") or " " in words or text[max(0, stop - 5):stop] == "اليوم":
        return True
    after_at = span[1]
    while after_at < len(text) and text[after_at].isspace():
        after_at += 1
    before, after = text[stop - 1:stop] if stop else "", text[after_at:after_at + 1]
    return before in "،," and before != "" and after in "،,." and after != ""

"""Month and weekday names, and digits: the vocabulary the date finder reads.

Gregorian months have three families of names in Arabic news: Levantine and Iraqi (آب), Egyptian
and Gulf transliterations (أغسطس), and Maghrebi ones (أوت, غشت). Hijri months are recognised
only so that their dates are skipped (DateMention has no calendar field).
"""

from __future__ import annotations

import re

DIGITS = "0-9٠-٩۰-۹"
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

A = "[اأإآ]"  # any alef seat: months are spelt with all of them

GREGORIAN = {
    1: ["كانون الثاني", "يناير", "جانفي"],
    2: ["شباط", "فبراير", "فيفري"],
    3: [f"{A}ذار", "مارس"],
    4: ["نيسان", f"{A}بريل", f"{A}فريل"],
    5: [f"{A}يار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان"],
    7: ["تموز", "يوليو", "يوليه", "يوليوز", "جويلية"],
    8: [f"{A}ب", f"{A}غسطس", f"{A}وت", "غشت"],
    9: [f"{A}يلول", "سبتمبر", "شتنبر"],
    10: ["تشرين ال[اأ]ول", "تشرين [اأ]ول", f"{A}كتوبر"],
    11: ["تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"],
    12: ["كانون ال[اأ]ول", "كانون [اأ]ول", "ديسمبر", "دجنبر"],
}

HIJRI = [
    "محرم", "صفر", "ربيع ال[اأ]ول", "ربيع الآخر", "ربيع الثاني", "جمادى ال[اأ]ولى",
    "جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذي القعدة",
    "ذو الحجة", "ذي الحجة",
]

# Python's weekday numbers: Monday is 0.
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}


def month_number(name: str) -> int | None:
    """The Gregorian month a month name (one of GREGORIAN's spellings) stands for."""
    for number, patterns in GREGORIAN.items():
        if any(re.fullmatch(p.replace(" ", r"\s+"), name) for p in patterns):
            return number
    return None


def ascii_digits(text: str) -> str:
    """`٢٠١٤` → `2014`."""
    return text.translate(_DIGIT_MAP)


def alternation(patterns: list[str]) -> str:
    """One regex group matching any pattern, longest spellings first; spaces match any run of them
    (and survive re.VERBOSE)."""
    ordered = sorted(patterns, key=len, reverse=True)
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in ordered) + ")"

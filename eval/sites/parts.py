"""Pieces every site has, drawn at random: dates and times in the ways Arabic sites print them."""

from __future__ import annotations

import random

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
LEVANT_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                 "تشرين الأول", "تشرين الثاني", "كانون الأول"]
WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
RLM, LRM = "\u200f", "\u200e"


def date(rng: random.Random, style: int | None = None) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2015, 2016, 2017, 2018])
    style = rng.randrange(6) if style is None else style
    if style == 0:
        return f"{day:02d}/{month:02d}/{year}"
    if style == 1:
        return f"{year}-{month:02d}-{day:02d}"
    if style == 2:
        return f"{rng.choice(WEEKDAYS)} {day} {MONTHS[month - 1]} {year}"
    if style == 3:
        return f"{day} {LEVANT_MONTHS[month - 1]} {year}"
    if style == 4:
        return f"{day} {MONTHS[month - 1]} {year}".translate(EASTERN)
    return f"{day}.{month}.{year}"


def time(rng: random.Random, style: int | None = None) -> str:
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    style = rng.randrange(4) if style is None else style
    if style == 0:
        return f"{hour:02d}:{minute:02d}"
    if style == 1:
        return f"{hour}:{minute:02d} {rng.choice(['ص', 'م'])}"
    if style == 2:
        return f"{hour:02d}:{minute:02d} {rng.choice(['صباحاً', 'مساءً'])}"
    return f"{hour + 6:02d}:{minute:02d} بتوقيت مكة"


def en_date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(EN_MONTHS)} {rng.choice([2016, 2017, 2018])}"

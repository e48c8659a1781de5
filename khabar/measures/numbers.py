"""Find quantities: a number (digits or words), an optional scale word, and the counted noun.

A quantity needs a counted noun, a scale word or a percent sign: a bare number (a list item, a
page, an article of law, a year in brackets) is not one.

`2.4 مليون نازح` → 2400000 `نازح`; `30 دولة` → 30 `دولة`; `ثلاثة آلاف` → 3000; `نصف مليون` →
500000; `15%` and `15 في المئة` → 15 `%`; `مليار دولار` → 1e9 `دولار`. Vague amounts
(`عشرات`, `آلاف` alone, `مئات`) are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.measures.calendar import DIGITS, ascii_digits

_WORD_VALUES = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
    "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
    "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتي": 200, "مائتي": 200, "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400,
    "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500, "الف": 1000, "الفان": 2000, "الفين": 2000,
    "نصف": 0.5, "ربع": 0.25,
}
# Words that are numbers but too often something else on their own (واحد "one, the same").
_NOT_ALONE = {"واحد", "واحده", "نصف", "ربع", "خمس", "ست", "سبع", "عشر"}
_SCALES = {
    "الف": 1e3, "الفا": 1e3, "الاف": 1e3, "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6,
    "مليار": 1e9, "مليارا": 1e9, "مليارات": 1e9, "بليون": 1e9, "ترليون": 1e12, "تريليون": 1e12,
}
_LABELS = {fold(w) for w in (
    "رقم المادة مادة الفقرة فقرة البند بند العدد عدد الصفحة صفحة ص الجزء الحلقة القرار قرار الفصل "
    "الطريق الطريق السريع الغرفة الكيلو"
).split()}
_SINGULAR_SCALES = {"الف", "مليون", "مليار", "بليون", "ترليون", "تريليون"}
_STARTERS = set(_WORD_VALUES) | _SINGULAR_SCALES
_MARKS = "[\u064B-\u065F\u0670\u0640]*"
_SPELLINGS = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يىئ]", "و": "[وؤ]"}


def _spelling(folded: str) -> str:
    """A regex for every spelling that folds to `folded` (hamza seats, taa marbuta, diacritics)."""
    return _MARKS.join(_SPELLINGS.get(ch, re.escape(ch)) for ch in folded) + _MARKS


# Where a quantity may start: a digit, or a number or scale word (after a space or و).
_CANDIDATE = re.compile(
    rf"(?:(?<=و)|(?<![^\W_]))(?:(?<![{DIGITS}][.,٫٬])[{DIGITS}]|(?:"
    + "|".join(sorted((_spelling(w) for w in _STARTERS), key=len, reverse=True))
    + r")(?![^\W\d_]))"
)
_BEFORE, _AFTER = 40, 160  # characters read around a candidate: the label before, the unit after
_NOT_UNITS = {fold(w) for w in (
    "في من إلى الى على عن مع أو و ما التي الذي الذين بين حتى قبل بعد منذ خلال عند أن إن لا لم "
    "قد كان كانت هو هي هذا هذه ذلك تلك فقط نحو حوالي منه منها منهم عنه عنها فيه فيها عليه "
    "عليها إليه إليها له لها لهم به بها بتاريخ"
).split()}
_PERCENT_WORDS = re.compile(r"\s*(?:[%٪]|في\s+الم[ئا]ئ?ة|بالم[ئا]ئ?ة|بالمية|في\s+المية)(?![^\W\d_])")
# A digit run starts a token after a non-word character or after the conjunction و (`بين 10 و20`).
_NUMBER = re.compile(rf"(?:(?<=و)|(?<![^\W_]))[{DIGITS}]+(?:[.,٫٬][{DIGITS}]+)*|[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class QuantityHit:
    """A quantity found in the text."""

    start: int
    end: int
    value: float
    unit: str | None


def parse_number(text: str) -> float | None:
    """`2.4` → 2.4, `1,500` → 1500, `٢٫٤` → 2.4, `1.500.000` → 1500000."""
    digits = ascii_digits(text).replace("٬", ",").replace("٫", ".")
    groups = re.split(r"[.,]", digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and (
        "," in digits or len(groups) > 2
    ):
        return float("".join(groups))
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def find_quantities(text: str, start: int, end: int) -> list[QuantityHit]:
    """Quantities inside text[start:end]."""
    hits: list[QuantityHit] = []
    cursor = start
    for candidate in _CANDIDATE.finditer(text, start, end):
        at = candidate.start()
        if at < cursor:
            continue
        before = [_token(m) for m in _NUMBER.finditer(text, max(start, at - _BEFORE), at)][-1:]
        after = [_token(m) for m in _NUMBER.finditer(text, at, min(end, at + _AFTER))]
        hit = _read_at(text, before + after, len(before), end)
        if hit is not None:
            hits.append(hit)
            cursor = hit.end
    return hits


def _token(match: re.Match) -> tuple[int, int, str, str]:
    return match.start(), match.end(), match.group(), fold(match.group())


def _read_at(text, tokens, i, limit) -> QuantityHit | None:
    """The quantity that starts at token i, if any."""
    s, _, word, folded = tokens[i]
    digits = word[0].isdigit()  # ASCII, Arabic-Indic and Persian digits alike
    if not digits and folded not in _STARTERS:
        return None
    value = parse_number(word) if digits else _WORD_VALUES.get(folded)
    if value is None and folded in _SCALES and folded in _SINGULAR_SCALES:
        return _scale_alone(text, tokens, i, folded)
    if value is None:
        return None
    value = float(value)
    j = i + 1
    while not digits and j < len(tokens) and _gap_is_space(text, tokens[j - 1][1], tokens[j][0]):
        nxt = tokens[j][3]  # compound number words: خمسة وعشرون
        if nxt.startswith("و") and nxt[1:] in _WORD_VALUES and nxt[1:] not in _NOT_ALONE:
            value += _WORD_VALUES[nxt[1:]]
            j += 1
        else:
            break
    scaled = False
    if j < len(tokens) and _gap_is_space(text, tokens[j - 1][1], tokens[j][0]):
        scale = _SCALES.get(tokens[j][3])
        if scale is not None and not (folded == "الف" and j == i + 1):
            value, scaled, j = value * scale, True, j + 1
    if not digits and not scaled and folded in _NOT_ALONE:
        return None
    end = tokens[j - 1][1]
    percent = _PERCENT_WORDS.match(text, end, limit)
    if percent:
        return QuantityHit(s, percent.end(), value, "%")
    unit = _unit(text, tokens, j)
    if unit is None and not scaled:
        return None  # a bare number (a list item, a page, a year) counts nothing
    if i > 0 and tokens[i - 1][3] in _LABELS and _gap_is_space(text, tokens[i - 1][1], s):
        return None  # `المادة 103`, `رقم 435`: a label, not an amount
    if unit is None:
        return QuantityHit(s, tokens[j - 1][1], value, None)
    return QuantityHit(s, unit.end, value, unit.text)


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    end: int


def _unit(text, tokens, j) -> _Unit | None:
    """The counted noun at token j (`من` + noun too: `مليون من اللاجئين`)."""
    if j < len(tokens) and _gap_is_space(text, tokens[j - 1][1], tokens[j][0]) and tokens[j][3] == "من":
        j += 1
    if j >= len(tokens) or not _gap_is_space(text, tokens[j - 1][1], tokens[j][0]):
        return None
    _, end, word, folded = tokens[j]
    if not word[0].isalpha() or folded in _NOT_UNITS or folded in _SCALES:
        return None
    return _Unit("".join(ch for ch in word if not "\u064b" <= ch <= "\u0652"), end)


def _gap_is_space(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip()


def _scale_alone(text, tokens, i, folded) -> QuantityHit | None:
    """`مليار دولار`: a singular scale word is one of it, when a counted noun follows."""
    unit = _unit(text, tokens, i + 1)
    if unit is None:
        return None
    return QuantityHit(tokens[i][0], unit.end, _SCALES[folded], unit.text)

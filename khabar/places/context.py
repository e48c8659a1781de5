"""What an article says around its place names: the words before and after a mention, the
countries the article describes, whether it is about football. Word lists for the rules of
khabar.places.resolve live here, folded (khabar.arabic.fold) as the text is read.

`adjective_countries` gathers the countries an article describes with a nisba adjective
(`الروسية`, `السوريين`); `words_before` and `word_after` give the folded words next to a mention,
without proclitics and article (`ومحافظة` -> `محافظه`).
"""

from __future__ import annotations

import re

from khabar.arabic import fold
from khabar.entities.names import strip_article


def _folded(words: str) -> frozenset[str]:
    return frozenset(strip_article(fold(w)) for w in words.split())


# Before a mention: it is a family name (بن، آل ...), or a title ends the person's name before it.
FAMILY_WORDS = _folded("بن بنت ابن آل أبو أبي أم")
TITLES = _folded("سلطان ملك أمير رئيس شيخ حاكم سفير وزير مفتي ولي")
# Before a mention: the name is part of the name of something else (a sea, a stadium, a firm,
# a magazine; Real Madrid), not the place.
PART_OF_NAME = _folded("بحر خليج مضيق محيط قناة ملعب استاد شركة مجموعة مجلة صحيفة بنك مصرف فندق "
                       "ريال أتلتيكو أتليتيكو إنتر إنترناسيونالي بوروسيا باشيكشهر")
PLACE_PREPOSITIONS = _folded("في من إلى الى")
# Before or after a mention: the city, not the country of the same name (العاصمة التونسية تونس).
CITY_WORDS = _folded("مدينة العاصمة عاصمة")
# Cities whose names are also football clubs; in a football article, read as the club unless
# `في` or a city word comes before.
CLUB_CITIES = _folded("برشلونة ميلانو ليفربول مانشستر مدريد روما نابولي ميونيخ دورتموند بورتو "
                      "ليون مرسيليا فالنسيا إشبيلية تورينو لشبونة أمستردام")
FOOTBALL = _folded("مباراة الدوري لاعب اللاعب المدرب هدف الهدف المنتخب")

_WORD = re.compile(r"[^\W\d_]+")
# Nisba endings (folded: ة -> ه): سوري، سوريه، سوريون، سوريين، سوريان، سوريات
_NISBA = re.compile(r"^(?:[وفبل]{0,2}ال|[وفبل]{0,2})(.{3,}?)(?:ي|يه|يون|يين|يان|يات)$")


def adjective_countries(text: str, adjectives: dict[str, str]) -> set[str]:
    """Alpha-2 codes of the countries whose nisba adjective the text uses (`الروسية` -> RU)."""
    found = set()
    for word in set(_WORD.findall(fold(text))):
        match = _NISBA.match(word)
        if match:
            code = adjectives.get(match.group(1)) or adjectives.get(match.group(1) + "ي")
            if code:
                found.add(code)
    return found


def is_football(text: str) -> bool:
    """Whether the article talks football (two of its words, e.g. مباراة and لاعب)."""
    return len(FOOTBALL & {strip_article(w) for w in _WORD.findall(fold(text))}) >= 2


def words_before(text: str, start: int, count: int = 2) -> list[str]:
    """The `count` folded words before `start`, nearest first, without و/ف/ب and article."""
    words = []
    for _ in range(count):
        word, start = _word_ending(text, start)
        if not word:
            break
        words.append(word)
    return words


def word_after(text: str, end: int) -> str:
    """The folded word that starts after `end` (across spaces), without its article."""
    begin = end
    while begin < len(text) and text[begin] in " «»\"“”":
        begin += 1
    stop = begin
    while stop < len(text) and not text[stop].isspace() and text[stop] not in "،,.:؛»\"”)":
        stop += 1
    return strip_article(fold(text[begin:stop]))


def _word_ending(text: str, start: int) -> tuple[str, int]:
    end = start
    while end > 0 and text[end - 1] in " «»\"“”":  # quote marks around a name are not a word
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] not in "«\"“(":
        begin -= 1
    word = fold(text[begin:end]).strip("،,.:؛")
    while len(word) > 3 and word[0] in "وفب":
        word = word[1:]
    return strip_article(word), begin

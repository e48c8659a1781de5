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
FOOTBALL_WORDS = "مباراة الدوري لاعب المدرب هدف المنتخب"

# A word with its diacritics and tatweel (as in khabar.entities.gazetteer).
_WORD = re.compile(r"[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*")
_EDGE = "«»\"“”()،,.:؛!?؟"
# Words of Arabic letters that end like a nisba adjective: only these are folded and looked up
# (a nisba adjective in news rarely carries diacritics).
_NISBA_WORD = re.compile(r"[\u0621-\u064A]{2,}(?:ي|ية|يه|يون|يين|يان|يات)(?![\u0621-\u064A])")
_FOOTBALL_FORMS = tuple(FOOTBALL_WORDS.split())


def adjective_countries(text: str, adjective_forms: dict[str, str]) -> set[str]:
    """Alpha-2 codes of the countries whose nisba adjective the text uses (`الروسية` -> RU);
    `adjective_forms` is khabar.places.gazetteer.Gazetteer.adjectives."""
    return {adjective_forms[f] for w in set(_NISBA_WORD.findall(text)) if (f := fold(w)) in adjective_forms}


def is_football(text: str) -> bool:
    """Whether the article talks football: two of its words (مباراة, لاعب, الدوري ...) occur."""
    return sum(1 for form in _FOOTBALL_FORMS if form in text) >= 2


def words_before(text: str, start: int, count: int = 2) -> list[str]:
    """The `count` folded words before `start`, nearest first, without و/ف/ب and article."""
    found = []
    for token in reversed(text[max(0, start - 60):start].split()[-count - 2:]):
        word = fold(token.strip(_EDGE))
        if not word:
            continue
        while len(word) > 3 and word[0] in "وفب":
            word = word[1:]
        found.append(strip_article(word))
        if len(found) == count:
            break
    return found


def word_after(text: str, end: int) -> str:
    """The folded word that starts after `end` (across spaces), without its article."""
    for token in text[end:end + 40].split()[:2]:
        word = fold(token.strip(_EDGE))
        if word:
            return strip_article(word)
    return ""

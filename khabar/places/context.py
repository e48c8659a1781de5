"""What an article says around its place names: the countries it names, and the word before a name.

`countries_in_article` gathers the countries an article names (a place name whose best reading is
a country) or describes with a nisba adjective (`الروسية`, `السوريين`); a city of such a country
is a likelier reading. `word_before` / `words_before` give the folded words before a mention,
without proclitics (`ومحافظة` -> `محافظه`), for the descriptor and family-name rules of
khabar.places.resolve.
"""

from __future__ import annotations

import re

from khabar.arabic import fold
from khabar.entities.names import strip_article

_WORD = re.compile(r"[^\W\d_]+")
# Nisba endings (folded: ة -> ه): سوري، سوريه، سوريون، سوريين، سوريان، سوريات
_NISBA = re.compile(r"^(?:[وفبل]{0,2}ال|[وفبل]{0,2})(.{3,}?)(?:ي|يه|يون|يين|يان|يات)$")


def adjective_countries(text: str, adjectives: dict[str, str]) -> set[str]:
    """Alpha-2 codes of the countries whose nisba adjective the text uses (`الروسية` -> RU)."""
    found = set()
    for word in set(_WORD.findall(fold(text))):
        match = _NISBA.match(word)
        if match:
            stem = match.group(1) + "ي"  # stems are written with their ي (`سوري`) or without (`سور`)
            code = adjectives.get(stem) or adjectives.get(match.group(1))
            if code:
                found.add(code)
    return found


def words_before(text: str, start: int, count: int = 2) -> list[str]:
    """The `count` folded words before `start`, nearest first (see word_before)."""
    words = []
    for _ in range(count):
        word, start = _word_ending(text, start)
        if not word:
            break
        words.append(word)
    return words


def word_before(text: str, start: int) -> str:
    """The folded word that ends before `start` (across spaces only), without و/ف and article."""
    return _word_ending(text, start)[0]


def _word_ending(text: str, start: int) -> tuple[str, int]:
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] not in "«\"“(":
        begin -= 1
    word = fold(text[begin:end]).strip("،,.:؛")
    while len(word) > 3 and word[0] in "وفب":
        word = word[1:]
    return strip_article(word), begin

"""Nisba adjectives (`الأمريكي`, `التركية`, `الأتراك`) and title heads, read from the lexicons.

Keys are folded (khabar.arabic.fold), so `الأميركية` and `الامريكيه` are one form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.arabic import fold
from khabar.entities.names import name_key
from khabar.lexicons import read_rows

# Suffixes of the generated forms: masculine, feminine, sound plurals, duals (folded spelling).
_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين")
# entities.roles.v3 also reads the feminine plural (`الكوبيات`).
_SUFFIXES_V3 = _SUFFIXES + ("ات",)
# Read by entities.roles.v3 only, after the files above, so that older stages keep their output.
_MORE_TITLES = "titles_v3.tsv"
_MORE_NISBA = "nisba_v3.tsv"
_V5_TITLES = "titles_v5.tsv"  # entities.roles.v5: occupations in apposition, feminine forms


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    """Folded nisba forms → country, and folded title heads → kind (head, fixed, counterpart)."""

    nisba: dict[tuple[str, ...], str]
    titles: dict[tuple[str, ...], str]

    longest_title: int
    first_words: frozenset[str]  # first words of titles: a quick "no title starts here"
    # v5: the name keys (khabar.entities.names.name_key) of every country the nisba forms or
    # the places gazetteer name (`بوركينا فاسو`, which no nisba form lists)
    countries: frozenset[str] = frozenset()


def nisba_forms(stem: str, *, version: int = 1) -> list[tuple[str, ...]]:
    """Folded forms of a nisba stem: with and without the article, each suffix in _SUFFIXES.

    From version 3 a broken plural is told by its written article (`الألمان`), not by its folded
    form: `ألماني` folds to `الماني` and is a stem, not a plural.
    """
    words = fold(stem).split()
    article = stem.startswith("ال") if version >= 3 else words[0].startswith("ال")
    if article:
        return [tuple(words)]  # a broken plural, listed as written
    forms = []
    for suffix in _SUFFIXES_V3 if version >= 3 else _SUFFIXES:
        plain = tuple(word + suffix for word in words)
        forms.append(plain)
        forms.append(tuple("ال" + word for word in plain))
    return forms


@lru_cache(maxsize=None)
def load_role_lexicon(*, version: int = 1) -> RoleLexicon:
    """Read nisba.tsv and titles.tsv (version 3: and their additions, titles_v3.tsv and
    nisba_v3.tsv; version 5: and titles_v5.tsv). Read once per version: entities.merge.v3, its head nouns and
    entities.roles.v3 all use the v3 lexicon, which nothing changes after it is built."""
    more = version >= 3
    nisba: dict[tuple[str, ...], str] = {}
    for row in read_rows("nisba.tsv") + (read_rows(_MORE_NISBA) if more else []):
        country, stems = row[0], row[1].split("|")
        for stem in stems:
            for form in nisba_forms(stem, version=version):
                nisba.setdefault(form, country)
    rows = read_rows("titles.tsv") + (read_rows(_MORE_TITLES) if more else [])
    rows += read_rows(_V5_TITLES) if version >= 5 else []
    titles = {tuple(fold(row[0]).split()): row[1] for row in rows}
    countries: frozenset[str] = frozenset()
    if version >= 5:
        from khabar.places.gazetteer import COUNTRY, load_gazetteer  # the gazetteer imports names
        countries = frozenset({name_key(country) for country in nisba.values()} | {
            key for key, places in load_gazetteer().by_key.items()
            if any(place.kind == COUNTRY for place, _ in places)})
    return RoleLexicon(nisba, titles, max(len(key) for key in titles),
                       frozenset(key[0] for key in titles), countries)

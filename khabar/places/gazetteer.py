"""The gazetteer shipped in the package: places by their folded Arabic name keys.

`data/gazetteer.tsv.gz` is written by scripts/build_gazetteer.py; each row is one place
(GeoNames id, kind, country, coordinates, population, English and Arabic names, whether it
is a national capital, a country's nisba stems). A name is
looked up by `name_key` (folded, each word without its article), so `الرياض`, `الریاض` and
`رياض` meet the same entry.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from dataclasses import dataclass
from importlib import resources

from khabar.arabic import fold
from khabar.entities.names import name_key

COUNTRY = "country"
CONTINENT = "continent"
REGION = "region"  # a state or province (the states of the United States)
CITY = "city"
KINDS = (COUNTRY, CONTINENT, REGION, CITY)
# Arab League members (ISO alpha-2): the gazetteer holds their towns of 1,000 people or more.
ARAB_LEAGUE = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA",
                         "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"})
# Letters that transliterations of foreign names swap (g: ج غ ك ق; t: ت ط; s: س ص ث; d: د ض;
# z: ز ظ ذ); the spelling key writes each group as one letter.
_SOUNDS = str.maketrans("جغقطصثضظذ", "كككتسسدزز")
_VOWELS = "اوي"
MIN_SPELLING_KEY = 4  # shorter keys meet too many unrelated names


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One gazetteer entry."""

    geonames: int
    kind: str
    country: str | None  # ISO 3166 alpha-2; None for a continent
    lat: float
    lon: float
    population: int
    name_en: str
    name: str  # the first Arabic name
    capital: bool = False  # a national capital


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Places by name key, and by GeoNames id; `countries` maps alpha-2 codes to countries."""

    by_key: dict[str, tuple[tuple[GazetteerPlace, str], ...]]  # key -> (place, Arabic name)
    by_id: dict[int, GazetteerPlace]
    countries: dict[str, GazetteerPlace]
    by_spelling: dict[str, tuple[tuple[GazetteerPlace, str], ...]]  # spelling_key -> (place, name)
    adjectives: dict[str, str]  # folded nisba adjective (`السوريين`, `وروسيه`) -> alpha-2 code

    def lookup(self, key: str) -> tuple[tuple[GazetteerPlace, str], ...]:
        """The places a name key may mean, each with the Arabic name that has that key."""
        return self.by_key.get(key, ())

    def lookup_spelling(self, key: str) -> tuple[tuple[GazetteerPlace, str], ...]:
        """The places whose name has the same spelling key as name key `key` (see spelling_key)."""
        spelled = spelling_key(key)
        return self.by_spelling.get(spelled, ()) if len(spelled.replace(" ", "")) >= MIN_SPELLING_KEY else ()


def _gazetteer_key(name: str) -> str:
    """`name_key`, except for a name that starts with a hamza alef and lam (`ألسان`, Ulsan) and
    would be left with three letters or fewer: folding makes them look like the article, and
    `سان` would meet every mention of `سان` (San ...). Such a name keeps its first word whole."""
    key = name_key(name)
    if name[:1] in "أإآ" and name[1:2] == "ل" and len(key.split(" ")[0]) <= 3:
        words = key.split(" ")
        return " ".join(["ال" + words[0]] + words[1:])
    return key


def spelling_key(key: str) -> str:
    """A name key with the differences of transliteration taken out: `كابول` and `كابل`, `قازاخستان`
    and `كازاخستان`, `أستوكهولم` and `ستوكهولم` meet. Each word keeps its first letter (a leading
    alef dropped), loses its long vowels, and writes letters of one sound alike (see _SOUNDS)."""
    words = []
    for word in key.translate(_SOUNDS).split():
        if len(word) > 3 and word[0] == "ا":
            word = word[1:]
        rest = "".join(ch for ch in word[1:] if ch not in _VOWELS)
        collapsed = "".join(ch for i, ch in enumerate(rest) if i == 0 or ch != rest[i - 1])
        words.append(word[:1] + collapsed)
    return " ".join(words)


def load_gazetteer(data: bytes | None = None) -> Gazetteer:
    """Read the shipped gazetteer (or `data`, gzip-compressed rows in the same format). The
    shipped one is read once per process: the entity, role and places stages all use it, and
    nothing changes it after it is built."""
    if data is None:
        return _shipped_gazetteer()
    return _read_gazetteer(data)


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> Gazetteer:
    return _read_gazetteer(resources.files(__package__).joinpath("data", "gazetteer.tsv.gz")
                           .read_bytes())


def _read_gazetteer(data: bytes) -> Gazetteer:
    by_key: dict[str, list[tuple[GazetteerPlace, str]]] = {}
    by_id: dict[int, GazetteerPlace] = {}
    adjectives: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        place = GazetteerPlace(int(cells[0]), cells[1], cells[2] or None, float(cells[3]),
                               float(cells[4]), int(cells[5] or 0), cells[6], cells[7],
                               len(cells) > 9 and cells[9] == "1")
        by_id[place.geonames] = place
        for stem in (cells[10].split("|") if len(cells) > 10 and place.country else ()):
            if len(fold(stem)) >= 3:
                adjectives.setdefault(fold(stem), place.country)
        for name in [cells[7]] + [n for n in cells[8].split("|") if n]:
            key = _gazetteer_key(name)
            if len(key.replace(" ", "")) < 2:
                continue
            entries = by_key.setdefault(key, [])
            if all(p.geonames != place.geonames for p, _ in entries):
                entries.append((place, name))
    countries = {p.country: p for p in by_id.values() if p.kind == COUNTRY and p.country}
    by_spelling: dict[str, list[tuple[GazetteerPlace, str]]] = {}
    for key, entries in by_key.items():
        spelled = by_spelling.setdefault(spelling_key(key), [])
        spelled.extend(e for e in entries if all(e[0].geonames != p.geonames for p, _ in spelled))
    return Gazetteer({k: tuple(v) for k, v in by_key.items()}, by_id, countries,
                     {k: tuple(v) for k, v in by_spelling.items()}, _adjective_forms(adjectives))


# Nisba endings (folded: ة -> ه) and the proclitics and article an adjective may carry.
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يات")
_ADJECTIVE_PREFIXES = ("", "ال", "وال", "بال", "فال", "لل", "و", "ب", "ل", "ف")


def _adjective_forms(stems: dict[str, str]) -> dict[str, str]:
    """Every folded form of each country's nisba adjective (`سور` -> سوري، السورية، والسوريين ...),
    so that an article's adjectives are found with one lookup per word."""
    forms: dict[str, str] = {}
    for stem, code in stems.items():
        base = stem[:-1] if stem.endswith("ي") else stem  # stems come as `سوري` or as `سور`
        for ending in _NISBA_ENDINGS:
            for prefix in _ADJECTIVE_PREFIXES:
                forms.setdefault(prefix + base + ending, code)
    return forms

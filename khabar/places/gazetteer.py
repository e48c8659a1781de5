"""The gazetteer shipped in the package: places by their folded Arabic name keys.

`data/gazetteer.tsv.gz` is written by scripts/build_gazetteer.py; each row is one place
(GeoNames id, kind, country, coordinates, population, English and Arabic names, whether it
is a national capital). A name is
looked up by `name_key` (folded, each word without its article), so `الرياض`, `الریاض` and
`رياض` meet the same entry.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from importlib import resources

from khabar.entities.names import name_key

COUNTRY = "country"
CONTINENT = "continent"
CITY = "city"
KINDS = (COUNTRY, CONTINENT, CITY)


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

    def lookup(self, key: str) -> tuple[tuple[GazetteerPlace, str], ...]:
        """The places a name key may mean, each with the Arabic name that has that key."""
        return self.by_key.get(key, ())


def load_gazetteer(data: bytes | None = None) -> Gazetteer:
    """Read the shipped gazetteer (or `data`, gzip-compressed rows in the same format)."""
    if data is None:
        data = resources.files(__package__).joinpath("data", "gazetteer.tsv.gz").read_bytes()
    by_key: dict[str, list[tuple[GazetteerPlace, str]]] = {}
    by_id: dict[int, GazetteerPlace] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        place = GazetteerPlace(int(cells[0]), cells[1], cells[2] or None, float(cells[3]),
                               float(cells[4]), int(cells[5] or 0), cells[6], cells[7],
                               len(cells) > 9 and cells[9] == "1")
        by_id[place.geonames] = place
        for name in [cells[7]] + [n for n in cells[8].split("|") if n]:
            key = name_key(name)
            if len(key.replace(" ", "")) < 2:
                continue
            entries = by_key.setdefault(key, [])
            if all(p.geonames != place.geonames for p, _ in entries):
                entries.append((place, name))
    countries = {p.country: p for p in by_id.values() if p.kind == COUNTRY and p.country}
    return Gazetteer({k: tuple(v) for k, v in by_key.items()}, by_id, countries)

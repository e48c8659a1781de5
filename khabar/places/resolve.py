"""Resolve an article's place names to gazetteer places, with a score and the evidence.

The rule (docs/places.md):
1. Candidates: every gazetteer place whose Arabic name has the same key as one of the entity's
   names (its name and each mention's text), read also without one or two proclitics
   (`وبغداد`, `لدمشق`) and without a leading descriptor (`مدينة حلب`, `دولة الكويت`); when a
   longer name has none, its leading words (`جمهورية مصر العربية` -> `مصر`) if they name a
   country.
2. Weight: a country 3, a continent 2, a city 0.2 + log10(population + 10) / 7 (about 1.1 for
   a city of millions, 0.6 for a town of a thousand); a national capital gets +0.5, and a city
   in a country the same article names +1.5.
3. The candidate of highest weight is chosen; its score is its share of all the candidates'
   weight (1.0 when the name has one reading). A name with no candidate stays unresolved with
   reason `no_candidate`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.document import Document, Entity, Place
from khabar.entities.names import clitic_variants, key_tokens, strip_article, surface
from khabar.places.gazetteer import CITY, CONTINENT, COUNTRY, Gazetteer, GazetteerPlace

NO_CANDIDATE = "no_candidate"
COUNTRY_WEIGHT, CONTINENT_WEIGHT, CAPITAL_BONUS, SAME_COUNTRY_BONUS = 3.0, 2.0, 0.5, 1.5
# Words that say what kind of place follows; the name is read with and without them.
DESCRIPTORS = frozenset(key_tokens(
    "مدينة محافظة العاصمة ولاية منطقة إقليم جزيرة بلدة قرية دولة مملكة إمارة سلطنة جمهورية"))
LOC_TYPES = ("LOC", "GPE")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place a name may mean, the Arabic name that matched and how it matched."""

    place: GazetteerPlace
    name: str
    how: str  # exact | clitic | descriptor | leading_words


class PlaceResolver:
    """Resolves the place names of a Document against a gazetteer (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, *, stage: str = "") -> None:
        self.gazetteer = gazetteer
        self.stage = stage

    def candidates(self, names: Iterable[str]) -> list[Candidate]:
        """Gazetteer places any of `names` may mean, each place once (the first way it matched)."""
        found: dict[int, Candidate] = {}
        for name in names:
            for key, how in _keys(key_tokens(name)):
                for place, matched in self.gazetteer.lookup(key):
                    found.setdefault(place.geonames, Candidate(place, matched, how))
            if not found:
                for candidate in self._leading_country(key_tokens(name)):
                    found.setdefault(candidate.place.geonames, candidate)
        return list(found.values())

    def _leading_country(self, tokens: tuple[str, ...]) -> list[Candidate]:
        tokens = tokens[1:] if tokens and tokens[0] in DESCRIPTORS else tokens
        for size in range(len(tokens) - 1, 0, -1):
            hits = [Candidate(p, n, "leading_words") for p, n in self.gazetteer.lookup(" ".join(tokens[:size]))
                    if p.kind == COUNTRY]
            if hits:
                return hits
        return []

    def resolve(self, doc: Document) -> tuple[Place, ...]:
        """One Place per LOC entity and per entity an event names as its location, in entity order."""
        wanted = {event.location for event in doc.events if event.location}
        entities = [e for e in doc.entities if e.type in LOC_TYPES or e.id in wanted]
        options = {e.id: self.candidates(_names(doc.text, e)) for e in entities}
        # Countries the article names (a name whose best reading is a country) favour their cities.
        named_countries = set()
        for candidates in options.values():
            best = _best(candidates, frozenset())
            if best is not None and best[0].place.kind == COUNTRY:
                named_countries.add(best[0].place.country)
        return tuple(self._place(e, options[e.id], frozenset(named_countries)) for e in entities)

    def _place(self, entity: Entity, candidates: list[Candidate], countries: frozenset[str]) -> Place:
        best = _best(candidates, countries)
        if best is None:
            return Place(entity.id, reason=NO_CANDIDATE, stage=self.stage)
        chosen, weight, total = best
        place = chosen.place
        evidence = [f"name={chosen.name}", f"match={chosen.how}", f"kind={place.kind}"]
        if place.kind == CITY:
            evidence.append(f"population={place.population}")
            if place.capital:
                evidence.append("capital")
            if place.country in countries:
                evidence.append(f"country_in_article={place.country}")
        evidence.append(f"candidates={len(candidates)}")
        return Place(entity.id, place.geonames, chosen.name, place.kind, place.country, place.lat,
                     place.lon, round(weight / total, 3), tuple(evidence), None, self.stage)


def _names(text: str, entity: Entity) -> list[str]:
    names = [entity.name]
    for mention in entity.mentions:
        form = surface(text, mention.start, mention.end)
        if form not in names:
            names.append(form)
    return names


def _keys(tokens: tuple[str, ...]) -> list[tuple[str, str]]:
    """Lookup keys of a name: as written, its first word without proclitics, without a descriptor."""
    if not tokens:
        return []
    keys = [(" ".join(tokens), "exact")]
    rest = tokens[1:]
    for stripped, head in clitic_variants(fold(tokens[0]))[1:]:
        keys.append((" ".join((strip_article(head),) + rest), "clitic"))
    if len(tokens) > 1 and tokens[0] in DESCRIPTORS:
        keys.append((" ".join(rest), "descriptor"))
    return keys


def weight(place: GazetteerPlace, countries: frozenset[str]) -> float:
    """How likely a place is as the reading of a name, before comparing with the others."""
    if place.kind == COUNTRY:
        return COUNTRY_WEIGHT
    if place.kind == CONTINENT:
        return CONTINENT_WEIGHT
    bonus = SAME_COUNTRY_BONUS if place.country in countries else 0.0
    bonus += CAPITAL_BONUS if place.capital else 0.0
    return 0.2 + math.log10(place.population + 10) / 7 + bonus


def _best(candidates: list[Candidate], countries: frozenset[str]) -> tuple[Candidate, float, float] | None:
    if not candidates:
        return None
    weighed = [(weight(c.place, countries), -c.place.geonames, c) for c in candidates]
    top_weight, _, top = max(weighed, key=lambda item: item[:2])
    return top, top_weight, sum(w for w, _, _ in weighed)

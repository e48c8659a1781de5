"""Resolve an article's place names to gazetteer places, with a score and the evidence.

The rule (docs/places.md):
1. Candidates: every gazetteer place whose Arabic name has the same key as one of the entity's
   names (its name and each mention's text), read also without one or two proclitics
   (`وبغداد`, `لدمشق`) and without a leading descriptor (`مدينة حلب`, `دولة الكويت`); when a
   longer name has none, its leading words (`جمهورية مصر العربية` -> `مصر`) if they name a
   country; and when there is still none, the places whose names are spelled alike, up to the
   letters transliterations swap (`كابول` for `كابل`; khabar.places.gazetteer.spelling_key).
2. Weight: a country 3, a continent 2, a region (a state) 1, a city 0.2 + log10(population +
   10) / 7 (about 1.1 for a city of millions, 0.6 for a town of a thousand); a national capital
   gets +0.5, and a city or region in a country the article names (or describes: `الروسية`)
   +1.5. The candidate of highest weight is chosen; its score is its share of all the
   candidates' weight (1.0 when the name has one reading).
3. Left unresolved, with the reason: `no_candidate`; `family_name` when a mention follows
   بن، بنت، آل or أبو, or a person's name (`عبدالله بن محمد السويد`); `quoted_name` when every
   mention is in «» (a newspaper: «الرياض»); `needs_context` when the choice is a city whose country the article neither names
   nor describes and which is small (under 100,000 people) or was found only by its spelling
   key; or when the name is also a common word (`الخبر`, `مشهد`, `صور`, `الرباط`) and has
   no descriptor in the two words before it (`مدينة`, `محافظة`, `العاصمة المغربية`) nor, after
   في، من or إلى, its country named by another place name of the article.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.document import Document, Entity, Place
from khabar.entities.names import clitic_variants, key_tokens, strip_article, surface
from khabar.places.context import adjective_countries, words_before
from khabar.places.gazetteer import CITY, CONTINENT, COUNTRY, REGION, Gazetteer, GazetteerPlace

NO_CANDIDATE, FAMILY_NAME, QUOTED_NAME, NEEDS_CONTEXT = "no_candidate", "family_name", "quoted_name", "needs_context"
COUNTRY_WEIGHT, CONTINENT_WEIGHT, REGION_WEIGHT, CAPITAL_BONUS, SAME_COUNTRY_BONUS = 3.0, 2.0, 1.0, 0.5, 1.5
SMALL_CITY = 100_000  # people; a smaller city needs its country named or a descriptor
# Words that say what kind of place follows; the name is read with and without them.
DESCRIPTORS = frozenset(key_tokens(
    "مدينة محافظة العاصمة ولاية منطقة إقليم مقاطعة جزيرة بلدة قرية دولة مملكة إمارة سلطنة جمهورية"))
FAMILY_WORDS = frozenset(fold(w) for w in ("بن", "بنت", "ابن", "آل", "أبو", "أبي", "أم"))
PLACE_PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "إلى", "الى"))
PERSONS = ("PER", "PERS", "PERSON")
# A person's mention may end in a title of the place that follows (`قابوس بن سعيد سلطان عُمان`).
TITLES = frozenset(fold(w) for w in "سلطان ملك أمير رئيس شيخ حاكم سفير وزير مفتي ولي".split())
# Place names that are also common words (news, scene, pictures, ligament, protectors, boys ...):
# read as places only with a descriptor or their country named.
COMMON_WORDS = frozenset(" ".join(key_tokens(w)) for w in (
    "الخبر مشهد صور الرباط حماة بنين الساحل الوادي المدينة العين النصر الاتحاد الرائد الوحدة البلد "
    "السوق الجامعة النور الأمل الحرية الجزيرة الكرامة الثورة الحي الشروق الروضة الشفا").split())
LOC_TYPES = ("LOC", "GPE")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place a name may mean, the Arabic name that matched and how it matched."""

    place: GazetteerPlace
    name: str
    how: str  # exact | clitic | descriptor | leading_words | spelling


class PlaceResolver:
    """Resolves the place names of a Document against a gazetteer (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, *, stage: str = "") -> None:
        self.gazetteer = gazetteer
        self.stage = stage

    def candidates(self, names: Iterable[str]) -> list[Candidate]:
        """Gazetteer places any of `names` may mean, each place once (the first way it matched)."""
        names = list(names)
        found: dict[int, Candidate] = {}
        for name in names:
            for key, how in _keys(key_tokens(name)):
                for place, matched in self.gazetteer.lookup(key):
                    found.setdefault(place.geonames, Candidate(place, matched, how))
            if not found:
                for candidate in self._leading_country(key_tokens(name)):
                    found.setdefault(candidate.place.geonames, candidate)
        if not found:
            for name in names:
                for key, _how in _keys(key_tokens(name)):
                    for place, matched in self.gazetteer.lookup_spelling(key):
                        found.setdefault(place.geonames, Candidate(place, matched, "spelling"))
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
        if not entities:
            return ()
        options = {e.id: self.candidates(_names(doc.text, e)) for e in entities}
        naming: dict[str, set[str]] = {}  # country -> the entities whose best reading it is
        for entity_id, candidates in options.items():
            best = _best(candidates, frozenset())
            if best is not None and best[0].place.kind == COUNTRY:
                naming.setdefault(best[0].place.country, set()).add(entity_id)
        countries = frozenset(set(naming) | adjective_countries(doc.text, self.gazetteer.adjectives))
        person_ends = {m.end for e in doc.entities if e.type in PERSONS for m in e.mentions}
        places = []
        for entity in entities:
            named = frozenset(code for code, ids in naming.items() if ids - {entity.id})
            context = _Context(countries, named, person_ends)
            places.append(self._place(doc.text, entity, options[entity.id], context))
        return tuple(places)

    def _place(self, text: str, entity: Entity, candidates: list[Candidate], context: _Context) -> Place:
        best = _best(candidates, context.countries)
        if best is None:
            return self._unresolved(entity, NO_CANDIDATE)
        before = [words_before(text, m.start) for m in entity.mentions]
        if any(words and words[0] in FAMILY_WORDS for words in before) or any(
                _follows_person(text, m.start, context.person_ends) and not (words and words[0] in TITLES)
                for m, words in zip(entity.mentions, before)):
            return self._unresolved(entity, FAMILY_NAME)
        if entity.mentions and all(_quoted(text, m.start, m.end) for m in entity.mentions):
            return self._unresolved(entity, QUOTED_NAME)
        chosen, weight, total = best
        place = chosen.place
        described = chosen.how == "descriptor" or any(w in DESCRIPTORS for words in before for w in words)
        after_preposition = any(words and words[0] in PLACE_PREPOSITIONS for words in before)
        if not _backed(chosen, described, after_preposition, context):
            return self._unresolved(entity, NEEDS_CONTEXT)
        countries = context.countries
        evidence = [f"name={chosen.name}", f"match={chosen.how}", f"kind={place.kind}"]
        if place.kind == CITY:
            evidence.append(f"population={place.population}")
            if place.capital:
                evidence.append("capital")
        if described:
            evidence.append("descriptor")
        if place.kind in (CITY, REGION) and place.country in countries:
            evidence.append(f"country_in_article={place.country}")
        evidence.append(f"candidates={len(candidates)}")
        return Place(entity.id, place.geonames, chosen.name, place.kind, place.country, place.lat,
                     place.lon, round(weight / total, 3), tuple(evidence), None, self.stage)

    def _unresolved(self, entity: Entity, reason: str) -> Place:
        return Place(entity.id, reason=reason, stage=self.stage)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article says that bears on one entity's reading."""

    countries: frozenset[str]  # named or described by a nisba adjective
    named: frozenset[str]  # named by another place name of the article
    person_ends: set[int]  # where person mentions end


def _backed(chosen: Candidate, described: bool, after_preposition: bool, context: _Context) -> bool:
    """Whether the article backs a reading that needs backing (rule 3 of the module docstring)."""
    place = chosen.place
    if " ".join(key_tokens(chosen.name)) in COMMON_WORDS and not (
            described or (after_preposition and place.country in context.named)):
        return False
    weak = place.population < SMALL_CITY or chosen.how == "spelling"
    return place.kind != CITY or not weak or place.country in context.countries


def _follows_person(text: str, start: int, person_ends: set[int]) -> bool:
    """Whether a person's mention ends right before `start` (one space between)."""
    return start - 1 in person_ends or start in person_ends


def _names(text: str, entity: Entity) -> list[str]:
    names = [entity.name]
    for mention in entity.mentions:
        form = surface(text, mention.start, mention.end)
        if form not in names:
            names.append(form)
    return names


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] == "«" and text[end:end + 1] == "»"


def _keys(tokens: tuple[str, ...]) -> list[tuple[str, str]]:
    """Lookup keys of a name: as written, its first word without proclitics, without a descriptor."""
    if not tokens:
        return []
    keys = [(" ".join(tokens), "exact")]
    rest = tokens[1:]
    for _stripped, head in clitic_variants(fold(tokens[0]))[1:]:
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
    if place.kind == REGION:
        return REGION_WEIGHT + bonus
    bonus += CAPITAL_BONUS if place.capital else 0.0
    return 0.2 + math.log10(place.population + 10) / 7 + bonus


def _best(candidates: list[Candidate], countries: frozenset[str]) -> tuple[Candidate, float, float] | None:
    if not candidates:
        return None
    weighed = [(weight(c.place, countries), -c.place.geonames, c) for c in candidates]
    top_weight, _, top = max(weighed, key=lambda item: item[:2])
    return top, top_weight, sum(w for w, _, _ in weighed)

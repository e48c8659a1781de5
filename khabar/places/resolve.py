"""Resolve an article's place names to gazetteer places, with a score and the evidence.

The rule (docs/places.md):
1. Candidates: every gazetteer place whose Arabic name has the same key as one of the entity's
   names (its name and each mention's text), read also without one or two proclitics
   (`وبغداد`, `لدمشق`) and without a leading descriptor (`مدينة حلب`, `دولة الكويت`); a name
   whose word before completes a longer gazetteer name takes that one (`جنوب` + `أفريقيا`);
   when a longer name has none, its leading words (`جمهورية مصر العربية` -> `مصر`) if they name
   a country, or, after a landmark noun, the place the landmark is named after (`مطار القاهرة
   الدولي` -> Cairo; مطار، ميناء، متحف، جامعة، مستشفى، سجن); and when there is still none, the places whose names are spelled alike, up to
   the letters transliterations swap (`كابول` for `كابل`; khabar.places.gazetteer.spelling_key).
2. Weight: a country 3, a continent 2, a region (a state) 1, a city 0.2 + log10(population +
   10) / 7 (about 1.1 for a city of millions, 0.6 for a town of a thousand); a national capital
   gets +0.5, a city or region in a country the article names or describes (`الروسية`) +0.7.
   The candidate of highest weight is chosen, except that a city wins over a country of the
   same name when a city word is next to it (`العاصمة التونسية تونس`, `الجزائر العاصمة`) or
   when it has 100,000 people or more and its own country is named by another place name while
   that country is not (`عمان` with `الأردن`). The score is the chosen weight's share of all the candidates' weight.
3. Left unresolved, with the reason: `no_candidate`; `family_name` after بن، بنت، آل، أبو or
   right after a person's name (`عبدالله بن محمد السويد`); `quoted_name` when every mention
   is in «» (a newspaper: «الرياض»); `part_of_name` after a word that makes it the name of
   something else (`بحر الصين`, `ملعب الإمارات`, `شركة آسيا`, `ريال مدريد`), or a city that is
   also a football club in a football article without `في` or a city word before it;
   `needs_context` when the choice is a city whose country the article neither names nor
   describes and which is small (under 100,000 people), found only by its spelling key, or
   under a million people while the article names other countries; or when the name is also a
   common word (`الخبر`, `مشهد`, `صور`, `الرباط`) with neither a descriptor in the two words
   before it nor, after في، من or إلى, its country named by another place name.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.document import Document, Entity, Mention, Place
from khabar.entities.names import clitic_variants, key_tokens, strip_article, surface
from khabar.places import context as words
from khabar.places.gazetteer import CITY, CONTINENT, COUNTRY, REGION, Gazetteer, GazetteerPlace

NO_CANDIDATE, FAMILY_NAME, QUOTED_NAME = "no_candidate", "family_name", "quoted_name"
PART_OF_NAME, NEEDS_CONTEXT = "part_of_name", "needs_context"
COUNTRY_WEIGHT, CONTINENT_WEIGHT, REGION_WEIGHT, CAPITAL_BONUS, SAME_COUNTRY_BONUS = 3.0, 2.0, 1.0, 0.5, 0.7
SMALL_CITY, LARGE_CITY = 100_000, 1_000_000  # people
# Words that say what kind of place follows; the name is read with and without them.
DESCRIPTORS = frozenset(key_tokens(
    "مدينة محافظة العاصمة ولاية منطقة إقليم مقاطعة جزيرة بلدة قرية دولة مملكة إمارة سلطنة جمهورية"))
# Place names that are also common words (news, scene, pictures, ligament, protectors, boys ...).
COMMON_WORDS = frozenset(" ".join(key_tokens(w)) for w in (
    "الخبر مشهد صور الرباط حماة بنين الساحل الوادي المدينة العين النصر الاتحاد الرائد الوحدة البلد "
    "السوق الجامعة النور الأمل الحرية الجزيرة الكرامة الثورة الحي الشروق الروضة الشفا").split())
# Landmarks named after the place they stand in: the name resolves to that place.
LANDMARKS = frozenset(key_tokens("مطار ميناء متحف جامعة مستشفى سجن"))
LOC_TYPES = ("LOC", "GPE")
PERSONS = ("PER", "PERS", "PERSON")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place a name may mean, the Arabic name that matched and how it matched."""

    place: GazetteerPlace
    name: str
    how: str  # exact | clitic | descriptor | extended | leading_words | landmark | spelling


class _Article:
    """What the article says that bears on each reading; the word-level facts are read only
    when a reading needs them (most articles name only countries)."""

    def __init__(self, text: str, naming: dict[str, frozenset[str]], person_ends: frozenset[int],
                 adjectives: dict[str, str]) -> None:
        self.text = text
        self.naming = naming  # country -> the entities whose best reading it is
        self.person_ends = person_ends  # where person mentions end
        self._adjectives = adjectives

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """Named by a place name of the article or described by a nisba adjective."""
        return frozenset(set(self.naming) | words.adjective_countries(self.text, self._adjectives))

    @functools.cached_property
    def football(self) -> bool:
        return words.is_football(self.text)

    def named_by_others(self, entity_id: str) -> frozenset[str]:
        return frozenset(code for code, ids in self.naming.items() if ids - {entity_id})


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
                for candidate in self._leading_country(key_tokens(name)) or self._landmark(key_tokens(name)):
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

    def _landmark(self, tokens: tuple[str, ...]) -> list[Candidate]:
        """The place a landmark's name names (`مطار القاهرة الدولي` -> Cairo): the longest run of
        words after the landmark noun (and a descriptor) that is a gazetteer name."""
        if len(tokens) < 2 or tokens[0] not in LANDMARKS:
            return []
        for start in (2, 1) if tokens[1] in DESCRIPTORS else (1,):  # مطار مدينة جنيف, متحف المدينة المنورة
            rest = tokens[start:]
            for size in range(len(rest), 0, -1):
                hits = [Candidate(p, n, "landmark") for p, n in self.gazetteer.lookup(" ".join(rest[:size]))]
                if hits:
                    return hits
        return []

    def _extended(self, text: str, entity: Entity) -> list[Candidate]:
        """Places named by the word before a mention and the mention together (`جنوب أفريقيا`)."""
        for mention in entity.mentions:
            before = words.words_before(text, mention.start, 1)
            if before:
                key = " ".join((before[0],) + key_tokens(text[mention.start:mention.end]))
                hits = [Candidate(p, n, "extended") for p, n in self.gazetteer.lookup(key)]
                if hits:
                    return hits
        return []

    def resolve(self, doc: Document) -> tuple[Place, ...]:
        """One Place per LOC entity and per entity an event names as its location, in entity order."""
        wanted = {event.location for event in doc.events if event.location}
        entities = [e for e in doc.entities if e.type in LOC_TYPES or e.id in wanted]
        if not entities:
            return ()
        options = {e.id: self._extended(doc.text, e) or self.candidates(_names(doc.text, e)) for e in entities}
        naming: dict[str, set[str]] = {}
        for entity_id, candidates in options.items():
            best = _heaviest(candidates, frozenset())
            if best is not None and best[0].place.kind == COUNTRY:
                naming.setdefault(best[0].place.country, set()).add(entity_id)
        article = _Article(doc.text, {code: frozenset(ids) for code, ids in naming.items()},
                           frozenset(m.end for e in doc.entities if e.type in PERSONS for m in e.mentions),
                           self.gazetteer.adjectives)
        return tuple(self._place(e, options[e.id], article) for e in entities)

    def _place(self, entity: Entity, candidates: list[Candidate], article: _Article) -> Place:
        text = article.text
        named = article.named_by_others(entity.id)
        before = [words.words_before(text, m.start) for m in entity.mentions]
        after = [words.word_after(text, m.end) for m in entity.mentions]
        city_word = any(w in words.CITY_WORDS for ws in before for w in ws) or any(
            w in words.CITY_WORDS for w in after)
        # the article's word-level facts matter only to cities and regions
        countries = article.countries if any(c.place.kind in (CITY, REGION) for c in candidates) else frozenset()
        best = _choose(candidates, countries, named, city_word)
        if best is None:
            return self._unresolved(entity, NO_CANDIDATE)
        reason = _excluded(entity, before, article)
        chosen, weight, total = best
        if reason is None and _club(chosen, before, article):
            reason = PART_OF_NAME
        if reason is None and not _backed(chosen, before, countries, named):
            reason = NEEDS_CONTEXT
        if reason is not None:
            return self._unresolved(entity, reason)
        place = chosen.place
        evidence = [f"name={chosen.name}", f"match={chosen.how}", f"kind={place.kind}"]
        if place.kind == CITY:
            evidence.append(f"population={place.population}")
            if place.capital:
                evidence.append("capital")
            if city_word:
                evidence.append("city_word")
        if any(w in DESCRIPTORS for ws in before for w in ws):
            evidence.append("descriptor")
        if place.kind in (CITY, REGION) and place.country in countries:
            evidence.append(f"country_in_article={place.country}")
        evidence.append(f"candidates={len(candidates)}")
        return Place(entity.id, place.geonames, chosen.name, place.kind, place.country, place.lat,
                     place.lon, round(weight / total, 3), tuple(evidence), None, self.stage)

    def _unresolved(self, entity: Entity, reason: str) -> Place:
        return Place(entity.id, reason=reason, stage=self.stage)


def _excluded(entity: Entity, before: list[list[str]], article: _Article) -> str | None:
    """Why the mentions are not a place at all, whatever the gazetteer says (rule 3)."""
    for mention, ws in zip(entity.mentions, before):
        first = ws[0] if ws else ""
        if first in words.FAMILY_WORDS or (_follows_person(mention, article.person_ends)
                                           and first not in words.TITLES):
            return FAMILY_NAME
    if entity.mentions and all(_quoted(article.text, m) for m in entity.mentions):
        return QUOTED_NAME
    if any(ws and ws[0] in words.PART_OF_NAME for ws in before):
        return PART_OF_NAME
    return None


def _club(chosen: Candidate, before: list[list[str]], article: _Article) -> bool:
    if strip_article(fold(chosen.name).split()[0]) not in words.CLUB_CITIES or not article.football:
        return False
    return not any(ws and (ws[0] in words.PLACE_PREPOSITIONS or ws[0] in words.CITY_WORDS) for ws in before)


def _backed(chosen: Candidate, before: list[list[str]], countries: frozenset[str], named: frozenset[str]) -> bool:
    """Whether the article backs a reading that needs backing (rule 3 of the module docstring)."""
    place = chosen.place
    described = chosen.how == "descriptor" or any(w in DESCRIPTORS for ws in before for w in ws)
    after_preposition = any(ws and ws[0] in words.PLACE_PREPOSITIONS for ws in before)
    if " ".join(key_tokens(chosen.name)) in COMMON_WORDS and not (
            described or (after_preposition and place.country in named)):
        return False
    if place.kind != CITY or place.country in countries:
        return True
    if place.population < SMALL_CITY or chosen.how == "spelling":
        return False
    return place.population >= LARGE_CITY or not countries


def _follows_person(mention: Mention, person_ends: frozenset[int]) -> bool:
    return mention.start - 1 in person_ends or mention.start in person_ends


def _quoted(text: str, mention: Mention) -> bool:
    return mention.start > 0 and text[mention.start - 1] == "«" and text[mention.end:mention.end + 1] == "»"


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


def _heaviest(candidates: list[Candidate], countries: frozenset[str]) -> tuple[Candidate, float, float] | None:
    if not candidates:
        return None
    weighed = [(weight(c.place, countries), -c.place.geonames, c) for c in candidates]
    top_weight, _, top = max(weighed, key=lambda item: item[:2])
    return top, top_weight, sum(w for w, _, _ in weighed)


def _choose(candidates: list[Candidate], countries: frozenset[str], named: frozenset[str],
            city_word: bool) -> tuple[Candidate, float, float] | None:
    """The heaviest candidate, or a city over a country of the same name (rule 2)."""
    best = _heaviest(candidates, countries)
    if best is None or best[0].place.kind != COUNTRY:
        return best
    country = best[0].place.country
    cities = [c for c in candidates if c.place.kind == CITY and (
        (city_word and c.place.country == country)
        or (country not in named and c.place.country in named and c.place.population >= SMALL_CITY))]
    if not cities:
        return best
    city = _heaviest(cities, countries)
    return city[0], city[1], best[2]

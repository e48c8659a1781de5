"""Place resolution on hand-built Documents: candidates, the country context, unresolved names."""

from __future__ import annotations

import pytest

from khabar.document import Document, Entity, Event, Mention, Offsets
from khabar.places import PlaceResolver, load_gazetteer


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(load_gazetteer(), stage="test")


def doc_with_places(text: str, *names: str, events: tuple[Event, ...] = ()) -> Document:
    """A Document whose LOC entities are the first occurrence of each name in `text`."""
    entities = []
    for i, name in enumerate(names):
        start = text.index(name)
        entities.append(Entity(f"e{i}", "LOC", name, (Mention(start, start + len(name)),)))
    return Document("t", text=text, entities=tuple(entities), events=events)


@pytest.mark.parametrize("text, name, geonames, country", [
    ("وصل الوفد إلى طرابلس مساء أمس.", "طرابلس", 2210247, "LY"),            # the larger Tripoli
    ("وصل الوفد إلى لبنان ثم إلى طرابلس.", "طرابلس", 266826, "LB"),         # Lebanon is named
    ("عاد السفير إلى واشنطن بعد الجولة.", "واشنطن", 4140963, "US"),          # the capital
    ("قال المسؤول إن وبغداد تستعد.", "وبغداد", 98182, "IQ"),                # a proclitic
    ("أمطار غزيرة على مدينة حلب اليوم.", "مدينة حلب", 170063, "SY"),          # a descriptor
])
def test_resolver_chooses_the_expected_place(resolver, text, name, geonames, country):
    doc = doc_with_places(text, *(["لبنان"] if "لبنان" in text else []), name)
    place = resolver.resolve(doc)[-1]
    assert (place.geonames, place.country) == (geonames, country)
    assert place.lat is not None and place.lon is not None and 0 < place.score <= 1
    assert place.stage == "test"


def test_resolver_says_which_country_made_the_difference(resolver):
    doc = doc_with_places("وصل الوفد إلى لبنان ثم إلى طرابلس.", "لبنان", "طرابلس")
    evidence = resolver.resolve(doc)[1].evidence
    assert "country_in_article=LB" in evidence and "candidates=2" in evidence


def test_country_outranks_its_capital_of_the_same_name(resolver):
    (place,) = resolver.resolve(doc_with_places("تراجعت الأسعار في الكويت هذا الأسبوع.", "الكويت"))
    assert (place.kind, place.country) == ("country", "KW")


def test_name_with_no_candidate_stays_unresolved_with_a_reason(resolver):
    (place,) = resolver.resolve(doc_with_places("اجتمعوا في ساحة المرجة الكبرى.", "ساحة المرجة الكبرى"))
    assert place.geonames is None and place.reason == "no_candidate"


def test_event_location_that_is_not_a_loc_entity_is_resolved_too(resolver):
    text = "تظاهر المئات في دمشق أمس."
    start = text.index("دمشق")
    entity = Entity("e0", "ORG", "دمشق", (Mention(start, start + 4),))
    event = Event("141", "PROTEST", None, None, Offsets(4, 9), Offsets(0, len(text)), location="e0")
    doc = Document("t", text=text, entities=(entity,), events=(event,))
    (place,) = resolver.resolve(doc)
    assert (place.entity, place.country) == ("e0", "SY")


def test_persons_are_not_places(resolver):
    text = "قال حلب إن الاجتماع انتهى."
    doc = Document("t", text=text, entities=(Entity("e0", "PER", "حلب", (Mention(4, 7),)),))
    assert resolver.resolve(doc) == ()

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


def person_and_place(text: str, person: str, place: str) -> Document:
    p, q = text.index(person), text.index(place)
    return Document("t", text=text, entities=(
        Entity("e0", "PER", person, (Mention(p, p + len(person)),)),
        Entity("e1", "LOC", place, (Mention(q, q + len(place)),))))


@pytest.mark.parametrize("doc, reason", [
    (doc_with_places("حضر الحفل عبدالله بن السويد أمس.", "السويد"), "family_name"),
    (person_and_place("قال الدكتور عبدالله بن محمد السويد إن العمل بدأ.", "عبدالله بن محمد", "السويد"),
     "family_name"),
    (doc_with_places("نشرت «الرياض» تقريرا مطولا عن التعليم.", "الرياض"), "quoted_name"),
    (doc_with_places("لم يتأكد أحد من صحة هذا الخبر حتى الآن.", "الخبر"), "needs_context"),
    (doc_with_places("تعرض اللاعب لإصابة في الرباط الصليبي.", "الرباط"), "needs_context"),
    (doc_with_places("افتتح المشروع في حي العزيزية صباح اليوم.", "العزيزية"), "needs_context"),
])
def test_readings_the_article_does_not_back_stay_unresolved(resolver, doc, reason):
    assert resolver.resolve(doc)[-1].reason == reason


@pytest.mark.parametrize("text, name, country", [
    ("قال السلطان قابوس بن سعيد سلطان عُمان إن البلاد بخير.", "عُمان", "OM"),  # a title, not a family
    ("وصل الوفد إلى العاصمة المغربية الرباط صباحا.", "الرباط", "MA"),       # a descriptor two words back
    ("ارتفعت الحرارة في مدينة كيتسنجن الألمانية أمس.", "كيتسنجن", "DE"),    # a small city, its nisba named
])
def test_readings_the_article_backs_are_resolved(resolver, text, name, country):
    place = resolver.resolve(doc_with_places(text, name))[-1]
    assert place.country == country and place.reason is None


def test_a_spelling_variant_finds_its_place(resolver):
    (place,) = resolver.resolve(doc_with_places("وقعت الحكومة اتفاقا مع قازاخستان أمس.", "قازاخستان"))
    assert place.country == "KZ" and "match=spelling" in place.evidence  # كازاخستان in the gazetteer


@pytest.mark.parametrize("text, name", [
    ("تصاعد التوتر في بحر الصين الجنوبي هذا الأسبوع.", "الصين"),
    ("يلعب الفريق على ملعب الإمارات في لندن.", "الإمارات"),
    ("قال مدرب ريال مدريد إن المباراة صعبة على كل لاعب في الفريق.", "مدريد"),
    ("تقدم برشلونة في الدوري بعد المباراة وسجل اللاعب هدفين.", "برشلونة"),  # the club
])
def test_a_place_name_inside_another_name_is_not_the_place(resolver, text, name):
    assert resolver.resolve(doc_with_places(text, name))[-1].reason == "part_of_name"


@pytest.mark.parametrize("text, names, country, kind", [
    ("وصل الوفد إلى العاصمة تونس أمس.", ("تونس",), "TN", "city"),                 # a city word before
    ("رفع دعوى أمام محكمة في الجزائر العاصمة أمس.", ("الجزائر",), "DZ", "city"),  # a city word after
    ("التقى الوزير نظيره في عمان بعد زيارة الأردن.", ("عمان", "الأردن"), "JO", "city"),  # Amman, not Oman
    ("سرقت سيارة رجل في جنوب أفريقيا قبل سنوات.", ("أفريقيا",), "ZA", "country"),  # the word before completes it
    ("وقعت الرياض والقاهرة اتفاقا جديدا مع مصر.", ("الرياض", "مصر"), "SA", "city"),  # no Egyptian hamlet
])
def test_the_article_chooses_between_readings(resolver, text, names, country, kind):
    place = resolver.resolve(doc_with_places(text, *names))[0]  # the first name's place
    assert (place.country, place.kind) == (country, kind)


@pytest.mark.parametrize("name, country", [("مطار القاهرة الدولي", "EG"), ("متحف المدينة المنورة", "SA"),
                                           ("مطار مدينة جنيف", "CH")])
def test_a_landmark_resolves_to_the_place_it_is_named_after(resolver, name, country):
    (place,) = resolver.resolve(doc_with_places(f"هبطت الطائرة قرب {name} مساء أمس.", name))
    assert place.country == country and "match=landmark" in place.evidence

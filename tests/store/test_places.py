"""Places in the store: written with each article, counted per place and per country, filtered."""

from __future__ import annotations

import pytest

from khabar.document import Document, Entity, Event, Mention, Offsets, Place, Source
from khabar.errors import NotInStoreError
from khabar.store import open_store
from khabar.store.places import country_counts, list_places, place_articles, place_info
from khabar.store.trends import Filters

ALEPPO = Place("e0", 170063, "حلب", "city", "SY", 36.2, 37.16, 1.0, ("name=حلب",), None, "places.resolve.v1")
SYRIA = Place("e1", 163843, "سوريا", "country", "SY", 35.0, 38.5, 1.0, ("name=سوريا",), None, "places.resolve.v1")
CAIRO = Place("e0", 360630, "القاهرة", "city", "EG", 30.06, 31.25, 1.0, ("name=القاهرة",), None, "places.resolve.v1")


def article(doc_id: str, text: str, source: str, day: str, places: tuple[Place, ...],
            events: tuple[Event, ...] = ()) -> Document:
    entities = []
    for place in places:
        name = place.name or "ساحة البلدة"
        start = text.index(name)
        entities.append(Entity(place.entity, "LOC", name, (Mention(start, start + len(name)),)))
    return Document(doc_id, text=text, title=text[:20], source=Source(name=source), published=day,
                    entities=tuple(entities), places=places, events=events)


@pytest.fixture()
def store():
    protest = Event("141", "PROTEST", None, None, Offsets(0, 5), Offsets(0, 30), location="e0")
    docs = [
        article("a1", "تظاهر المئات في حلب شمال سوريا احتجاجا على الغلاء.", "الشروق", "2024-03-01",
                (ALEPPO, SYRIA), (protest,)),
        article("a2", "افتتح معرض الكتاب في القاهرة بمشاركة واسعة من الناشرين.", "النهار", "2024-03-02", (CAIRO,)),
        article("a3", "وصلت قافلة مساعدات إلى حلب صباح اليوم بعد انتظار طويل.", "النهار", "2024-03-05", (ALEPPO,)),
        article("a4", "اجتمع السكان في ساحة البلدة القديمة لمناقشة الخدمات.", "الشروق", "2024-03-06",
                (Place("e0", reason="no_candidate", stage="places.resolve.v1"),)),
    ]
    with open_store(":memory:") as opened:
        opened.write_documents(docs)
        yield opened


def test_places_are_counted_by_articles_then_events(store):
    page = list_places(store.conn)
    assert [(p["geonames"], p["articles"], p["events"]) for p in page.items] == [
        (170063, 2, 1), (163843, 1, 0), (360630, 1, 0)]
    assert page.total == 3  # the unresolved place is not listed


@pytest.mark.parametrize("filters, expected", [
    (Filters(source="النهار"), [170063, 360630]),
    (Filters(since="2024-03-03"), [170063]),
    (Filters(q="القاهرة"), [360630]),
])
def test_places_take_the_filters_of_the_other_lists(store, filters, expected):
    assert [p["geonames"] for p in list_places(store.conn, filters).items] == expected


def test_a_city_counts_for_its_country(store):
    assert country_counts(store.conn) == {"SY": {"articles": 2, "events": 1}, "EG": {"articles": 1, "events": 0}}


def test_place_articles_of_a_country_include_its_cities(store):
    assert [a["id"] for a in place_articles(store.conn, 163843, country="SY").items] == ["a3", "a1"]
    assert [a["id"] for a in place_articles(store.conn, 163843).items] == ["a1"]


def test_unknown_place_is_a_coded_error(store):
    assert place_info(store.conn, 170063)["name"] == "حلب"
    with pytest.raises(NotInStoreError) as raised:
        place_info(store.conn, 1)
    assert raised.value.code == "E510"

"""`/places`, `/places/{geonames}`, `/places/country/{code}` and `/map` over a small store with places."""

from __future__ import annotations

import csv
import io

import pytest

from khabar.document import Document, Entity, Event, Mention, Offsets, Place, Source
from khabar.store import open_store
from tests.web.conftest import make_client

STAGE = "places.resolve.v1"
ALEPPO = Place("e0", 170063, "حلب", "city", "SY", 36.2, 37.16, 1.0, ("name=حلب",), None, STAGE)
SYRIA = Place("e1", 163843, "سوريا", "country", "SY", 35.0, 38.5, 1.0, ("name=سوريا",), None, STAGE)
CAIRO = Place("e0", 360630, "القاهرة", "city", "EG", 30.06, 31.25, 1.0, ("name=القاهرة",), None, STAGE)
HOSTILE = Place("e0", 999, "<script>alert(1)</script>", "city", "EG", 30.0, 31.0, 1.0, (), None, STAGE)


def article(doc_id: str, text: str, source: str, day: str, places: tuple[Place, ...], events=()) -> Document:
    entities = []
    for place in places:
        start = text.index(place.name)
        entities.append(Entity(place.entity, "LOC", place.name, (Mention(start, start + len(place.name)),)))
    return Document(doc_id, text=text, title=text[:24], source=Source(name=source), published=day,
                    entities=tuple(entities), places=places, events=events)


@pytest.fixture(scope="module")
def places_client(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("places") / "khabar.db"
    protest = Event("141", "PROTEST", None, None, Offsets(0, 5), Offsets(0, 30), location="e0")
    with open_store(db) as store:
        store.write_documents([
            article("a1", "تظاهر المئات في حلب شمال سوريا احتجاجا على الغلاء.", "الشروق", "2024-03-01",
                    (ALEPPO, SYRIA), (protest,)),
            article("a2", "افتتح معرض الكتاب في القاهرة بمشاركة واسعة من الناشرين.", "النهار", "2024-03-02",
                    (CAIRO,)),
            article("a3", "وصلت قافلة مساعدات إلى حلب صباح اليوم بعد انتظار طويل.", "النهار", "2024-03-05",
                    (ALEPPO,)),
            article("a4", "كتب زائر <script>alert(1)</script> في سجل المعرض كلمة طويلة.", "النهار", "2024-03-06",
                    (HOSTILE,)),
        ])
    return make_client(db, pipeline=pipeline)


def test_places_json_lists_places_with_coordinates_and_counts(places_client):
    data = places_client.get("/places.json").json()
    aleppo = data["items"][0]
    assert (aleppo["geonames"], aleppo["articles"], aleppo["events"], aleppo["country"]) == (170063, 2, 1, "SY")
    assert (aleppo["lat"], aleppo["lon"]) == (36.2, 37.16)
    assert data["total"] == 4


@pytest.mark.parametrize("query, expected", [
    ("source=الشروق", [170063, 163843]),
    ("since=2024-03-03&country=SY", [170063]),
    ("q=القاهرة", [360630]),
])
def test_places_take_the_list_filters(places_client, query, expected):
    assert [p["geonames"] for p in places_client.get(f"/places.json?{query}").json()["items"]] == expected


def test_places_csv_has_every_row(places_client):
    response = places_client.get("/places?format=csv&limit=1")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 4 and rows[0]["name"] == "حلب" and rows[0]["articles"] == "2"


def test_places_page_links_each_place_to_its_articles_and_to_csv(places_client):
    html = places_client.get("/places", headers={"accept": "text/html"}).text
    assert 'href="/places/170063"' in html and "format=csv" in html and 'href="/map' in html


def test_place_page_lists_its_articles(places_client):
    data = places_client.get("/places/170063.json").json()
    assert data["place"]["name"] == "حلب" and [a["id"] for a in data["items"]] == ["a3", "a1"]


def test_country_page_lists_articles_of_its_places_too(places_client):
    assert [a["id"] for a in places_client.get("/places/country/SY.json").json()["items"]] == ["a3", "a1"]


def test_unknown_place_is_404_with_its_code(places_client):
    response = places_client.get("/places/12345.json")
    assert response.status_code == 404 and response.json()["errors"][0]["code"] == "E510"


def test_map_is_svg_with_linked_countries_and_cities(places_client):
    html = places_client.get("/map", headers={"accept": "text/html"}).text
    assert html.count('class="country"') > 150  # every country is drawn
    assert 'href="/places/country/SY"' in html and 'href="/places/170063"' in html
    assert 'data-code="FR"' in html and 'href="/places/country/FR"' not in html  # no articles, no link
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html  # names are escaped


def test_map_json_counts_per_country(places_client):
    data = places_client.get("/map.json?since=2024-03-02").json()
    assert {c["country"]: c["articles"] for c in data["countries"]} == {"EG": 2, "SY": 1}


HTML = {"accept": "text/html"}
# The place pages and their JSON keys; tests/web/test_api.py counts them in its route check.
PLACE_PAGES = [("/places", "items"), ("/places/170063", "place"), ("/places/country/SY", "items"),
               ("/map", "countries")]


@pytest.mark.parametrize(("url", "key"), PLACE_PAGES)
def test_each_place_page_is_html_with_a_json_twin(places_client, url, key):
    page = places_client.get(url, headers=HTML)
    assert page.status_code == 200 and '<html lang="ar" dir="rtl">' in page.text
    by_suffix = places_client.get(url + ".json", headers=HTML)
    by_accept = places_client.get(url, headers={"accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.json() == by_accept.json() and key in by_suffix.json()

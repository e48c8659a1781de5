"""The places list and the map in a real browser (Debian's Chromium driven by Playwright).

Same setup as tests/web/test_browser.py, whose browser, page and screenshot fixtures these tests
share, over a store of fictional articles with resolved places. To refresh
docs/screenshots/places.png and map.png:
KHABAR_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser_places.py
"""

from __future__ import annotations

import pytest

from khabar.document import Place
from khabar.store import open_store
from tests.web.test_browser import _screenshot, serve_app, browser, page, screenshots  # noqa: F401 (fixtures)
from tests.web.test_places import ALEPPO, CAIRO, SYRIA, article

pytestmark = pytest.mark.browser

STAGE = "places.resolve.v1"
RIYADH = Place("e0", 108410, "الرياض", "city", "SA", 24.69, 46.72, 1.0, (), None, STAGE)
JEDDAH = Place("e1", 105343, "جدة", "city", "SA", 21.49, 39.19, 1.0, (), None, STAGE)
SAUDI = Place("e2", 102358, "السعودية", "country", "SA", 24.13, 44.54, 1.0, (), None, STAGE)
PARIS = Place("e0", 2988507, "باريس", "city", "FR", 48.85, 2.35, 1.0, (), None, STAGE)

# (id, text, outlet, day, places): fictional articles written for these tests
ARTICLES = [
    ("p1", "افتتح معرض للكتاب في الرياض ثم انتقل إلى جدة في السعودية هذا الشهر.", "النهار", "2024-03-01",
     (RIYADH, JEDDAH, SAUDI)),
    ("p2", "ناقش مؤتمر في الرياض مستقبل النقل العام في المدن الكبرى.", "الشروق", "2024-03-02", (RIYADH,)),
    ("p3", "شهدت الرياض أمطارا غزيرة أغلقت عددا من الطرق صباح اليوم.", "النهار", "2024-03-03", (RIYADH,)),
    ("p4", "وصلت قافلة مساعدات إلى حلب شمال سوريا بعد انتظار طويل.", "الشروق", "2024-03-04", (ALEPPO, SYRIA)),
    ("p5", "افتتح معرض الكتاب في القاهرة بمشاركة واسعة من الناشرين.", "النهار", "2024-03-05", (CAIRO,)),
    ("p6", "عرضت لوحات فنانين عرب في باريس ضمن أسبوع الثقافة.", "الشروق", "2024-03-06", (PARIS,)),
]


@pytest.fixture(scope="module")
def places_url(tmp_path_factory, pipeline):
    """The web app over a store of fictional articles whose places are resolved."""
    db = tmp_path_factory.mktemp("places-browser") / "khabar.db"
    with open_store(db) as store:
        store.write_documents([article(*row) for row in ARTICLES])
    with serve_app(db, pipeline) as url:
        yield url


def test_map_draws_countries_and_cities_with_east_to_the_right(page, places_url, screenshots):
    page.goto(places_url + "/map")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("figure.world-map svg path.country").count() > 150
    shaded = page.locator('a[href="/places/country/SA"] path.country')
    assert shaded.count() == 1 and shaded.get_attribute("fill") != "#eef1f4"
    cairo = page.locator('a[href="/places/360630"] circle.city').bounding_box()
    riyadh = page.locator('a[href="/places/108410"] circle.city').bounding_box()
    assert cairo["x"] < riyadh["x"]  # Cairo lies west of Riyadh: the map is not mirrored
    assert riyadh["width"] > cairo["width"]  # three articles against one
    _screenshot(page, screenshots / "map.png")


def test_a_city_on_the_map_opens_its_articles(page, places_url):
    page.goto(places_url + "/map")
    page.locator('a[href="/places/108410"] circle.city').click(force=True)
    page.wait_for_url("**/places/108410")
    assert page.locator("h1").inner_text().strip() == "الرياض"
    assert page.locator(".row .title").count() == 3


def test_a_country_on_the_map_opens_the_articles_of_its_places(page, places_url):
    page.goto(places_url + "/places/country/SY")
    assert page.locator(".row .title").count() == 1


def test_places_page_lists_places_by_articles_and_links_to_csv(page, places_url, screenshots):
    page.goto(places_url + "/places")
    rows = page.locator("table.places-table tbody tr")
    assert rows.count() == 7
    assert rows.first.locator("td").first.inner_text().strip() == "الرياض"
    assert page.locator('a[download]', has_text="CSV").first.get_attribute("href") == "/places?format=csv"
    _screenshot(page, screenshots / "places.png", full_page=True)
    rows.nth(1).locator("td a").first.click()
    page.wait_for_url("**/places/*")
    assert page.locator(".row .title").count() >= 1

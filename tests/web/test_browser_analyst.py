"""The trends and watches pages in a real browser (Debian's Chromium driven by Playwright).

Same setup as tests/web/test_browser.py, whose browser, page and screenshot fixtures these tests
share; the store also holds a watch with matches. To refresh docs/screenshots/trends.png and
watches.png: KHABAR_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser_analyst.py
"""

from __future__ import annotations

import pytest

from khabar.store import open_store
from khabar.store.trends import Filters
from khabar.store.watches import add_watch
from tests.web.fixtures import FAJR, build, build_store
from tests.web.test_browser import _screenshot, serve_app, browser, page, screenshots  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def analyst_url(tmp_path_factory, pipeline):
    """The web app over the fixture store plus the watch `مياه` and two articles it matched."""
    db = build_store(tmp_path_factory.mktemp("analyst") / "khabar.db")
    with open_store(db) as store:
        add_watch(store.conn, "مياه", Filters(q="المياه"))
        store.write_documents([build(f"fajr-10{n}", FAJR, "2024-03-16", f"انقطاع المياه عن الحي {n}",
                                     [f"أعلنت البلدية انقطاع المياه عن الحي رقم {n} لساعات."]) for n in (1, 2)])
    with serve_app(db, pipeline) as url:
        yield url


def test_trends_chart_runs_right_to_left_and_a_point_opens_its_articles(page, analyst_url, screenshots):
    page.goto(analyst_url + "/trends?split=source")
    chart = page.locator("figure.trend-chart svg")
    assert chart.is_visible()
    dots = page.locator('circle.trend-point')
    assert dots.count() == 5 + 4  # a dot per day with articles: صحيفة الفجر on 5 days, وكالة النهار on 4
    first, last = dots.nth(0).bounding_box(), dots.nth(4).bounding_box()  # صحيفة الفجر, 10 and 16 March
    assert first["x"] > last["x"]  # the oldest day at the right
    assert page.locator("table.trend-table tbody tr").count() == 9  # the days with articles
    _screenshot(page, screenshots / "trends.png", full_page=True)

    newest = page.locator("table.trend-table tbody tr").first  # صحيفة الفجر on 16 March: 2 articles
    assert "صحيفة الفجر" in newest.inner_text()
    newest.locator("a").click()
    page.wait_for_url("**/articles?*")
    assert "since=2024-03-16" in page.url and "until=2024-03-16" in page.url
    assert page.locator(".row .title").count() == 2


def test_watches_page_lists_the_watch_with_its_feed(page, analyst_url, screenshots):
    page.goto(analyst_url + "/watches")
    row = page.locator("table.watches tbody tr").first
    assert row.is_visible() and "مياه" in row.inner_text()
    assert row.locator("a", has_text="Atom").get_attribute("href").endswith(".atom")
    _screenshot(page, screenshots / "watches.png")


def test_list_pages_link_to_their_csv(page, analyst_url):
    page.goto(analyst_url + "/articles")
    link = page.locator("footer.site a", has_text="CSV")
    assert link.get_attribute("href") == "/articles?format=csv"

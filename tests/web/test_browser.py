"""The web interface in a real browser: Debian's headless Chromium driven by Playwright.

A real server (uvicorn, in a background thread, on a free loopback port) serves the fixture
store. The tests walk the interface as a reader would and take screenshots. They fail, not skip,
when Chromium is missing: run scripts/install-browser.sh.

Screenshots go to a temporary folder, so a test run leaves the checkout as it was. To refresh
the ones in docs/web.md and the README, name the folder in `KHABAR_SCREENSHOTS`, then review
the images before committing them:

    KHABAR_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser.py
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.fixtures import build_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS_ENV = "KHABAR_SCREENSHOTS"  # where to save screenshots; a temporary folder without it


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve_app(db: Path, pipeline) -> Iterator[str]:
    """The web app over the store `db`, served by uvicorn on a free 127.0.0.1 port in a thread."""
    import uvicorn

    from khabar.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, pipeline=pipeline), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory, pipeline):
    """The web app over the fixture store."""
    with serve_app(build_store(tmp_path_factory.mktemp("browser") / "khabar.db"), pipeline) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """The folder screenshots are saved in: $KHABAR_SCREENSHOTS, else a temporary one."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium; "
                    "run `bash scripts/install-browser.sh` (never `playwright install`)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar", device_scale_factor=1)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.problems = problems
    yield tab
    context.close()
    assert not problems, f"the browser reported errors: {problems}"


def _screenshot(tab, path: Path, *, full_page: bool = False) -> None:
    tab.screenshot(path=str(path), full_page=full_page)


def _font_in_use(tab) -> bool:
    tab.evaluate("document.fonts.ready")
    return tab.evaluate("""() => [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Khabar Sans'
                                                          && f.status === 'loaded')""")


def test_home_page_is_arabic_right_to_left_with_stories_and_latest(page, server_url, screenshots):
    page.goto(server_url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_by_role("heading", name="الأكثر تغطية").is_visible()
    assert page.locator(".card .title").first.is_visible()
    assert page.locator(".row .title").count() >= 8
    assert _font_in_use(page), "the Arabic web font was not loaded"
    # right to left: the brand sits at the right edge of the header
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > 1280 / 2
    _screenshot(page, screenshots / "home.png")


def test_search_for_an_entity_then_open_the_article_and_the_entity(page, server_url, screenshots):
    page.goto(server_url + "/")
    page.fill("#site-q", "سامر الخطيب")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator(".hit")
    assert hits.count() >= 3
    assert page.locator(".hit mark").first.is_visible()
    assert page.locator(".entities-found .chip", has_text="سامر الخطيب").is_visible()
    _screenshot(page, screenshots / "search.png")

    page.locator(".hit .title", has_text="قمة الواحة").click()
    page.wait_for_url("**/articles/fajr-001")
    person = page.locator(".text .hl-entity.ent-per", has_text="سامر الخطيب")
    assert person.is_visible()
    assert page.locator(".text .hl-quote").first.is_visible()
    badge = page.locator(".text .badge.speaker").first
    assert badge.is_visible() and "سامر الخطيب" in badge.inner_text()
    assert page.locator(".text .hl-trigger").first.is_visible()
    colours = {page.locator(f".text .hl-entity.ent-{kind}").first.evaluate("e => getComputedStyle(e).color")
               for kind in ("per", "org", "loc")}
    assert len(colours) == 3, "each entity type has its own colour"
    quote_bg = page.locator(".text .hl-quote").first.evaluate("e => getComputedStyle(e).backgroundImage")
    assert "gradient" in quote_bg, "quotes have a background"
    assert _font_in_use(page)
    _screenshot(page, screenshots / "article.png", full_page=True)

    person.locator("a").click()
    page.wait_for_url("**/entities/*")
    assert page.get_by_role("heading", name="سامر الخطيب").is_visible()
    assert page.locator(".quote-card").count() == 4
    _screenshot(page, screenshots / "entity.png", full_page=True)


def test_legend_switches_hide_a_highlight_layer_without_script(page, server_url):
    page.goto(server_url + "/articles/fajr-002")
    quote = page.locator(".text .hl-quote").first
    assert "gradient" in quote.evaluate("e => getComputedStyle(e).backgroundImage")
    page.uncheck("#show-quote")
    assert quote.evaluate("e => getComputedStyle(e).backgroundImage") == "none"
    assert not page.locator(".text .badge.speaker").first.is_visible()


def test_quote_explorer_filters_by_speaker_and_words(page, server_url):
    page.goto(server_url + "/quotes")
    page.fill("input[name=speaker]", "ليلى منصور")
    page.fill("input[name=q]", "الوعود")
    page.get_by_role("button", name="عرض").click()
    page.wait_for_url("**/quotes?*")
    cards = page.locator(".quote-card")
    assert cards.count() == 2
    assert all("الوعود" in text for text in cards.all_inner_texts())

"""Article text is untrusted: script payloads in every field stay inert on every page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.web.fixtures import HOSTILE_MARKERS

HTML = {"accept": "text/html"}


class Tags(HTMLParser):
    """Every tag and attribute a browser would see in a page."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def hostile_pages(client) -> list[str]:
    entity_ids = sorted(client.get("/articles/hostile-1.json").json()["entity_ids"].values())
    return (["/", "/articles", "/articles/hostile-1", "/search?q=المسؤول", "/search?q=script",
             "/entities", "/quotes", "/quotes?q=نتراجع", "/events", "/stories", "/stories/hostile-1",
             "/entities?name=script", "/trends?split=source", "/trends?q=script&split=source&by=week",
             "/watches", "/articles?q=script"]
            + [f"/entities/{i}" for i in entity_ids])


def test_hostile_article_is_in_the_store(hostile_client):
    doc = hostile_client.get("/articles/hostile-1.json").json()["article"]
    assert "<script>" in doc["title"] and "<script>" in doc["text"] and "onerror=" in doc["entities"][0]["name"]
    assert doc["source"]["url"].startswith("javascript:")


def test_every_page_escapes_the_payloads(hostile_client):
    for url in hostile_pages(hostile_client):
        response = hostile_client.get(url, headers=HTML)
        assert response.status_code == 200, url
        page = response.text
        for marker in HOSTILE_MARKERS:
            assert marker not in page, (url, marker)
        for tag, attrs in Tags(page).tags:
            assert tag not in ("script", "img", "iframe", "object"), (url, tag)
            assert not [name for name in attrs if name.startswith("on")], (url, tag, attrs)
            for name in ("href", "src", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (url, attrs)
        # the payload is shown as text, escaped
        if url in ("/articles/hostile-1", "/quotes"):
            assert "&lt;script&gt;" in page, url


def test_only_our_own_script_and_style_tags_exist(hostile_client):
    for url in hostile_pages(hostile_client):
        page = hostile_client.get(url, headers=HTML).text
        assert "<script" not in page.lower(), url
        assert re.findall(r"<link [^>]*href=\"([^\"]+)\"", page) == [
            "/static/fonts/noto-sans-arabic.ttf", "data:,", "/static/css/style.css", re.findall(r'alternate[^>]*href="([^"]+)"', page)[0]]


def test_unsafe_source_url_is_never_a_link(hostile_client):
    page = hostile_client.get("/articles/hostile-1", headers=HTML).text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("/", "http://", "https://")) or h == "data:," for h in hrefs)


@pytest.mark.parametrize("url", ["/articles/hostile-1", "/quotes", "/entities", "/search?q=المسؤول"])
def test_json_twins_are_served_as_json(hostile_client, url):
    response = hostile_client.get(url)
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["ok"] is True


def test_csp_forbids_inline_and_foreign_scripts(hostile_client):
    policy = hostile_client.get("/articles/hostile-1", headers=HTML).headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and "unsafe" not in policy


@pytest.mark.parametrize("url", ["/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                                 "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"])
def test_reflected_input_is_escaped(hostile_client, url):
    page = hostile_client.get(url, headers=HTML).text
    assert "<script>alert" not in page and "<img src=x" not in page

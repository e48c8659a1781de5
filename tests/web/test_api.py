"""The HTTP API, in process: every route, its errors, pagination and the JSON twins of pages."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import TOKEN, make_client, post_raw

HTML = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}

# Every page of the web interface (path with query) and a key its JSON twin must have.
PAGES = [
    ("/", "stories"),
    ("/articles", "items"),
    ("/articles/fajr-001", "article"),
    ("/search?q=الخطيب", "items"),
    ("/entities", "items"),
    ("/entities/2", "entity"),
    ("/quotes?speaker=الخطيب", "items"),
    ("/events?root=14", "items"),
    ("/stories", "items"),
    ("/stories/most-covered", "items"),
    ("/stories/fajr-001", "versions"),
    ("/docs", "openapi"),
]


def twin_url(url: str) -> str:
    path, _, query = url.partition("?")
    path = "/index" if path == "/" else path
    return f"{path}.json" + (f"?{query}" if query else "")


def entity_id(client, name: str) -> int:
    return client.get("/entities", params={"name": name}).json()["items"][0]["id"]


@pytest.mark.parametrize(("url", "key"), PAGES)
def test_each_page_is_html_for_a_browser(client, url, key):
    response = client.get(url, headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in response.text


@pytest.mark.parametrize(("url", "key"), PAGES)
def test_each_page_has_a_json_twin_by_suffix_and_by_accept(client, url, key):
    by_suffix = client.get(twin_url(url), headers=HTML)
    by_accept = client.get(url, headers={"accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.headers["content-type"] == "application/json"
    assert by_suffix.json() == by_accept.json()
    assert by_suffix.json()["ok"] is True and key in by_suffix.json()


def test_article_twin_returns_the_stored_document_and_entity_links(client):
    data = client.get("/articles/fajr-001.json").json()
    doc = data["article"]
    assert doc["id"] == "fajr-001" and doc["source"]["name"] == "صحيفة الفجر"
    assert {e["name"] for e in doc["entities"]} >= {"سامر الخطيب", "منظمة الأنهار الدولية"}
    assert set(data["entity_ids"]) == {e["id"] for e in doc["entities"]}
    assert data["story"]["outlets"] == 2


def test_article_page_shows_what_its_twin_returns(client):
    data = client.get("/articles/fajr-002.json").json()
    page = client.get("/articles/fajr-002", headers=HTML).text
    assert data["article"]["title"] in page
    for entity in data["article"]["entities"]:
        assert entity["name"] in page
    for quote in data["article"]["quotes"]:
        assert data["article"]["text"][quote["content"]["start"]:quote["content"]["end"]] in page


def test_unknown_article_is_404_with_a_coded_error(client):
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "errors": [{"code": "E503", "message": response.json()["errors"][0]["message"]}]}


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/no/such/page", 404, "E601"),
    ("/entities/999999", 404, "E507"),
    ("/stories/nothing-here", 404, "E505"),
    ("/entities/not-a-number", 400, "E602"),
    ("/articles?limit=0", 400, "E602"),
    ("/articles?limit=101", 400, "E602"),
    ("/articles?offset=-1", 400, "E602"),
    ("/search?q=x&since=yesterday", 400, "E602"),
    ("/search?q=%22%22", 400, "E502"),
    ("/events?root=abc", 400, "E602"),
    ("/stories?order=random", 400, "E602"),
])
def test_bad_requests_get_the_error_envelope(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["errors"][0]["code"] == code and body["errors"][0]["message"]


def test_an_error_page_is_html_for_a_browser(client):
    response = client.get("/articles/no-such-article", headers=HTML)
    assert response.status_code == 404
    assert "E503" in response.text and 'dir="rtl"' in response.text


def test_wrong_method_is_405(client):
    response = client.delete("/articles")
    assert response.status_code == 405 and response.json()["errors"][0]["code"] == "E607"


@pytest.mark.parametrize(("url", "total"), [("/articles", 8), ("/entities", None), ("/quotes", 8)])
def test_pages_walk_through_every_item_by_next_links(client, url, total):
    seen, link, pages = [], f"{url}?limit=3", 0
    while link:
        data = client.get(link).json()
        assert data["limit"] == 3 and len(data["items"]) <= 3
        seen += data["items"]
        link, pages = data["next"], pages + 1
    first = client.get(f"{url}?limit=100").json()
    assert len(seen) == first["total"] == (total or first["total"])
    assert seen == first["items"]
    assert pages == -(-first["total"] // 3)


def test_second_page_links_back_to_the_first(client):
    data = client.get("/articles?limit=3&offset=3").json()
    assert data["previous"].endswith("offset=0") and data["offset"] == 3


def test_search_pages_by_has_more_and_next(client):
    first = client.get("/search", params={"q": "المياه", "limit": 2}).json()
    assert first["has_more"] is True and first["next"]
    second = client.get(first["next"]).json()
    assert {h["id"] for h in first["items"]}.isdisjoint({h["id"] for h in second["items"]})


def test_search_finds_articles_and_the_entity_the_query_names(client):
    data = client.get("/search", params={"q": "ليلى منصور"}).json()
    assert {hit["id"] for hit in data["items"]} == {"nahar-002", "fajr-003"}
    assert data["entities"][0]["name"] == "ليلى منصور"


def test_search_without_a_query_returns_nothing(client):
    data = client.get("/search").json()
    assert data["items"] == [] and data["next"] is None


@pytest.mark.parametrize(("params", "names"), [
    ({"type": "PER"}, {"سامر الخطيب", "ليلى منصور", "كريم العلي"}),
    ({"name": "الخطيب"}, {"سامر الخطيب"}),
    ({"name": "الوزير سامر الخطيب"}, {"سامر الخطيب"}),
])
def test_entities_filter_by_type_and_name(client, params, names):
    data = client.get("/entities", params=params).json()
    assert {e["name"] for e in data["items"]} == names


def test_entity_detail_has_mentions_roles_quotes_and_companions(client):
    data = client.get(f"/entities/{entity_id(client, 'سامر الخطيب')}").json()["entity"]
    assert data["documents"] == 4
    assert {a["id"] for a in data["articles"]} == {"fajr-001", "nahar-001", "fajr-002", "fajr-004"}
    assert [r["day"] for r in data["roles"]] == sorted(r["day"] for r in data["roles"])
    assert {r["title"] for r in data["roles"]} == {"وزير الري"}
    assert len(data["quotes"]) == 4 and all(q["speaker_id"] == data["id"] for q in data["quotes"])
    assert "كريم العلي" in {c["name"] for c in data["cooccurring"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({"speaker": "سامر الخطيب"}, 4),
    ({"speaker": "الخطيب"}, 4),
    ({"speaker": "متحدث باسم بلدية الواحة"}, 1),
    ({"q": "الماء"}, 2),
    ({"speaker": "ليلى منصور", "q": "الوعود"}, 2),
    ({"speaker": "كريم العلي", "q": "الوعود"}, 0),
])
def test_quotes_filter_by_speaker_and_words(client, params, expected):
    data = client.get("/quotes", params=params).json()
    assert data["total"] == expected == len(data["items"])
    for quote in data["items"]:
        for word in (params.get("q") or "").split():
            assert word in quote["text"]


def test_quote_text_is_cut_from_the_article_with_its_offsets(client):
    quote = client.get("/quotes", params={"speaker": "كريم العلي"}).json()["items"][0]
    assert quote["text"] == "القراءة هي طريقنا إلى المستقبل"
    article = client.get(f"/articles/{quote['doc_id']}").json()["article"]
    assert article["text"][quote["start"]:quote["end"]] == quote["text"]


@pytest.mark.parametrize(("params", "cameos"), [
    ({"root": "14"}, {"141"}),
    ({"root": "4"}, {"040"}),
    ({"actor": "igo"}, {"071", "051"}),
    ({"actor": "CVL"}, {"141"}),
    ({"date": "2024-03-15"}, {"040"}),
    ({"date": "2024-03", "root": "03"}, {"036"}),
    ({"actor": "%"}, set()),
])
def test_events_filter_by_actor_root_and_date(client, params, cameos):
    data = client.get("/events", params=params).json()
    assert {e["cameo"] for e in data["items"]} == cameos


def test_issue_15_events_filter_by_min_confidence(client):
    every = client.get("/events", params={"limit": 100}).json()["items"]
    lowest = min(e["confidence"] for e in every)
    at_lowest = client.get("/events", params={"min_confidence": lowest, "limit": 100}).json()
    above = client.get("/events", params={"min_confidence": max(e["confidence"] for e in every) + 0.01,
                                          "limit": 100}).json()
    assert len(at_lowest["items"]) == len(every) and above["items"] == []
    assert above["filters"]["min_confidence"] > lowest
    assert client.get("/events", params={"min_confidence": 2}).status_code == 400


def test_events_carry_trigger_and_sentence_text(client):
    event = client.get("/events", params={"root": "04"}).json()["items"][0]
    assert event["trigger"] == "التقى"
    assert event["sentence"].startswith("التقى رئيس الوزراء")
    assert event["source_actor"] == {"code": "GOV", "name": "كريم العلي"}


def test_most_covered_stories_put_two_outlet_stories_first(client):
    items = client.get("/stories/most-covered").json()["items"]
    assert items and all(len(s["outlets"]) == 2 for s in items)
    assert {s["id"] for s in items} >= {"fajr-001"}


def test_story_lists_each_outlets_version(client):
    data = client.get("/stories/fajr-001").json()
    assert {v["outlet"] for v in data["versions"]} == {"صحيفة الفجر", "وكالة النهار"}


def test_openapi_schema_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/analyze", "/articles", "/articles/{doc_id}", "/search", "/entities", "/entities/{entity_id}",
                 "/quotes", "/events", "/stories", "/stories/most-covered", "/stories/{story_id}"]:
        assert path in paths


ARTICLE_TEXT = ("وزير المالية يعلن ميزانية جديدة\n\n"
                "أعلن وزير المالية اليوم في مؤتمر صحفي عن ميزانية جديدة للعام المقبل تركز على التعليم والصحة "
                "وتوسيع شبكة المياه في المدن الصغيرة، وقال إن الإنفاق سيرتفع بنسبة معتدلة.")


def test_analyze_returns_a_document_for_text(client):
    response = client.post("/analyze", json={"text": ARTICLE_TEXT, "url": "https://example.org/a"})
    assert response.status_code == 200
    doc = response.json()["document"]
    assert doc["status"] == "ok" and "ميزانية" in doc["text"] and doc["source"]["url"] == "https://example.org/a"


def test_analyze_reads_html(client):
    html = f"<html><body><article><h1>عنوان</h1><p>{ARTICLE_TEXT}</p></article></body></html>"
    response = client.post("/analyze", json={"html": html})
    assert response.status_code == 200 and "ميزانية" in response.json()["document"]["text"]


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"text": "hello world, this is not Arabic at all, just an English sentence or two. " * 3}, 422, "R106"),
    ({"text": "   "}, 422, "R101"),
    ({}, 400, "E602"),
    ({"text": "a", "html": "b"}, 400, "E602"),
])
def test_analyze_rejects_with_a_reason(client, body, status, code):
    response = client.post("/analyze", json=body)
    assert response.status_code == status
    assert response.json()["errors"][0]["code"] == code


def test_analyze_refuses_malformed_json(client):
    response = client.post("/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "E602"


def test_body_over_the_limit_is_413_by_content_length(client):
    response = client.post("/analyze", content=b"x" * (2 * 1024 * 1024 + 1))
    assert response.status_code == 413 and response.json()["errors"][0]["code"] == "E603"


def test_body_without_content_length_over_the_limit_is_413(fixture_db, pipeline):
    small = make_client(fixture_db, pipeline=pipeline, max_body=1000)
    response = small.post("/analyze", content=(b"y" * 500 for _ in range(100)))
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "E603"


def test_streamed_body_stops_being_read_once_over_the_limit(fixture_db, pipeline):
    from khabar.web import create_app

    app = create_app(fixture_db, pipeline=pipeline, max_body=1000)
    chunks = []

    async def receive():
        chunks.append(1)
        return {"type": "http.request", "body": b"z" * 400, "more_body": len(chunks) < 1000}

    sent = post_raw(app, receive)
    assert len(chunks) == 3  # 1200 bytes > 1000: the fourth chunk is never asked for
    assert sent[0]["status"] == 413


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "E604"),
    ({"authorization": "Basic abc"}, 401, "E604"),
    ({"authorization": "Bearer wrong"}, 403, "E605"),
    ({"authorization": f"Bearer {TOKEN}x"}, 403, "E605"),
])
def test_writing_needs_the_right_token(writable_client, headers, status, code):
    response = writable_client.post("/articles", json={"text": ARTICLE_TEXT}, headers=headers)
    assert response.status_code == status
    assert response.json()["errors"][0]["code"] == code
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_writing_is_forbidden_when_no_token_is_configured(client):
    response = client.post("/articles", json={"text": ARTICLE_TEXT}, headers={"authorization": "Bearer anything"})
    assert response.status_code == 403 and response.json()["errors"][0]["code"] == "E606"


def test_writing_with_the_token_stores_the_article(writable_client):
    response = writable_client.post("/articles", json={"text": ARTICLE_TEXT, "url": "https://example.org/budget"},
                                    headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    doc_id = response.json()["id"]
    assert response.json()["outcomes"] == {"stored": 1}
    assert writable_client.get(f"/articles/{doc_id}").json()["article"]["text"].startswith("أعلن وزير المالية")
    assert writable_client.get("/articles").json()["total"] == 9
    assert writable_client.get("/").json()["latest"][0]["id"] in {doc_id, "nahar-004"}


def test_security_headers_are_on_every_response(client):
    for url in ["/", "/articles/fajr-001.json", "/no/such/page", "/static/css/style.css",
                "/static/fonts/noto-sans-arabic.ttf"]:
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_font_is_served_from_the_font_package(client):
    response = client.get("/static/fonts/noto-sans-arabic.ttf")
    assert response.status_code == 200 and response.headers["content-type"] == "font/ttf"
    assert response.content[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
    assert client.get("/static/fonts/../../etc/passwd").status_code == 404


def test_a_crash_becomes_a_500_without_details(fixture_db):
    def broken(page):
        raise RuntimeError("secret internals")

    response = make_client(fixture_db, pipeline=broken).post("/analyze", json={"text": ARTICLE_TEXT})
    assert response.status_code == 500
    assert response.json()["errors"][0]["code"] == "E000"
    assert "secret" not in response.text


def test_home_data_is_cached_until_a_write(writable_client):
    first = writable_client.get("/").json()
    assert writable_client.get("/").json() == first
    writable_client.post("/articles", json={"text": ARTICLE_TEXT}, headers={"authorization": f"Bearer {TOKEN}"})
    assert writable_client.get("/").json()["counts"] != first["counts"]


def test_an_article_can_be_found_by_its_url(client):
    response = client.get("/articles/https://alnahar.example/news/nahar-003")
    assert response.status_code == 200 and response.json()["article"]["id"] == "nahar-003"


@pytest.mark.parametrize("url", [
    "/quotes?speaker=' OR 1=1 --&q=\"; DROP TABLE documents; --",
    "/events?actor=' OR '1'='1",
    "/entities?name=x') OR 1=1 --&type=PER' --",
    "/search?q=' OR 1=1 --",
    "/articles?source=' OR ''='",
])
def test_sql_metacharacters_in_parameters_are_just_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert client.get("/articles").json()["total"] == 8


def test_cache_keeps_values_for_a_while_and_drops_the_least_recently_used():
    from khabar.web.app import TTLCache

    now = [0.0]
    cache = TTLCache(10, max_items=2, clock=lambda: now[0])
    calls = []
    compute = lambda key: (lambda: calls.append(key) or key)  # noqa: E731
    assert cache.get("a", compute("a")) == "a" and cache.get("a", compute("a")) == "a"
    cache.get("b", compute("b"))
    cache.get("a", compute("a"))
    cache.get("c", compute("c"))  # evicts b, the least recently used
    cache.get("a", compute("a"))
    cache.get("b", compute("b"))
    assert calls == ["a", "b", "c", "b"]
    now[0] = 11
    cache.get("b", compute("b"))
    assert calls[-1] == "b" and len(calls) == 5


def test_every_get_route_is_in_the_twin_check(client):
    from fastapi.routing import APIRoute

    routes = {r.path for r in client.app.routes if isinstance(r, APIRoute) and "GET" in r.methods
              and r.include_in_schema}
    from tests.web.test_analyst import ANALYST_ROUTES
    from tests.web.test_places import PLACE_PAGES

    checked = set()
    for url, _key in PAGES + PLACE_PAGES + ANALYST_ROUTES:
        path = url.split("?")[0]
        for route in routes:
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", route) + "$"
            if re.match(pattern, path) and not (route != path and path in routes):
                checked.add(route)
    assert routes == checked, f"pages without a twin check: {routes - checked}"

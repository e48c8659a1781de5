"""No request is a 500: hostile ids, strings and bodies get a coded 4xx, and so does abuse.

Covers ids out of SQLite's range, bad URLs and failed analyses in `POST /analyze`, its smaller
body limit and its per-client rate limit (with a fake clock: no test sleeps), and a sweep of
every GET route with hostile parameter values.
"""

from __future__ import annotations

import asyncio
import json
import re
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.routing import Mount, Route

from khabar.document import STATUS_FAILED, STATUS_REJECTED, Document, Reason
from khabar.errors import MESSAGES, StageError, error_classes
from khabar.web.guard import error_response
from khabar.web.limits import RateLimiter, retry_after
from tests.web.conftest import TOKEN, make_client, post_raw

HTML = {"accept": "text/html"}
SQLITE_MAX = 2**63 - 1

ARTICLE_TEXT = ("وزير المالية يعلن ميزانية جديدة\n\n"
                "أعلن وزير المالية اليوم في مؤتمر صحفي عن ميزانية جديدة للعام المقبل تركز على التعليم والصحة "
                "وتوسيع شبكة المياه في المدن الصغيرة، وقال إن الإنفاق سيرتفع بنسبة معتدلة.")


def assert_coded(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["errors"][0]["code"] == code and body["errors"][0]["message"]
    assert code in MESSAGES


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def ok_pipeline(page):
    return Document(id="fake-1", text=page.content.decode("utf-8"))


# --- ids and strings out of range ------------------------------------------------------------

@pytest.mark.parametrize("url", [
    f"/entities/{SQLITE_MAX + 1}",            # one past SQLite's INTEGER: used to overflow (a 500)
    f"/entities/{10**30}",
    "/entities/" + "9" * 5000,
    f"/entities/{-SQLITE_MAX - 2}",
    "/entities/-1",
    "/entities/abc",
    "/entities/1.5",
    "/entities/1e3",
    "/entities/0x10",
    "/entities/NaN",
    f"/entities/2?limit={SQLITE_MAX + 1}",
    "/entities/2?limit=-1",
    f"/articles?offset={SQLITE_MAX + 1}",
    "/articles?offset=-1",
    "/articles?limit=abc",
    f"/search?q=x&limit={10**40}",
    "/quotes?offset=1e309",
    "/events?limit=NaN",
    "/stories?offset=inf",
])
def test_out_of_range_and_non_numeric_ids_are_400(client, url):
    assert_coded(client.get(url), 400, "E602")


def test_the_largest_sqlite_id_is_merely_unknown(client):
    assert_coded(client.get(f"/entities/{SQLITE_MAX}"), 404, "E507")


@pytest.mark.parametrize("url", [
    "/search?q=" + "ا" * 501,
    "/search?q=x&source=" + "s" * 201,
    "/search?q=x&entity=" + "e" * 201,
    "/search?q=x&speaker=" + "ق" * 201,
    "/quotes?q=" + "q" * 201,
    "/entities?name=" + "n" * 201,
    "/entities?type=" + "T" * 21,
    "/events?actor=" + "A" * 41,
    "/articles?source=" + "s" * 201,
    "/articles/" + "a" * 2001,
    "/stories/" + "s" * 201,
    "/static/fonts/" + "f" * 201,
])
def test_very_long_strings_are_400(client, url):
    assert_coded(client.get(url), 400, "E602")


@pytest.mark.parametrize("day", ["2024-13", "2024-00-10", "2024-02-32", "20240", "2024-1-1", "yesterday"])
@pytest.mark.parametrize("route", ["/search?q=x&since=", "/search?q=x&until=", "/stories?since=",
                                   "/stories/most-covered?until=", "/events?date="])
def test_impossible_dates_are_400(client, route, day):
    assert_coded(client.get(route + day), 400, "E602")


# --- POST /analyze: bad input is a coded 4xx, never a 500 ------------------------------------

@pytest.mark.parametrize("url", [
    "http://[::1",                  # urlsplit raises ValueError: used to crash the reader (a 500)
    "[::1",
    "https://example.org:99999999/a",
    "https://example.org:port/a",
    "https://" + "a" * 9000 + ".org/",
])
@pytest.mark.parametrize("content", ["text", "html"])
def test_analyze_refuses_a_bad_url(client, url, content):
    assert_coded(client.post("/analyze", json={content: ARTICLE_TEXT, "url": url}), 400, "E602")


@pytest.mark.parametrize("url", ["https://example.org/a", "example.org/a", "https://[::1]:8080/a"])
def test_analyze_takes_a_good_url(client, url):
    response = client.post("/analyze", json={"text": ARTICLE_TEXT, "url": url})
    assert response.status_code == 200 and response.json()["document"]["source"]["url"] == url


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"text": ARTICLE_TEXT, "title": "ع" * 2001}, 400, "E602"),
    ({"text": ARTICLE_TEXT, "published": "9" * 101}, 400, "E602"),
    ({"text": ARTICLE_TEXT, "published": "2024-99-99T99:99"}, 200, None),
    ({"text": ARTICLE_TEXT, "url": 5}, 400, "E602"),
    ({"html": "\x00" * 100}, 422, "R102"),
    ({"html": "<" * 5000}, 422, "R104"),
    ([ARTICLE_TEXT], 400, "E602"),
])
def test_analyze_answers_odd_bodies_with_a_code(client, body, status, code):
    response = client.post("/analyze", json=body)
    if code is None:
        assert response.status_code == status
    else:
        assert_coded(response, status, code)


def raising_stage_error(page):
    raise StageError("E203", stage="read.auto.v1", detail="ValueError('Invalid IPv6 URL')")


def failed_document(page):
    return Document(id="x", status=STATUS_FAILED, reason=Reason("crash", "read.auto.v1", "ValueError: secret"))


def rejected_document(page):
    return Document(id="x", status=STATUS_REJECTED,
                    reason=Reason("not_arabic", "read.auto.v1", "the text is not Arabic (3% Arabic letters)"))


def rejected_for_an_unknown_reason(page):
    return Document(id="x", status=STATUS_REJECTED, reason=Reason("duplicate", "dedup.v9", "seen before"))


@pytest.mark.parametrize(("pipeline", "code"), [
    (raising_stage_error, "E609"),             # the `raise` policy: a stage crashed on this input
    (failed_document, "E609"),                 # the `record` policy: a failed document
    (rejected_document, "R106"),               # the `record` policy: a rejection keeps its code
    (rejected_for_an_unknown_reason, "E609"),
])
@pytest.mark.parametrize("path", ["/analyze", "/articles"])
def test_a_failed_analysis_is_422_with_its_code(fixture_db, pipeline, code, path):
    client = make_client(fixture_db, pipeline=pipeline, token=TOKEN)
    response = client.post(path, json={"text": ARTICLE_TEXT}, headers={"authorization": f"Bearer {TOKEN}"})
    assert_coded(response, 422, code)
    assert "secret" not in response.text


def test_a_recorded_rejection_keeps_its_message(fixture_db):
    response = make_client(fixture_db, pipeline=rejected_document).post("/analyze", json={"text": "x"})
    assert response.json()["errors"][0]["message"] == "the text is not Arabic (3% Arabic letters)"


def test_the_record_policy_pipeline_rejects_with_the_reason_code(fixture_db, batch_pipeline):
    client = make_client(fixture_db, pipeline=batch_pipeline)
    assert_coded(client.post("/analyze", json={"text": "hello world, not Arabic at all. " * 5}), 422, "R106")
    assert_coded(client.post("/analyze", json={"text": "   "}), 422, "R101")
    assert client.post("/analyze", json={"text": ARTICLE_TEXT}).status_code == 200


def test_analysis_runs_off_the_event_loop(fixture_db):
    seen = []

    def pipeline(page):
        try:
            asyncio.get_running_loop()
            seen.append("event loop")
        except RuntimeError:
            seen.append("worker thread")
        return ok_pipeline(page)

    assert make_client(fixture_db, pipeline=pipeline).post("/analyze", json={"text": "نص"}).status_code == 200
    assert seen == ["worker thread"]


# --- POST /analyze: a smaller body limit ----------------------------------------------------

def test_analyze_has_a_smaller_body_limit_than_writing(writable_client):
    over = b"{" + b" " * (256 * 1024) + b"}"
    response = writable_client.post("/analyze", content=over, headers={"content-type": "application/json"})
    assert_coded(response, 413, "E603")
    assert "262144" in response.json()["errors"][0]["message"]
    response = writable_client.post("/articles", content=over, headers={"content-type": "application/json",
                                                                         "authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400  # read, then refused as JSON without text: not 413


def test_analyze_limit_holds_without_content_length(fixture_db):
    client = make_client(fixture_db, pipeline=ok_pipeline, analyze_max_body=2048)
    assert_coded(client.post("/analyze", content=(b"y" * 1000 for _ in range(3))), 413, "E603")
    assert_coded(client.post("/analyze.json", content=b"y" * 2049), 413, "E603")
    assert client.post("/analyze", json={"text": "ن" * 900}).status_code == 200


def test_analyze_limit_is_capped_by_the_general_limit(fixture_db):
    client = make_client(fixture_db, pipeline=ok_pipeline, max_body=2000, analyze_max_body=10**6)
    assert_coded(client.post("/analyze", content=b"y" * 2001), 413, "E603")


# --- POST /analyze: a rate limit per client address -----------------------------------------

def test_analyze_rate_limit_answers_429_then_recovers(fixture_db):
    clock = FakeClock()
    client = make_client(fixture_db, pipeline=ok_pipeline, analyze_per_minute=2, clock=clock)
    assert [client.post("/analyze", json={"text": "نص"}).status_code for _ in range(2)] == [200, 200]
    limited = client.post("/analyze", json={"text": "نص"})
    assert_coded(limited, 429, "E608")
    assert limited.headers["retry-after"] == "30"  # 2 a minute: one more every 30 seconds
    assert "2 a minute" in limited.json()["errors"][0]["message"]
    clock.now += 20
    assert client.post("/analyze", json={"text": "نص"}).headers["retry-after"] == "10"
    clock.now += 10
    assert client.post("/analyze", json={"text": "نص"}).status_code == 200
    assert client.post("/analyze", json={"text": "نص"}).status_code == 429
    clock.now += 3600  # a long pause refills the bucket, but never past its size
    assert [client.post("/analyze", json={"text": "نص"}).status_code for _ in range(3)] == [200, 200, 429]


def test_rate_limit_is_per_client_address_and_only_for_analyze(fixture_db):
    from fastapi.testclient import TestClient

    clock = FakeClock()
    client = make_client(fixture_db, pipeline=ok_pipeline, analyze_per_minute=1, clock=clock, token=TOKEN)
    other = TestClient(client.app, client=("192.0.2.7", 4000), raise_server_exceptions=False)
    assert client.post("/analyze", json={"text": "نص"}).status_code == 200
    assert client.post("/analyze", json={"text": "نص"}).status_code == 429
    assert other.post("/analyze", json={"text": "نص"}).status_code == 200
    assert client.get("/articles").status_code == 200
    response = client.post("/articles", json={"text": "نص"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201


def test_limiter_refills_and_forgets_old_clients():
    clock = FakeClock()
    limiter = RateLimiter(6, clock=clock, max_clients=2)
    assert [limiter.wait("a") for _ in range(7)][-2:] == [0.0, 10.0]
    clock.now += 5
    assert limiter.wait("a") == pytest.approx(5.0)
    limiter.wait("b")
    limiter.wait("c")  # forgets "a", the least recently seen
    assert limiter.wait("a") == 0.0


@pytest.mark.parametrize(("seconds", "header"), [(0.01, 1), (1.0, 1), (1.2, 2), (29.5, 30)])
def test_retry_after_is_whole_seconds_rounded_up(seconds, header):
    assert retry_after(seconds) == header


def test_a_zero_rate_is_no_limit_and_a_negative_one_is_refused():
    assert RateLimiter(0).wait("a") == 0.0 and not RateLimiter(0).enabled
    with pytest.raises(ValueError):
        RateLimiter(-1)


# --- every code the web layer answers with is documented -------------------------------------

@pytest.mark.parametrize("cls", [cls for cls in error_classes() if cls.code], ids=lambda cls: cls.__name__)
def test_the_error_handler_answers_each_class_with_the_status_it_declares(cls):
    request = Request({"type": "http", "method": "POST", "path": "/x", "headers": [], "query_string": b""})
    response = error_response(request, cls())
    assert response.status_code == cls.http_status
    assert json.loads(response.body)["errors"][0]["code"] == cls.code


def test_an_unexpected_error_is_e000_with_its_documented_message(fixture_db):
    def broken(page):
        raise RuntimeError("secret internals")

    response = make_client(fixture_db, pipeline=broken).post("/analyze", json={"text": ARTICLE_TEXT})
    assert response.json()["errors"][0] == {"code": "E000",
                                            "message": MESSAGES["E000"].format(detail="the server log has the details")}


# --- a sweep: every GET route, every parameter, hostile values --------------------------------

# The values most likely to break something run in the quick loop; the rest are marked slow.
HOSTILE = [str(SQLITE_MAX + 1), "-1", "1e309", "abc", "\x00", "' OR 1=1 --", "<script>alert(1)</script>",
           "\"unterminated", "ا" * 1000]
MORE_HOSTILE = [
    str(-SQLITE_MAX - 2), str(10**100), "0", "NaN", "inf", "0x1f", "\"", "*", "()", "NEAR(a b", "a:b", "^", "-",
    "%", "_", "\\", "\x1b[31m", "\u202e", "😀" * 3, "٣٤", "..", "../../etc/passwd", " ", "", "x" * 6000,
    "2024-13-45", "9999-99-99", "0000", "a,b;c", "javascript:alert(1)",
]


def get_routes(app) -> list[tuple[str, list[str]]]:
    """Every GET route as (path template, its query parameter names); static mounts as {path}."""
    found = []
    for route in app.routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            found.append((route.path_format, [p.alias for p in route.dependant.query_params]))
        elif isinstance(route, Route) and "GET" in (route.methods or ()):
            found.append((route.path, []))
        elif isinstance(route, Mount):
            found.append((route.path + "/{path}", []))
    return found


def hostile_requests(app, value: str) -> list[tuple[str, bool]]:
    """(URL, also as an HTML page?) for every parameter of every GET route set to `value`."""
    quoted = quote(value, safe="")
    requests = []
    for path, params in get_routes(app):
        filled = re.sub(r"\{[^}]+\}", lambda _: quoted, path)
        if filled != path:
            requests += [(filled, True), (filled + ".json", False)]
        requests += [(f"{filled}?{name}={quoted}", True) for name in params]
        if len(params) > 1:
            requests.append((filled + "?" + "&".join(f"{name}={quoted}" for name in params), False))
    return requests


def test_the_sweep_covers_every_get_route(client):
    paths = {path for path, _ in get_routes(client.app)}
    assert {"/", "/articles", "/articles/{doc_id}", "/search", "/entities", "/entities/{entity_id}", "/quotes",
            "/events", "/stories", "/stories/most-covered", "/stories/{story_id}", "/docs", "/openapi.json",
            "/static/fonts/{name}", "/static/css/{path}"} <= paths


def _name(value: str) -> str:
    return ascii(value[:20]) + (f"x{len(value)}" if len(value) > 20 else "")


@pytest.mark.parametrize("value", [*HOSTILE, *(pytest.param(v, marks=pytest.mark.slow) for v in MORE_HOSTILE)],
                         ids=_name)
def test_no_get_route_answers_500_to_hostile_values(client, value):
    failures = []
    for url, as_page in hostile_requests(client.app, value):
        for headers in ({}, HTML) if as_page else ({},):
            response = client.get(url, headers=headers)
            if response.status_code >= 500:
                failures.append((response.status_code, url[:120], headers))
            elif response.status_code >= 400 and response.headers["content-type"] == "application/json":
                error = response.json()["errors"][0]
                if error["code"] not in MESSAGES:
                    failures.append((error["code"], url[:120], headers))
    assert not failures


def test_a_client_that_leaves_mid_body_is_not_a_crash(fixture_db, caplog):
    from khabar.web import create_app

    app = create_app(fixture_db, pipeline=ok_pipeline, analyze_per_minute=0)
    messages = iter([{"type": "http.request", "body": b'{"text": "', "more_body": True},
                     {"type": "http.disconnect"}])

    async def receive():
        return next(messages)

    sent = post_raw(app, receive)
    assert sent[0]["status"] == 400
    assert not [r for r in caplog.records if r.levelname == "ERROR"]

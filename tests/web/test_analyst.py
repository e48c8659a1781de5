"""The analyst's pages: trends (JSON, CSV, SVG chart), CSV of every list, watch feeds, networks."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qsl, urlsplit

import feedparser
import networkx
import pytest

from khabar.cli import main
from khabar.store import open_store
from khabar.store.trends import Filters
from khabar.store.watches import add_watch
from khabar.web.csv_export import batched_rows, safe_cell
from tests.web.conftest import make_client
from tests.web.fixtures import FAJR, build, build_store

HTML = {"accept": "text/html"}
ANALYST_PAGES = [("/trends", "series"), ("/watches", "items")]
# Every GET route of this area, for tests/web/test_api.py (the feed is checked below, not as a twin).
ANALYST_ROUTES = ANALYST_PAGES + [("/watches/مياه.atom", None)]


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("url", "key"), ANALYST_PAGES)
def test_each_analyst_page_is_html_with_a_json_twin(client, url, key):
    page = client.get(url, headers=HTML)
    assert page.status_code == 200 and '<html lang="ar" dir="rtl">' in page.text
    by_suffix = client.get(url + ".json", headers=HTML)
    by_accept = client.get(url, headers={"accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.json() == by_accept.json() and key in by_suffix.json()


# -- trends ------------------------------------------------------------------------------------

def test_trends_json_has_series_of_points_with_articles_and_stories(client):
    data = client.get("/trends?by=week").json()
    assert data["ok"] is True
    [series] = data["series"]
    assert series["key"] == "all"
    assert series["points"] == [{"date": "2024-03-04", "articles": 2, "stories": 1},
                                {"date": "2024-03-11", "articles": 6, "stories": 5}]
    days = client.get("/trends").json()
    assert len(days["periods"]) == 7 and len(days["series"][0]["points"]) == 6  # no article on 13 March


def test_trends_split_by_source_and_filters(client):
    data = client.get("/trends", params={"split": "source", "q": "المياه", "by": "month"}).json()
    assert {s["key"]: s["points"][0]["articles"] for s in data["series"]} == {"صحيفة الفجر": 3, "وكالة النهار": 2}


@pytest.mark.parametrize("path", ["/trends?q=!!!", "/articles?q=!!!&format=csv"])
def test_a_query_without_words_is_a_coded_400_before_any_csv(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "E502"


def test_trends_rejects_an_unknown_period(client):
    response = client.get("/trends?by=year")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "E602"


def test_trends_page_draws_time_from_right_to_left(client):
    page = client.get("/trends", headers=HTML).text
    assert "<svg" in page and "<table" in page
    line = re.search(r'<polyline class="trend-line" data-key="all" data-metric="articles" points="([^"]+)"', page)
    xs = [float(pair.split(",")[0]) for pair in line.group(1).split()]
    assert xs == sorted(xs, reverse=True)  # the first (oldest) day at the right
    assert 'href="/trends?format=csv"' in page


def test_each_point_links_to_the_articles_it_counts(client):
    page = client.get("/trends?split=source&by=week", headers=HTML).text
    links = set(re.findall(r'<a href="(/articles\?[^"]+)"><circle', page))
    assert links
    counts = {(s["key"], p["date"]): p["articles"]
              for s in client.get("/trends?split=source&by=week").json()["series"] for p in s["points"]}
    for link in links:
        params = dict(parse_qsl(urlsplit(link.replace("&amp;", "&")).query))
        listed = client.get("/articles", params={**params, "limit": 100}).json()["total"]
        assert listed == counts[(params["source"], params["since"])], link


# -- CSV of every list ---------------------------------------------------------------------------

@pytest.mark.parametrize("path, column, rows", [
    ("/articles?limit=2", "id", 8),
    ("/search?q=المياه&limit=1", "id", 5),
    ("/entities?limit=3", "name", 11),
    ("/quotes?limit=1", "text", 8),
    ("/events?limit=1", "cameo", 7),
    ("/stories?limit=1", "headline", 6),
    ("/stories/most-covered?limit=1", "headline", 2),
    ("/trends?by=month&split=source", "articles", 2),
])
def test_every_list_answers_csv_with_all_its_rows(client, path, column, rows):
    found = _csv(client.get(path + "&format=csv"))
    assert len(found) == rows  # every page, whatever the limit
    assert all(column in row for row in found)


def test_csv_is_chosen_by_the_accept_header(client):
    assert len(_csv(client.get("/articles", headers={"accept": "text/csv"}))) == 8
    assert client.get("/articles", headers={"accept": "application/json, text/csv"}).json()["ok"]


def test_list_pages_link_to_their_csv(client):
    page = client.get("/events?actor=GOV&limit=5", headers=HTML).text
    assert 'href="/events?actor=GOV&amp;format=csv"' in page


def test_events_csv_has_the_gdelt_like_columns_of_the_cli(client, fixture_db, capsys):
    web = client.get("/events?format=csv&since=2024-03-12").content.decode("utf-8-sig").replace("\r\n", "\n")
    main(["events", "--db", str(fixture_db), "--format", "csv", "--since", "2024-03-12"])
    cli = capsys.readouterr().out
    assert web == cli
    assert web.count("\n") == 1 + 3  # the header and the events of 12-15 March


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+966", "'+966"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("الرياض", "الرياض"), (-2, -2), (None, ""), (["أ", "ب"], "أ; ب"), (True, 1),
])
def test_csv_cells_never_start_a_formula(value, cell):
    assert safe_cell(value) == cell


def test_batched_rows_reads_until_a_short_batch():
    calls = []

    class Request:
        class app:
            class state:
                class stores:
                    get = staticmethod(lambda: None)

    def fetch(store, limit, offset):
        calls.append(offset)
        return [{"n": n} for n in range(offset, min(offset + limit, 20))]

    assert [row["n"] for row in batched_rows(Request, fetch, batch=3)] == list(range(20))
    assert calls == [0, 3, 9]  # batches of 3, 6, then 12 (doubling up to max_batch)


# -- watches -----------------------------------------------------------------------------------

@pytest.fixture
def watched(tmp_path, pipeline):
    """A fixture store with the watch `مياه`, then two more articles about water stored."""
    db = build_store(tmp_path / "watched.db")
    with open_store(db) as store:
        add_watch(store.conn, "مياه", Filters(q="المياه"))
        store.write_documents([build(f"fajr-10{n}", FAJR, "2024-03-16", f"انقطاع المياه عن الحي {n} <مؤقت>",
                                     [f"أعلنت البلدية انقطاع المياه عن الحي رقم {n} لساعات."]) for n in (1, 2)])
    return make_client(db, pipeline=pipeline)


def test_watch_feed_is_valid_atom_with_the_new_matches(watched):
    response = watched.get("/watches/مياه.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["انقطاع المياه عن الحي 2 <مؤقت>", "انقطاع المياه عن الحي 1 <مؤقت>"]
    assert feed.entries[0].link.endswith("/articles/fajr-102")


def test_unknown_watch_feed_is_404(watched):
    assert watched.get("/watches/nothing.atom").status_code == 404


def test_watches_page_lists_the_watch(watched):
    assert watched.get("/watches").json()["items"][0]["matches"] == 2
    assert "/watches/%D9%85%D9%8A%D8%A7%D9%87.atom" in watched.get("/watches", headers=HTML).text


# -- networks ----------------------------------------------------------------------------------

def test_gexf_export_is_read_by_networkx_with_both_networks(fixture_db, tmp_path, capsys):
    path = tmp_path / "k.gexf"
    main(["export", "--db", str(fixture_db), "--format", "gexf", "-o", str(path)])
    graph = networkx.read_gexf(path)
    names = {node: data["label"] for node, data in graph.nodes(data=True)}
    by_name = {(names[a], names[b]): data for a, b, data in graph.edges(data=True)}
    assert by_name[("مدينة الواحة", "سامر الخطيب")] == {"network": "entities", "id": "c0", "weight": 2.0}
    assert by_name[("CVL", "GOV")]["network"] == "actors"
    assert by_name[("CVL", "GOV")]["weight"] == 2.0


def test_entity_page_shows_ties_in_events(client):
    entity = client.get("/entities/2").json()["entity"]
    assert entity["event_ties"] == [{"id": 9, "name": "كريم العلي", "type": "PER", "events": 1}]
    assert entity["cooccurring"][0]["documents"] >= 1
    assert "أقوى الروابط" in client.get("/entities/2", headers=HTML).text


def test_gexf_escapes_names_that_carry_markup(hostile_db, tmp_path):
    from khabar.store.network import write_gexf

    path = tmp_path / "hostile.gexf"
    with open_store(hostile_db) as store:
        names = {row[0] for row in store.conn.execute("SELECT name FROM entities")}
        write_gexf(store.conn, path)
    labels = {data["label"] for _node, data in networkx.read_gexf(path).nodes(data=True)}
    assert any("<" in name for name in names)
    assert {name for name in names if "<" in name} <= labels


def test_watch_feed_flags_a_spike_first(tmp_path, pipeline):
    from tests.store.test_watches import _articles, _days

    db = tmp_path / "spike.db"
    with open_store(db) as store:
        add_watch(store.conn, "water", Filters(q="المياه"))
        for day in _days("2024-05-28", 28):
            store.write_documents(_articles("water", day, 1))
        store.write_documents(_articles("water", "2024-05-29", 6))
    client = make_client(db, pipeline=pipeline)
    feed = feedparser.parse(client.get("/watches/water.atom").content)
    assert feed.bozo == 0
    assert feed.entries[0].tags[0].term == "spike"
    assert feed.entries[0].title.startswith("ارتفاع حاد: 6 مقالة في 2024-05-29")
    assert len(feed.entries) == 1 + 34
    assert client.get("/watches").json()["items"][0]["spike"] is True

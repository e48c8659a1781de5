"""Watches: saved filters checked on every write, their matches, spikes, and `khabar watch`."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from khabar.cli import main
from khabar.errors import ConfigError
from khabar.store import open_store
from khabar.store.trends import Filters
from khabar.store.watches import add_watch, check_watches, list_watches, remove_watch, spike, watch_matches
from tests.web.fixtures import NAHAR, build

_TOPICS = {"water": "أعلنت بلدية الواحة خطة جديدة لتوزيع المياه على الأحياء الشرقية",
           "books": "افتتح معرض الكتاب أبوابه للزوار في ساحة النخيل وسط المدينة"}


def _articles(topic: str, day: str, count: int, start: int = 0) -> list:
    """`count` fictional articles about `topic` on `day`, each with its own text."""
    return [build(f"{topic}-{day}-{n}", NAHAR, day, f"{_TOPICS[topic]} ({n})",
                  [f"{_TOPICS[topic]}، في الخبر رقم {n} من يوم {day}.", f"وتفاصيل أخرى برقم {n * 7 + 3}."])
            for n in range(start, start + count)]


def _days(last: str, count: int) -> list[str]:
    end = date.fromisoformat(last)
    return [(end - timedelta(days=k)).isoformat() for k in range(count - 1, -1, -1)]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "w.db") as opened:
        yield opened


def test_a_watch_records_the_articles_stored_after_it_that_match(store):
    store.write_documents(_articles("water", "2024-05-01", 2))
    add_watch(store.conn, "water", Filters(q="المياه"))
    store.write_documents(_articles("water", "2024-05-02", 3) + _articles("books", "2024-05-02", 2))
    matches = watch_matches(store.conn, "water")
    assert sorted(m["id"] for m in matches) == [f"water-2024-05-02-{n}" for n in range(3)]


def test_a_match_is_recorded_once_whatever_the_later_writes(store):
    add_watch(store.conn, "water", Filters(q="المياه"))
    store.write_documents(_articles("water", "2024-05-02", 2))
    store.write_documents(_articles("books", "2024-05-03", 2))
    store.write_documents(_articles("water", "2024-05-02", 2))  # the same inputs again: skipped
    assert len(watch_matches(store.conn, "water")) == 2


@pytest.mark.parametrize("name, filters, message", [
    ("bad name!", Filters(q="المياه"), "letters, digits"),
    ("x" * 65, Filters(q="المياه"), "at most 64"),
    ("empty", Filters(), "needs --q"),
])
def test_invalid_watches_are_refused(store, name, filters, message):
    with pytest.raises(ConfigError, match=message):
        add_watch(store.conn, name, filters)


def test_watch_names_are_unique_and_removal_deletes_matches(store):
    add_watch(store.conn, "مياه", Filters(q="المياه"))
    with pytest.raises(ConfigError, match="exists"):
        add_watch(store.conn, "مياه", Filters(q="الكتاب"))
    store.write_documents(_articles("water", "2024-05-02", 1))
    remove_watch(store.conn, "مياه")
    assert list_watches(store.conn) == []
    assert store.conn.execute("SELECT COUNT(*) FROM watch_matches").fetchone()[0] == 0
    with pytest.raises(ConfigError, match="no watch"):
        remove_watch(store.conn, "مياه")


def _baseline_then(store, last_count: int) -> None:
    """One water article a day for 28 days, then `last_count` on the last day (2024-05-29)."""
    days = _days("2024-05-29", 29)
    add_watch(store.conn, "water", Filters(q="المياه"))
    docs = [doc for day in days[:-1] for doc in _articles("water", day, 1)]
    store.write_documents(docs + _articles("water", days[-1], last_count))


@pytest.mark.parametrize("last_count, spiking", [(6, True), (3, False)])
def test_spike_is_the_last_day_far_above_the_baseline(store, last_count, spiking):
    _baseline_then(store, last_count)
    day, change = spike(store.conn, list_watches(store.conn)[0])
    assert day == "2024-05-29"
    assert change.last == last_count
    assert (change.direction == "up") is spiking


def test_check_reports_new_matches_once(store):
    _baseline_then(store, 1)
    first, again = check_watches(store.conn), check_watches(store.conn)
    assert len(first[0]["new"]) == 29
    assert again[0]["new"] == []


def _run(capsys, *args):
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = done.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_watch_commands_exit_3_on_a_spike_and_0_when_nothing_is_new(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        store.write_documents(_articles("books", "2024-05-01", 1))
    assert _run(capsys, "watch", "add", "water", "--q", "المياه", "--db", db)[0] == 0
    code, out, _ = _run(capsys, "watch", "list", "--db", db)
    assert out.startswith("water\t")
    assert _run(capsys, "watch", "check", "--db", db, "--format", "json")[0] == 0
    with open_store(db) as store:
        for day in _days("2024-05-28", 28):
            store.write_documents(_articles("water", day, 1))
        store.write_documents(_articles("water", "2024-05-29", 6))
    code, out, _ = _run(capsys, "watch", "check", "--db", db, "--format", "json")
    report = json.loads(out)["watches"][0]
    assert (code, report["spike"], len(report["new"])) == (3, True, 34)
    assert _run(capsys, "watch", "rm", "water", "--db", db)[0] == 0
    code, _, err = _run(capsys, "watch", "rm", "water", "--db", db)
    assert code == 1 and "E103" in err


def test_khabar_ingest_records_the_matches_of_a_watch(tmp_path, fixtures_dir, capsys):
    db = str(tmp_path / "ingest.db")
    with open_store(db):
        pass
    assert _run(capsys, "watch", "add", "un", "--q", "\"الأمم المتحدة\"", "--db", db)[0] == 0
    assert _run(capsys, "ingest", str(fixtures_dir), "--db", db)[0] == 0
    with open_store(db) as store:
        matched = {m["id"] for m in watch_matches(store.conn, "un")}
        expected = {row[0] for row in store.conn.execute(
            "SELECT id FROM documents WHERE status = 'ok' AND json LIKE '%الأمم المتحدة%'")}
    assert matched and matched == expected

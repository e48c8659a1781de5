"""Watches: saved filters that every write into the store checks, recording the articles they match.

A watch is a name and a `Filters` (the filters of trends: words, entity, outlet, ...). When a
write transaction stores articles, `evaluate_watches` runs each watch over the articles stored
since its last evaluation (`documents.n > last_n`) and records the matches, in the same
transaction: an ingest that is killed and restarted records each match once. A new watch
matches only articles stored after it was added.

Spike rule (docs/store.md): a watch's daily article counts are taken up to the collection's last
day (the latest day of any stored article, zeros included); the last day is a spike when its
count departs upwards from the 28 days before it by the rule of khabar.store.change with
threshold 3 and at least 3 articles above the mean.

Example:
    >>> add_watch(store.conn, "الحج", Filters(q="الحج"))                      # doctest: +SKIP
    >>> ingest(["crawl/"], store)  # records the new articles about the Hajj   # doctest: +SKIP
    >>> check_watches(store.conn)[0]["new"]                                   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from khabar.errors import ConfigError
from khabar.store.change import UP, Change, compare_with_baseline
from khabar.store.trends import Filters, document_filter, trend_series

NAME = re.compile(r"^[\w-]{1,64}$")  # letters (any script), digits, _ and -: safe in a URL path
SPIKE_WINDOW, SPIKE_THRESHOLD, SPIKE_MIN_DIFFERENCE = 28, 3.0, 3.0
FEED_ENTRIES = 50


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds (the default clock of watches)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class Watch:
    """A saved set of filters, when it was added, and how far it has been evaluated and checked."""

    name: str
    filters: Filters
    created: str
    last_n: int
    checked_id: int


def add_watch(conn: sqlite3.Connection, name: str, filters: Filters, *,
              clock: Callable[[], str] = utc_now) -> Watch:
    """Save a watch; it matches the articles stored from now on.

    Raises ConfigError E103 for a name that is not letters, digits, `-` and `_` (at most 64),
    a name already taken, or a watch without any filter.
    """
    if not NAME.match(name or ""):
        raise ConfigError("E103", option="name", detail=f"{name!r}: letters, digits, - and _ only, at most 64")
    if not filters.to_dict():
        raise ConfigError("E103", option="filters", detail="a watch needs --q, --entity or --source")
    last_n = conn.execute("SELECT COALESCE(MAX(n), 0) FROM documents").fetchone()[0]
    with _transaction(conn):
        try:
            conn.execute("INSERT INTO watches(name, filters, created, last_n) VALUES (?, ?, ?, ?)",
                         (name, filters.to_json(), clock(), last_n))
        except sqlite3.IntegrityError as error:
            raise ConfigError("E103", option="name", detail=f"a watch named {name!r} exists; "
                              f"`khabar watch rm {name}` removes it") from error
    return get_watch(conn, name)


def get_watch(conn: sqlite3.Connection, name: str) -> Watch:
    """The watch with this name (ConfigError E103 when there is none)."""
    row = conn.execute("SELECT name, filters, created, last_n, checked_id FROM watches WHERE name = ?",
                       (name,)).fetchone()
    if row is None:
        raise ConfigError("E103", option="name", detail=f"no watch named {name!r}; `khabar watch list` lists them")
    return _watch(row)


def list_watches(conn: sqlite3.Connection) -> list[Watch]:
    """Every watch, by name."""
    rows = conn.execute("SELECT name, filters, created, last_n, checked_id FROM watches ORDER BY name")
    return [_watch(row) for row in rows]


def remove_watch(conn: sqlite3.Connection, name: str) -> None:
    """Delete a watch and its matches (ConfigError E103 when there is none)."""
    get_watch(conn, name)
    with _transaction(conn):
        conn.execute("DELETE FROM watch_matches WHERE watch = ?", (name,))
        conn.execute("DELETE FROM watches WHERE name = ?", (name,))


def evaluate_watches(conn: sqlite3.Connection, *, now: str | None = None) -> dict[str, int]:
    """Record, for every watch, the articles stored since its last evaluation that it matches.

    Runs inside the caller's transaction (the store's writer calls it before committing).
    Returns the number of new matches per watch.
    """
    watches = list_watches(conn)
    if not watches:
        return {}
    last = conn.execute("SELECT COALESCE(MAX(n), 0) FROM documents").fetchone()[0]
    found = {}
    for watch in watches:
        if watch.last_n >= last:
            continue
        condition, params = document_filter(conn, watch.filters)
        params.update(name=watch.name, now=now or utc_now(), last_n=watch.last_n)
        cursor = conn.execute("INSERT OR IGNORE INTO watch_matches(watch, doc_n, matched_at) "
                              f"SELECT :name, d.n, :now FROM documents d WHERE {condition} AND d.n > :last_n "
                              "ORDER BY d.n", params)
        found[watch.name] = cursor.rowcount
        conn.execute("UPDATE watches SET last_n = ? WHERE name = ?", (last, watch.name))
    return found


def watch_matches(conn: sqlite3.Connection, name: str, *, after_id: int = 0,
                  limit: int = FEED_ENTRIES) -> list[dict[str, Any]]:
    """A watch's matches after `after_id`, newest first: match id, time, and the article."""
    rows = conn.execute(
        "SELECT m.id, m.matched_at, d.id, d.title, d.source, d.url, d.published, d.day FROM watch_matches m "
        "JOIN documents d ON d.n = m.doc_n WHERE m.watch = ? AND m.id > ? ORDER BY m.id DESC LIMIT ?",
        (name, after_id, limit))
    keys = ("match", "matched_at", "id", "title", "source", "url", "published", "day")
    return [dict(zip(keys, row)) for row in rows]


def spike(conn: sqlite3.Connection, watch: Watch) -> tuple[str | None, Change | None]:
    """The collection's last day and how the watch's count on it compares with its baseline."""
    last_day = conn.execute("SELECT MAX(day) FROM documents WHERE status = 'ok'").fetchone()[0]
    if not last_day:
        return None, None
    start = (date.fromisoformat(last_day) - timedelta(days=SPIKE_WINDOW)).isoformat()
    series = trend_series(conn, watch.filters.replace(since=start, until=last_day), by="day").series
    counts = {p.date: p.articles for p in series[0].points} if series else {}
    days = [(date.fromisoformat(start) + timedelta(days=k)).isoformat() for k in range(SPIKE_WINDOW + 1)]
    change = compare_with_baseline([counts.get(day, 0) for day in days], window=SPIKE_WINDOW,
                                   threshold=SPIKE_THRESHOLD, min_difference=SPIKE_MIN_DIFFERENCE)
    return last_day, change


def watch_report(conn: sqlite3.Connection, watch: Watch, *, after_id: int = 0) -> dict[str, Any]:
    """What a check says about one watch: its new matches, and the spike state of its last day."""
    day, change = spike(conn, watch)
    new = watch_matches(conn, watch.name, after_id=after_id, limit=-1)
    return {"name": watch.name, "filters": watch.filters.to_dict(), "new": new, "last_day": day,
            "spike": bool(change and change.direction == UP),
            "change": None if change is None else {"last": change.last, "mean": change.mean, "sd": change.sd,
                                                   "z": change.z, "days": change.periods}}


def check_watches(conn: sqlite3.Connection, *, advance: bool = True) -> list[dict[str, Any]]:
    """Report every watch's matches since the last check and its spike state; then mark them seen."""
    reports = []
    for watch in list_watches(conn):
        report = watch_report(conn, watch, after_id=watch.checked_id)
        reports.append(report)
        if advance and report["new"]:
            with _transaction(conn):
                conn.execute("UPDATE watches SET checked_id = ? WHERE name = ?",
                             (report["new"][0]["match"], watch.name))
    return reports


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (the store's connection commits each statement by itself otherwise)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _watch(row: tuple) -> Watch:
    name, filters, created, last_n, checked_id = row
    return Watch(name, Filters.from_dict(json.loads(filters)), created, last_n, checked_id)

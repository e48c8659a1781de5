"""Counts over time: articles and stories per day, week or month, for the whole collection or per outlet.

`Filters` is the one set of filters that trends, the filtered article list and watches share,
so a point of a trend and the article list it links to always count the same articles:

    q        words and "phrases" (the search index, same matching as `khabar search`)
    entity   a collection entity's name (articles that mention it)
    source   an outlet's name or domain
    actor    an event actor code, a prefix (articles with an event by or on it)
    root     a CAMEO root, two digits (articles with an event of that kind)
    since    the first day, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)
    until    the last day, inclusive (a prefix includes its whole year or month)

A story told by forty outlets counts forty articles but one story in each period; an article
that belongs to no story counts as a story of its own. Periods are days, weeks starting on
Monday, or months, each named by its first day. `Trend.periods` lists every period from the
first to the last of the result, and a series has a point for each period with articles: a
period missing from a series counts zero. (Three years of days by forty outlets would otherwise
be mostly zeros: a megabyte of JSON for a few thousand articles.)

Example:
    >>> result = trend_series(store.conn, Filters(q="الحج"), by="week")  # doctest: +SKIP
    >>> result.series[0].points[-1]                                      # doctest: +SKIP
    Point(date='2015-09-21', articles=412, stories=97)
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from khabar.errors import ConfigError, StoreError
from khabar.store.change import Change, compare_with_baseline
from khabar.store.queries import Page, _like_literal, entity_ids
from khabar.store.search import parse_query

PERIODS = ("day", "week", "month")
SPLITS = ("none", "source")
ALL = "all"  # the key of the one series when the counts are not split
# Gaps are filled with zeros up to this many periods (ten years of days); a longer span (a
# stray date decades away) keeps only the periods that have articles.
MAX_FILLED_PERIODS = 3660

# The first day of an article's period, from its day (YYYY-MM-DD). `date(day, '-6 days',
# 'weekday 1')` is the Monday on or before the day.
_PERIOD_SQL = {
    "day": "d.day",
    "week": "date(d.day, '-6 days', 'weekday 1')",
    "month": "substr(d.day, 1, 7) || '-01'",
}


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles to count or list; every field is optional (see the module docstring)."""

    q: str | None = None
    entity: str | None = None
    source: str | None = None
    actor: str | None = None
    root: str | None = None
    since: str | None = None
    until: str | None = None

    def to_dict(self) -> dict[str, str]:
        """The filters that are set, as a dict (for JSON and for URLs)."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Filters:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names and v})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    def replace(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Point:
    """One period of a series: its first day, and the articles and stories counted in it."""

    date: str
    articles: int
    stories: int


@dataclass(frozen=True, slots=True)
class Series:
    """The points of one series (`all`, or one outlet): its periods with articles, oldest first,
    and how its last period (of the trend's periods, zero included) compares with the ones before."""

    key: str
    points: tuple[Point, ...]
    change: Change | None = None

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.points)


@dataclass(frozen=True, slots=True)
class Trend:
    """The series of one trends request, largest first, every period they span, and the filters."""

    filters: Filters
    by: str
    split: str
    series: tuple[Series, ...] = field(default_factory=tuple)
    periods: tuple[str, ...] = ()


def document_filter(conn: sqlite3.Connection, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The WHERE condition over `documents d` (stored articles only) and its parameters."""
    where, params = ["d.status = 'ok'"], {}
    if filters.q and filters.q.strip():
        where.append("d.n IN (SELECT rowid FROM search_index WHERE search_index MATCH :match)")
        params["match"] = parse_query(filters.q).match_expression()
    if filters.entity:
        where.append("d.n IN (SELECT doc_n FROM doc_entities WHERE entity_id IN "
                     "(SELECT value FROM json_each(:entity_ids)))")
        params["entity_ids"] = json.dumps(entity_ids(conn, filters.entity))
    if filters.source:
        # An outlet by name, or by domain through the names its articles carry: a test on the
        # `source` column alone keeps the count on the documents_trends index.
        where.append("d.source IN (SELECT :source UNION SELECT source FROM documents WHERE domain = :source)")
        params["source"] = filters.source
    if filters.actor or filters.root:
        events = ["1 = 1"]
        if filters.actor:
            events.append("(e.source_code LIKE :actor || '%' ESCAPE '\\' "
                          "OR e.target_code LIKE :actor || '%' ESCAPE '\\')")
            params["actor"] = _like_literal(filters.actor.upper())
        if filters.root:
            events.append("substr(e.cameo, 1, 2) = :root")
            params["root"] = filters.root.zfill(2)[:2]
        where.append(f"d.n IN (SELECT e.doc_n FROM events e WHERE {' AND '.join(events)})")
    if filters.since:
        where.append("d.day >= :since")
        params["since"] = filters.since
    if filters.until:
        where.append("substr(d.day, 1, length(:until)) <= :until")
        params["until"] = filters.until
    return " AND ".join(where), params


def trend_series(conn: sqlite3.Connection, filters: Filters = Filters(), *, by: str = "day",
                 split: str = "none") -> Trend:
    """Articles and stories per period, in one series or one per outlet (largest first).

    Raises ConfigError E103 for an unknown `by` or `split`, E502 for a query with no words.
    """
    if by not in PERIODS:
        raise ConfigError("E103", option="by", detail=f"{by!r}; one of {', '.join(PERIODS)}")
    if split not in SPLITS:
        raise ConfigError("E103", option="split", detail=f"{split!r}; one of {', '.join(SPLITS)}")
    condition, params = document_filter(conn, filters)
    # Grouped by the period first and the raw source column, the rows come in the order of the
    # documents_trends index (status, day, source, story), so a daily count needs no sort.
    key = ", d.source" if split == "source" else ""
    rows = _run(conn, f"SELECT {_PERIOD_SQL[by]} AS period{key}, COUNT(*), "
                      "COUNT(DISTINCT d.story_id) + SUM(d.story_id IS NULL) FROM documents d "
                      f"WHERE {condition} AND d.day IS NOT NULL GROUP BY period{key}", params, filters)
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for row in rows:
        period, articles, stories = row[0], row[-2], row[-1]
        name = (row[1] or "?") if split == "source" else ALL
        if period:  # a malformed day has no period
            counts.setdefault(name, {})[period] = (articles, stories)
    periods = _all_periods({p for by_period in counts.values() for p in by_period}, by)
    series = []
    for name, by_period in counts.items():
        points = tuple(Point(p, *by_period[p]) for p in sorted(by_period))
        every = [by_period[p][0] if p in by_period else 0 for p in periods]
        series.append(Series(name, points, compare_with_baseline(every)))
    series.sort(key=lambda s: (-s.articles, s.key))
    return Trend(filters, by, split, tuple(series), tuple(periods))


def filtered_articles(conn: sqlite3.Connection, filters: Filters, *, limit: int = 20, offset: int = 0) -> Page:
    """The articles that pass the filters, newest day first (what a trend point counts)."""
    condition, params = document_filter(conn, filters)
    params.update(limit=limit, offset=offset)
    total = _run(conn, f"SELECT COUNT(*) FROM documents d WHERE {condition}", params, filters)[0][0]
    columns = ("id", "source", "domain", "url", "published", "day", "title", "story_id")
    rows = _run(conn, f"SELECT {', '.join('d.' + c for c in columns)} FROM documents d WHERE {condition} "
                      "ORDER BY d.day IS NULL, d.day DESC, d.n DESC LIMIT :limit OFFSET :offset", params, filters)
    return Page([dict(zip(columns, row)) for row in rows], total, limit, offset)


def period_end(start: str, by: str) -> str:
    """The last day of the period that starts on `start`."""
    first = date.fromisoformat(start)
    if by == "day":
        return start
    if by == "week":
        return (first + timedelta(days=6)).isoformat()
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (following - timedelta(days=1)).isoformat()


def _all_periods(found: set[str], by: str) -> list[str]:
    """Every period from the first to the last found, so that series have no gaps."""
    valid = sorted(p for p in found if _is_day(p))
    if not valid:
        return []
    periods, current, last = [], date.fromisoformat(valid[0]), date.fromisoformat(valid[-1])
    while current <= last:
        periods.append(current.isoformat())
        if len(periods) > MAX_FILLED_PERIODS:
            return valid
        current = _next_period(current, by)
    return periods


def _next_period(current: date, by: str) -> date:
    if by == "day":
        return current + timedelta(days=1)
    if by == "week":
        return current + timedelta(days=7)
    return date(current.year + current.month // 12, current.month % 12 + 1, 1)


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _run(conn: sqlite3.Connection, sql: str, params: dict[str, Any], filters: Filters) -> list[tuple]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:  # should not happen: every search term is quoted
        raise StoreError("E501", detail=f"trends query failed: {error}") from error

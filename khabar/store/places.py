"""Places in the store: written with each article, counted for /places and /map.

`write_places` stores an article's Document.places (with how many of its events happen there);
`list_places` counts articles and events per place, `country_counts` per country (a city counts
for its country), both under the filters the other lists take (khabar.store.trends.Filters);
`place_articles` lists the articles that name a place (or, for a country, any place in it).
All SQL is parameterized.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from khabar.document import Document
from khabar.errors import NotInStoreError
from khabar.store.queries import Page
from khabar.store.trends import Filters, _run, document_filter

PLACE_COLUMNS = ("geonames", "name", "kind", "country", "lat", "lon", "articles", "events")


def write_places(conn: sqlite3.Connection, n: int, doc: Document, local: dict[str, int]) -> None:
    """Store the places of article `n`; `local` maps its entity ids to collection entity ids."""
    located = Counter(event.location for event in doc.events if event.location)
    conn.executemany(
        "INSERT OR REPLACE INTO places(doc_n, local_id, entity_id, geonames, name, kind, country, lat, lon, "
        "score, reason, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(n, p.entity, local.get(p.entity), p.geonames, p.name, p.kind, p.country, p.lat, p.lon, p.score,
          p.reason, located.get(p.entity, 0)) for p in doc.places])


def _articles_filter(conn: sqlite3.Connection, filters: Filters) -> tuple[str, dict[str, Any]]:
    """`p.doc_n IN (the filtered articles)`, or nothing to add when no filter is set: places are
    stored for stored articles (status ok) only, so the unfiltered counts read the index alone."""
    condition, params = document_filter(conn, filters)
    if not filters.to_dict():
        return "1 = 1", params
    return f"p.doc_n IN (SELECT d.n FROM documents d WHERE {condition})", params


def list_places(conn: sqlite3.Connection, filters: Filters = Filters(), *, country: str | None = None,
                kind: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Resolved places by number of articles that name them (then events), under `filters`."""
    condition, params = _articles_filter(conn, filters)
    where = ["p.geonames IS NOT NULL", condition]
    if country:
        where.append("p.country = :country")
        params["country"] = country.upper()
    if kind:
        where.append("p.kind = :kind")
        params["kind"] = kind
    rows = _run(conn, "SELECT p.geonames, COUNT(DISTINCT p.doc_n) AS articles, SUM(p.events) AS events, "
                f"COUNT(*) OVER () FROM places p WHERE {' AND '.join(where)} GROUP BY p.geonames "
                "ORDER BY articles DESC, events DESC, p.geonames LIMIT :limit OFFSET :offset",
                {**params, "limit": limit, "offset": offset}, filters)
    total = rows[0][3] if rows else _count_places(conn, where, params, filters)
    items = []
    for geonames, articles, events, _total in rows:
        name, kind_, code, lat, lon = conn.execute(
            "SELECT name, kind, country, lat, lon FROM places WHERE geonames = ? LIMIT 1", (geonames,)).fetchone()
        items.append(dict(zip(PLACE_COLUMNS, (geonames, name, kind_, code, lat, lon, articles, events))))
    return Page(items, total, limit, offset)


def _count_places(conn: sqlite3.Connection, where: list[str], params: dict[str, Any], filters: Filters) -> int:
    # a page past the last one has no row to carry the total
    return _run(conn, f"SELECT COUNT(DISTINCT p.geonames) FROM places p WHERE {' AND '.join(where)}",
                params, filters)[0][0]


def country_counts(conn: sqlite3.Connection, filters: Filters = Filters()) -> dict[str, dict[str, int]]:
    """Per ISO country code: the articles that name it or a place in it, and their events there."""
    condition, params = _articles_filter(conn, filters)
    rows = _run(conn, "SELECT p.country, COUNT(DISTINCT p.doc_n), SUM(p.events) FROM places p "
                f"WHERE p.country IS NOT NULL AND {condition} GROUP BY p.country", params, filters)
    return {code: {"articles": articles, "events": events or 0} for code, articles, events in rows}


def place_info(conn: sqlite3.Connection, geonames: int) -> dict[str, Any]:
    """One stored place: its name, kind, country and coordinates. Raises NotInStoreError (E510) if unknown."""
    row = conn.execute("SELECT geonames, name, kind, country, lat, lon FROM places WHERE geonames = ? "
                       "LIMIT 1", (geonames,)).fetchone()
    if row is None:
        raise NotInStoreError("E510", geonames=geonames)
    return dict(zip(("geonames", "name", "kind", "country", "lat", "lon"), row))


def place_articles(conn: sqlite3.Connection, geonames: int, filters: Filters = Filters(), *,
                   country: str | None = None, limit: int = 20, offset: int = 0) -> Page:
    """Articles naming the place (or, with `country`, any place in that country), newest first."""
    condition, params = document_filter(conn, filters)
    params.update(geonames=geonames, country=country, limit=limit, offset=offset)
    where = (f"{condition} AND d.n IN (SELECT doc_n FROM places WHERE geonames = :geonames "
             "UNION SELECT doc_n FROM places WHERE country = :country)")
    columns = ("id", "source", "day", "title")
    total = _run(conn, f"SELECT COUNT(*) FROM documents d WHERE {where}", params, filters)[0][0]
    rows = _run(conn, f"SELECT {', '.join('d.' + c for c in columns)} FROM documents d WHERE {where} "
                "ORDER BY d.day IS NULL, d.day DESC, d.n DESC LIMIT :limit OFFSET :offset", params, filters)
    return Page([dict(zip(columns, row)) for row in rows], total, limit, offset)

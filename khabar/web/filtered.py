"""The data of the list pages whose filters trends share: articles and events over a date range.

`GET /articles` takes every filter of `GET /trends` (khabar.store.trends.Filters), so each point
of a trend links to exactly the articles it counts; `GET /events` takes `since` and `until` as
`khabar events --db` does.
"""

from __future__ import annotations

from typing import Any

from khabar.store import queries
from khabar.store.sqlite import Store
from khabar.store.trends import Filters, filtered_articles


def _page(page: queries.Page) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


def articles(store: Store, *, filters: Filters, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Stored articles that pass the filters, newest first."""
    data = _page(filtered_articles(store.conn, filters, limit=limit, offset=offset))
    data["filters"] = filters.to_dict()
    return data


def events(store: Store, *, actor: str | None = None, root: str | None = None, date: str | None = None,
           since: str | None = None, until: str | None = None, min_confidence: float | None = None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Events by actor code, CAMEO root, date prefix, date range and lowest confidence, newest first."""
    data = _page(queries.list_events(store.conn, actor=actor, root=root, date=date, since=since, until=until,
                                     min_confidence=min_confidence, limit=limit, offset=offset))
    data["filters"] = {"actor": actor, "root": root, "date": date, "since": since, "until": until,
                       "min_confidence": min_confidence}
    return data

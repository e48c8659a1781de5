"""Stored events as the GDELT-like table that `khabar events` writes (columns in docs/events.md).

The rows are built by the same function as for freshly analyzed articles
(`khabar.events.export.event_row`), from the stored Document, so an event reads the same
whether it comes from the store or from a new analysis. `khabar events --db` and the CSV of
`GET /events` both read through `event_rows`, in the order of the events page (newest first).

Example:
    >>> for row in iter_event_rows(store.conn, actor="SAU", since="2015-07-01"):  # doctest: +SKIP
    ...     print(row["date"], row["cameo"], row["source_code"], row["target_code"])
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from khabar.document import Document
from khabar.events.export import event_row
from khabar.store.queries import EVENT_ORDER, event_filter

BATCH = 1000


def event_rows(conn: sqlite3.Connection, *, actor: str | None = None, root: str | None = None,
               date: str | None = None, since: str | None = None, until: str | None = None,
               min_confidence: float | None = None, limit: int = BATCH, offset: int = 0
               ) -> list[dict[str, Any]]:
    """One page of table rows of the events that pass the filters (see queries.event_filter)."""
    condition, params = event_filter(actor=actor, root=root, date=date, since=since, until=until,
                                     min_confidence=min_confidence)
    params.update(limit=limit, offset=offset)
    keys = conn.execute(f"SELECT e.doc_n, e.idx FROM events e JOIN documents d ON d.n = e.doc_n "
                        f"WHERE {condition} ORDER BY {EVENT_ORDER} LIMIT :limit OFFSET :offset", params).fetchall()
    numbers = sorted({n for n, _ in keys})
    docs = {n: Document.from_json(text) for n, text in conn.execute(
        "SELECT n, json FROM documents WHERE n IN (SELECT value FROM json_each(?))", (json.dumps(numbers),))}
    return [event_row(docs[n], idx) for n, idx in keys]


def iter_event_rows(conn: sqlite3.Connection, *, batch: int = BATCH, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of the filtered table, read from the store a batch at a time."""
    offset = 0
    while True:
        rows = event_rows(conn, limit=batch, offset=offset, **filters)
        yield from rows
        if len(rows) < batch:
            return
        offset += batch

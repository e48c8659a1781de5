"""Stored events as the GDELT-like table that `khabar events` writes (columns in docs/events.md).

The rows are built by the same function as for freshly analyzed articles
(`khabar.events.export.event_row`), from the stored Document, so an event reads the same
whether it comes from the store or from a new analysis. `khabar events --db` and the CSV of
`GET /events` both read through here, in the order of the events page (newest first).

One query orders the keys of every selected event (86,000 keys on the full SaudiNewsNet + ANT
store); the Documents are then read a chunk at a time, with only the parts a row needs (the
text, source, entities' names, events), so a long table is neither sorted again per page nor
held in memory.

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

CHUNK = 500  # events whose Documents are read at once


def event_keys(conn: sqlite3.Connection, *, actor: str | None = None, root: str | None = None,
               date: str | None = None, since: str | None = None, until: str | None = None,
               min_confidence: float | None = None) -> list[tuple[int, int]]:
    """(document number, event index) of every event that passes the filters, newest first."""
    condition, params = event_filter(actor=actor, root=root, date=date, since=since, until=until,
                                     min_confidence=min_confidence)
    return conn.execute(f"SELECT e.doc_n, e.idx FROM events e JOIN documents d ON d.n = e.doc_n "
                        f"WHERE {condition} ORDER BY {EVENT_ORDER}", params).fetchall()


def rows_for_keys(conn: sqlite3.Connection, keys: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The table rows of these events, in the order of `keys`."""
    numbers = sorted({n for n, _ in keys})
    docs = {n: _row_document(text) for n, text in conn.execute(
        "SELECT n, json FROM documents WHERE n IN (SELECT value FROM json_each(?))", (json.dumps(numbers),))}
    return [event_row(docs[n], idx) for n, idx in keys]


def iter_event_rows(conn: sqlite3.Connection, *, chunk: int = CHUNK, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of the filtered table, the Documents read a chunk at a time."""
    keys = event_keys(conn, **filters)
    for start in range(0, len(keys), chunk):
        yield from rows_for_keys(conn, keys[start:start + chunk])


def _row_document(text: str) -> Document:
    """The stored Document with only what a row reads: building every sentence and mention of
    a long article costs eight times as much as parsing its JSON."""
    data = json.loads(text)
    entities = [{"id": e["id"], "type": e["type"], "name": e["name"]} for e in data.get("entities", ())]
    return Document.from_dict({"id": data["id"], "text": data.get("text", ""), "source": data.get("source") or {},
                               "published": data.get("published"), "entities": entities,
                               "events": data.get("events", [])})

"""Export events as a GDELT-like table: one row per event, columns documented in docs/events.md."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any, TextIO

from khabar.document import Document, Event
from khabar.errors import InputError

COLUMNS: tuple[str, ...] = (
    "date",
    "doc_id",
    "url",
    "source_code",
    "source_name",
    "source_entity",
    "cameo",
    "cameo_root",
    "plover",
    "target_code",
    "target_name",
    "target_entity",
    "location",
    "location_name",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "confidence",
)

FORMATS = ("tsv", "csv", "json")


def events_table(docs: Iterable[Document]) -> list[dict[str, Any]]:
    """One dict per event of every document, with the keys of COLUMNS in that order.

    Example:
        >>> rows = events_table([doc])
        >>> rows[0]["cameo"], rows[0]["source_code"]
        ('041', 'USAMIL')
    """
    rows: list[dict[str, Any]] = []
    for doc in docs:
        names = {entity.id: entity.name for entity in doc.entities}
        for event in doc.events:
            rows.append(_row(doc, event, names))
    return rows


def event_row(doc: Document, index: int) -> dict[str, Any]:
    """The table row of one event of `doc` (by its position in `doc.events`)."""
    return _row(doc, doc.events[index], {entity.id: entity.name for entity in doc.entities})


def _row(doc: Document, event: Event, names: dict[str, str]) -> dict[str, Any]:
    source, target = event.source, event.target
    return {
        "date": event.date or (doc.published or "")[:10] or None,
        "doc_id": doc.id,
        "url": doc.source.url,
        "source_code": source.code if source else None,
        "source_name": source.name if source else None,
        "source_entity": source.entity if source else None,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2],
        "plover": event.plover,
        "target_code": target.code if target else None,
        "target_name": target.name if target else None,
        "target_entity": target.entity if target else None,
        "location": event.location,
        "location_name": names.get(event.location) if event.location else None,
        "trigger": doc.text[event.trigger.start:event.trigger.end],
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "confidence": event.confidence,
    }


def confident_events(docs: Iterable[Document], min_confidence: float) -> Iterator[Document]:
    """The documents with only the events whose confidence is at least `min_confidence`."""
    for doc in docs:
        if min_confidence > 0:
            doc = dataclasses.replace(
                doc, events=tuple(e for e in doc.events if e.confidence >= min_confidence))
        yield doc


def write_events(
    docs: Iterable[Document], fmt: str = "tsv", out: str | PathLike[str] | TextIO | None = None
) -> str | None:
    """Write the events table as TSV or CSV (header + rows) or JSON (an array of row objects).

    `out` is a path, an open text stream, or None to return the text. Returns the text when
    `out` is None, else None.
    """
    return write_event_rows(events_table(docs), fmt, out)


def write_event_rows(
    rows: Iterable[dict[str, Any]], fmt: str = "tsv", out: str | PathLike[str] | TextIO | None = None
) -> str | None:
    """Write rows with the keys of COLUMNS as TSV, CSV or JSON, one row at a time.

    Rows are written as they come, so a long table from the store is never held in memory.
    CSV quotes cells as needed and keeps their text as is; TSV puts line breaks and tabs
    inside a cell as spaces.
    """
    if fmt not in FORMATS:
        raise InputError("E303", format=fmt, valid=", ".join(FORMATS))
    if out is None:
        buffer = io.StringIO()
        _write_rows(rows, fmt, buffer)
        return buffer.getvalue()
    if isinstance(out, (str, PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            _write_rows(rows, fmt, stream)
    else:
        _write_rows(rows, fmt, out)
    return None


def _write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        count = 0
        out.write("[\n")
        for row in rows:
            out.write((",\n" if count else "") + json.dumps(row, ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return
    if fmt == "tsv":
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        clean = _cell
    else:
        writer = csv.writer(out, lineterminator="\n")
        clean = str
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else clean(row[c]) for c in COLUMNS])


def _cell(value: Any) -> str:
    # Tabs and line breaks inside a name would break the TSV row; spaces keep it readable.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)

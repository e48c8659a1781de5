"""Export events as a GDELT-like table: one row per event, columns documented in docs/events.md."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
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

FORMATS = ("tsv", "json")


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


def write_events(
    docs: Iterable[Document], fmt: str = "tsv", out: str | PathLike[str] | TextIO | None = None
) -> str | None:
    """Write the events table as TSV (header + rows) or JSON (an array of row objects).

    `out` is a path, an open text stream, or None to return the text. Returns the text when
    `out` is None, else None.
    """
    if fmt not in FORMATS:
        raise InputError("E303", format=fmt, valid=", ".join(FORMATS))
    rows = events_table(docs)
    buffer = io.StringIO()
    if fmt == "tsv":
        writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(["" if row[c] is None else _cell(row[c]) for c in COLUMNS])
    else:
        buffer.write("[\n")
        buffer.write(",\n".join(json.dumps(row, ensure_ascii=False) for row in rows))
        buffer.write("\n]\n" if rows else "]\n")
    text = buffer.getvalue()
    if out is None:
        return text
    if isinstance(out, (str, PathLike)):
        Path(out).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return None


def _cell(value: Any) -> str:
    # Tabs and line breaks inside a name would break the TSV row; spaces keep it readable.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)

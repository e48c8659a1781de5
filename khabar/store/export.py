"""Export the store in the Document JSON schema: JSON lines, or Parquet (one row per document).

Parquet layout (docs/store.md): the scalar fields of the Document (`id`, `text`, `title`,
`published`, `status`) are plain string columns; `source`, `reason` and `raw` are struct
columns; every list field (`paragraphs`, `sentences`, `entities`, `quotes`, `events`, `dates`,
`quantities`, `warnings`, `trace`) is a JSON string column holding exactly the list that
Document.to_json writes. JSON strings keep the file readable by any Parquet reader and keep
working unchanged when the records inside those lists gain fields.
"""

from __future__ import annotations

import json
from pathlib import Path

from khabar.document import Document
from khabar.errors import ConfigError
from khabar.store.network import write_gexf
from khabar.store.sqlite import Store

FORMATS = ("jsonl", "parquet", "gexf")  # gexf: the entity and actor networks (khabar.store.network)
_STRUCTS = ("source", "reason", "raw")
_SCALARS = ("id", "text", "title", "published", "status")


def export(store: Store, path: str | Path, *, fmt: str = "jsonl", status: str | None = None) -> int:
    """Write every stored document (optionally of one status) to `path`; returns the count.

    `gexf` writes the networks instead (khabar.store.network) and returns the number of edges.
    """
    if fmt not in FORMATS:
        raise ConfigError("E103", option="format", detail=f"{fmt!r}; valid formats: {', '.join(FORMATS)}")
    if fmt == "gexf":
        size = write_gexf(store.conn, path)
        return size.entity_edges + size.actor_edges
    if fmt == "jsonl":
        count = 0
        with open(path, "w", encoding="utf-8") as out:
            for doc in store.iter_documents(status=status):
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                count += 1
        return count
    return _export_parquet(store, Path(path), status)


def _export_parquet(store: Store, path: Path, status: str | None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(name, pa.string()) for name in _SCALARS]
        + [("source", pa.struct([("name", pa.string()), ("domain", pa.string()), ("url", pa.string())])),
           ("reason", pa.struct([("code", pa.string()), ("stage", pa.string()), ("message", pa.string())])),
           ("raw", pa.struct([("sha256", pa.string()), ("format", pa.string()), ("encoding", pa.string()),
                              ("size", pa.int64()), ("origin", pa.string())]))]
        + [(name, pa.string()) for name in _list_fields()]
    )
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        rows: list[dict] = []
        for doc in store.iter_documents(status=status):
            rows.append(_row(doc))
            if len(rows) >= 1000:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


def _list_fields() -> list[str]:
    import dataclasses

    return [f.name for f in dataclasses.fields(Document) if f.name not in _SCALARS + _STRUCTS]


def _row(doc: Document) -> dict:
    data = doc.to_dict()
    row = {name: data[name] for name in _SCALARS + _STRUCTS}
    for name in _list_fields():
        row[name] = json.dumps(data[name], ensure_ascii=False)
    return row


def document_from_row(row: dict) -> Document:
    """Rebuild a Document from one Parquet row (the inverse of the export)."""
    data = {name: row[name] for name in _SCALARS + _STRUCTS}
    for name in _list_fields():
        data[name] = json.loads(row[name]) if row.get(name) else []
    return Document.from_dict(data)

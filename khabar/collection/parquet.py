"""Documents as Parquet rows: the articles table's schema, and reading it back into Documents.

The articles table holds one row per page with every Document field as a column, in the JSON
schema's shape: scalars stay scalars, records (`source`, `reason`, `raw`) are struct columns,
and lists of records (`entities`, `quotes`, `events`, ...) are array-of-struct columns. Two
partition columns are added: `date` (the published day, `YYYY-MM-DD`, or `unknown`) and
`source_key` (the outlet's name or domain, or `unknown`). The Spark schema is derived from the
Document dataclasses, so it follows the record when fields are added. See docs/spark.md.

Reading needs only pyarrow (the `[spark]` extra), not Spark.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sqlite3
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from khabar.collection.day import parse_day
from khabar.collection.stories import input_order
from khabar.document import Document

PARTITION_COLUMNS = ("date", "source_key")
UNKNOWN = "unknown"
ARTICLES = "articles"
_UNSAFE = re.compile(r"[/\\=:%\x00-\x1f]+")


class DocumentSink(Protocol):
    """Anything that stores documents: the SQLite store, or a list-backed fake in tests."""

    def write_documents(self, docs: Iterable[Document]) -> Any: ...


def partition_values(doc: Document) -> dict[str, str]:
    """The `date` and `source_key` partition values for a document (the day the store files it under)."""
    day = parse_day(doc.published) or UNKNOWN
    name = doc.source.name or doc.source.domain or ""
    key = _UNSAFE.sub("_", name).strip(" ._") or UNKNOWN
    return {"date": day, "source_key": key}


def article_row(doc: Document) -> dict[str, Any]:
    """One articles-table row: `Document.to_dict()` plus the partition columns."""
    return {**doc.to_dict(), **partition_values(doc)}


def document_from_row(row: dict[str, Any]) -> Document:
    """The Document a row holds (partition columns and unknown columns are ignored)."""
    return Document.from_dict(row)


def article_schema() -> Any:
    """The Spark StructType of the articles table (needs pyspark)."""
    from pyspark.sql.types import StringType, StructField, StructType

    fields = list(spark_type(Document).fields)
    fields += [StructField(name, StringType(), nullable=False) for name in PARTITION_COLUMNS]
    return StructType(fields)


def spark_type(hint: Any) -> Any:
    """The Spark type for a Document field's type hint (records become structs, tuples arrays)."""
    from pyspark.sql import types as T

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no Spark type for the union {hint!r}")
        return spark_type(options[0])
    if origin is tuple:
        item, _ellipsis = typing.get_args(hint)
        return T.ArrayType(spark_type(item), containsNull=False)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return T.StructType([
            T.StructField(f.name, spark_type(hints[f.name]), nullable=_nullable(hints[f.name]))
            for f in dataclasses.fields(hint)
        ])
    scalars = {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType()}
    if hint in scalars:
        return scalars[hint]
    raise TypeError(f"no Spark type for {hint!r}")


def _nullable(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)


def read_documents(path: str | Path, *, batch_size: int = 1000) -> Iterator[Document]:
    """Every Document in a `khabar spark` output (its `articles` table), read with pyarrow.

    `path` is the job's output directory or its `articles` directory.

    Example:
        >>> docs = list(read_documents("out/"))  # doctest: +SKIP
    """
    import pyarrow.dataset as ds

    root = Path(path)
    table_dir = root / ARTICLES if (root / ARTICLES).is_dir() else root
    dataset = ds.dataset(str(table_dir), format="parquet", partitioning="hive")
    for batch in dataset.to_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            yield document_from_row(row)


def read_documents_in_input_order(path: str | Path, *, batch_size: int = 1000) -> Iterator[Document]:
    """The documents of a `khabar spark` output in input order (`collection.stories.input_order`),
    the order `khabar ingest` would have read the same inputs in.

    Parquet keeps rows by partition, not by input; the rows are staged in a temporary SQLite file
    and read back sorted, so memory stays flat however large the output.
    """
    with tempfile.TemporaryDirectory(prefix="khabar-load-") as scratch:
        conn = sqlite3.connect(os.path.join(scratch, "order.db"))
        try:
            conn.execute("CREATE TABLE rows (path TEXT, position INTEGER, seq INTEGER, json TEXT)")
            for seq, doc in enumerate(read_documents(path, batch_size=batch_size)):
                where, position = input_order(doc.raw.origin if doc.raw else None)
                conn.execute("INSERT INTO rows VALUES (?, ?, ?, ?)", (where, position, seq, doc.to_json()))
            conn.commit()
            for (text,) in conn.execute("SELECT json FROM rows ORDER BY path, position, seq"):
                yield Document.from_json(text)
        finally:
            conn.close()


def load_parquet(path: str | Path, store: DocumentSink, *, batch_size: int = 1000) -> int:
    """Import a `khabar spark` output into a store (anything with `write_documents(docs)`).

    Returns the number of documents written. Documents go to the store in input order (so the
    store decides the same stories the job did) and in batches of `batch_size`, so memory stays
    flat on big outputs.

    Example:
        >>> load_parquet("out/", open_store("khabar.db"))  # doctest: +SKIP
    """
    total = 0
    batch: list[Document] = []
    for doc in read_documents_in_input_order(path, batch_size=batch_size):
        batch.append(doc)
        if len(batch) >= batch_size:
            store.write_documents(batch)
            total += len(batch)
            batch = []
    if batch:
        store.write_documents(batch)
        total += len(batch)
    return total

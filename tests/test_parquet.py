"""Parquet rows ↔ Documents, and load_parquet into any store (pyarrow only, no Spark)."""

from __future__ import annotations

import pytest

from khabar.document import (STATUS_REJECTED, Document, Entity, Mention, Offsets, Quote, Reason,
                             Sentence, Source)
from khabar.collection.parquet import article_row, load_parquet, read_documents

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install -e '.[spark]'")

TEXT = "قال الوزير سالم العتيبي إن «المشروع سيبدأ قريبا»."
DOCS = [
    Document(id="a1", text=TEXT, title="خبر", source=Source(name="الأفق", domain="alufuq.example"),
             published="2024-03-15T08:00:00", sentences=(Sentence(0, len(TEXT)),),
             entities=(Entity("e1", "PER", "سالم العتيبي", (Mention(11, 23, "ner", 0.75),)),),
             quotes=(Quote("e1", "سالم العتيبي", Offsets(0, 3), Offsets(28, 47), True,
                           Offsets(11, 23), "quotes", 0.5),)),
    Document(id="b2", status=STATUS_REJECTED, reason=Reason("too_short", "clean.auto.v2", "قصير")),
]


class ListStore:
    """A store fake: keeps what it is given, batch by batch."""

    def __init__(self):
        self.batches = []

    def write_documents(self, docs):
        self.batches.append(list(docs))


@pytest.fixture()
def output(tmp_path):
    import pyarrow.dataset as ds

    table = pa.Table.from_pylist([article_row(doc) for doc in DOCS])
    ds.write_dataset(table, tmp_path / "out" / "articles", format="parquet",
                     partitioning=["date", "source_key"], partitioning_flavor="hive")
    return tmp_path / "out"


def test_read_documents_gives_back_the_documents_that_were_written(output):
    assert sorted(read_documents(output), key=lambda d: d.id) == DOCS


@pytest.mark.parametrize("batch_size, batches", [(1, [1, 1]), (1000, [2])])
def test_load_parquet_writes_every_document_in_batches(output, batch_size, batches):
    store = ListStore()
    assert load_parquet(output, store, batch_size=batch_size) == 2
    assert [len(batch) for batch in store.batches] == batches
    assert sorted(doc.id for batch in store.batches for doc in batch) == ["a1", "b2"]


def test_load_parquet_command_writes_into_the_store_it_opens(output, tmp_path, monkeypatch):
    import sys
    import types

    from click.testing import CliRunner

    from khabar.cli import cli

    opened = {}

    def open_store(path):
        opened[path] = ListStore()
        return opened[path]

    monkeypatch.setitem(sys.modules, "khabar.store", types.SimpleNamespace(open_store=open_store))
    db = str(tmp_path / "khabar.db")
    result = CliRunner().invoke(cli, ["load-parquet", str(output), "--db", db])
    assert result.exit_code == 0, result.output
    assert sorted(doc.id for doc in opened[db].batches[0]) == ["a1", "b2"]
    assert "loaded 2 documents" in result.output

"""Export: the whole store in the Document JSON schema, as JSON lines or Parquet."""

from __future__ import annotations

import json

import pytest

from khabar.document import Document
from khabar.store import open_store
from khabar.store.export import document_from_row, export
from khabar.batch.ingest import ingest


@pytest.fixture
def filled(tmp_path, fixtures_dir):
    with open_store(tmp_path / "k.db") as store:
        ingest([str(fixtures_dir)], store)
        yield store


def test_jsonl_export_round_trips_every_document(filled, tmp_path):
    count = export(filled, tmp_path / "out.jsonl", fmt="jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == len(filled.documents(limit=1000))
    docs = [Document.from_dict(json.loads(line)) for line in lines]
    assert docs == list(filled.iter_documents())
    assert "\\u" not in lines[0]


def test_parquet_export_round_trips_every_document(filled, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    count = export(filled, tmp_path / "out.parquet", fmt="parquet")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == count
    assert table.schema.field("source").type.num_fields == 3
    docs = [document_from_row(row) for row in table.to_pylist()]
    assert docs == list(filled.iter_documents())


def test_export_of_one_status(filled, tmp_path):
    count = export(filled, tmp_path / "rejected.jsonl", status="rejected")
    assert count == 2

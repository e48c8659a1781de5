"""The schema is built only from the numbered migrations, and versioned in PRAGMA user_version."""

from __future__ import annotations

import sqlite3

import pytest

from khabar.errors import StoreError
from khabar.store import open_store
from khabar.store.sqlite import _migrations, schema_version


def test_migrations_are_numbered_from_one_without_gaps():
    numbers = [number for number, _script in _migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("table", ["documents", "raw", "inputs", "urls", "search_index", "entities",
                                   "doc_entities", "quotes", "events", "stories", "story_links", "lsh"])
def test_fresh_database_from_migrations_has_table(tmp_path, table):
    with open_store(tmp_path / "fresh.db") as store:
        names = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
        assert table in names
        assert store.user_version == schema_version()


def test_reopening_a_store_keeps_its_data_and_version(tmp_path):
    path = tmp_path / "again.db"
    with open_store(path) as store:
        store.conn.execute("INSERT INTO raw(sha256, size, data) VALUES ('x', 1, x'00')")
    with open_store(path) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM raw").fetchone()[0] == 1
        assert store.user_version == schema_version()


def test_store_uses_write_ahead_logging(tmp_path):
    with open_store(tmp_path / "wal.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert caught.value.code == "E506"

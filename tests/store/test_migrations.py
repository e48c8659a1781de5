"""The schema is built only from the numbered migrations, and versioned in PRAGMA user_version."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time

import pytest

from khabar.errors import StoreError
from khabar.store import open_store
from khabar.store.sqlite import _migrations, _statements, schema_version


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


@pytest.mark.parametrize("script, expected", [
    ("CREATE TABLE a(x);\nCREATE TABLE b(y); -- a comment; with a semicolon\n",
     ["CREATE TABLE a(x);", "\nCREATE TABLE b(y);"]),
    ("INSERT INTO a VALUES ('x;y');", ["INSERT INTO a VALUES ('x;y');"]),
    ("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET y = 1; DELETE FROM b; END;\n-- done\n",
     ["CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET y = 1; DELETE FROM b; END;"]),
])
def test_migration_scripts_split_into_whole_statements(script, expected):
    assert list(_statements(script)) == expected


def test_every_migration_splits_back_into_its_own_text():
    for _number, script in _migrations():
        statements = list(_statements(script))
        assert statements and all(sqlite3.complete_statement(s) for s in statements)


def _open_and_count(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        with open_store(path) as store:
            results.put(store.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'raw'").fetchone()[0])
    except Exception as error:  # reported to the test, which names it
        results.put(repr(error))


@pytest.mark.parametrize("processes", [2, 6])
def test_processes_opening_a_new_store_at_the_same_moment_all_succeed(tmp_path, processes):
    context = multiprocessing.get_context("fork")
    for attempt in range(5):
        path = str(tmp_path / f"new-{attempt}.db")
        barrier, results = context.Barrier(processes), context.Queue()
        workers = [context.Process(target=_open_and_count, args=(path, barrier, results))
                   for _ in range(processes)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
        assert outcomes == [1] * processes
        with open_store(path) as store:
            assert store.user_version == schema_version()


def test_a_store_locked_by_a_writer_still_opens_for_reading(tmp_path):
    path = tmp_path / "busy.db"
    open_store(path).close()
    with open_store(path) as writer:
        writer.conn.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with open_store(path) as reader:  # an up-to-date store needs no write lock to open
            assert reader.counts()["stories"] == 0
        assert time.monotonic() - started < 5
        writer.conn.execute("ROLLBACK")


def test_opening_without_create_refuses_a_missing_file_and_opens_an_existing_one(tmp_path):
    path = tmp_path / "k.db"
    with pytest.raises(StoreError) as caught:
        open_store(path, create=False)
    assert caught.value.code == "E508" and caught.value.path == str(path)
    assert not path.exists()
    open_store(path).close()
    with open_store(path, create=False) as store:
        assert store.user_version == schema_version()
    open_store(":memory:", create=False).close()

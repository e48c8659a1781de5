"""One meaning of a collection: the same inputs through `khabar ingest` and through `khabar spark`
+ `khabar load-parquet` give the same stories and the same collection entities, and the Spark
job's own story and entity tables say the same."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from khabar.collection.stories import input_order
from tests.spark_support import spark_session

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "spark"
SHARED_SAUDI = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"


@pytest.mark.parametrize("origin, expected", [
    ("crawl/a.jsonl:12", ("crawl\x00a.jsonl", 12)),
    ("crawl/a.jsonl:9", ("crawl\x00a.jsonl", 9)),
    ("./crawl/x.warc.gz#3", ("crawl\x00x.warc.gz", 3)),
    ("crawl/page.html", ("crawl\x00page.html", 0)),
    (None, ("", 0)),
])
def test_input_order_reads_the_path_and_the_position(origin, expected):
    assert input_order(origin) == expected


def test_input_order_sorts_like_a_sorted_directory_walk():
    # A walk visits `b/` (and all below it) before `b-c/`, although "b-c" < "b/" as strings.
    origins = ["b-c/z.txt", "b/y.txt", "a.jsonl:10", "a.jsonl:2"]
    assert sorted(origins, key=input_order) == ["a.jsonl:2", "a.jsonl:10", "b/y.txt", "b-c/z.txt"]


def _corpus(folder: Path) -> Path:
    """The Spark fixtures plus, when ../shared is there, 300 SaudiNewsNet articles."""
    inputs = folder / "inputs"
    shutil.copytree(FIXTURES, inputs)
    if SHARED_SAUDI.is_dir():
        from eval.corpora import saudinewsnet_records, write_jsonl

        write_jsonl(itertools.islice(saudinewsnet_records(), 300), inputs / "saudinewsnet.jsonl")
    return inputs


def _stories(conn) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc_id, story in conn.execute("SELECT id, story_id FROM documents WHERE story_id IS NOT NULL"):
        groups.setdefault(story, set()).add(doc_id)
    return {frozenset(ids) for ids in groups.values()}


def _entities(conn) -> set[tuple]:
    return set(conn.execute("SELECT type, key, name, documents, mentions FROM entities"))


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    from khabar.batch.ingest import ingest
    from khabar.collection.parquet import load_parquet
    from khabar.spark.job import run_job
    from khabar.store import open_store

    spark = spark_session()
    folder = tmp_path_factory.mktemp("engines")
    inputs = _corpus(folder)
    with open_store(folder / "ingest.db") as store:
        ingest([str(inputs)], store)
        local = (_stories(store.conn), _entities(store.conn))
    output = folder / "spark-out"
    summary = run_job(str(inputs), str(output), spark=spark)
    with open_store(folder / "loaded.db") as store:
        load_parquet(output, store)
        loaded = (_stories(store.conn), _entities(store.conn))
    return local, loaded, spark, output, summary


@pytest.mark.spark
@pytest.mark.slow
def test_ingest_and_spark_plus_load_parquet_give_the_same_stories(engines):
    (stories, _), (loaded, _), *_ = engines
    assert loaded == stories
    assert any(len(group) > 1 for group in stories)  # the corpus has at least one shared story


@pytest.mark.spark
@pytest.mark.slow
def test_ingest_and_spark_plus_load_parquet_give_the_same_entities(engines):
    (_, entities), (_, loaded), *_ = engines
    assert loaded == entities
    assert len(entities) >= 5


@pytest.mark.spark
@pytest.mark.slow
def test_the_spark_tables_agree_with_the_store(engines):
    (stories, entities), _loaded, spark, output, summary = engines
    rows = spark.read.parquet(str(output / "stories")).collect()
    groups: dict[str, set[str]] = {}
    for row in rows:
        if row["kind"] != "copy":  # an exact copy is an alias in the store, not an article
            groups.setdefault(row["story_id"], set()).add(row["doc_id"])
    assert {frozenset(ids) for ids in groups.values()} == stories
    assert summary.multi_article_stories == sum(len(group) > 1 for group in stories)
    table = {(r["type"], r["key"], r["name"], r["documents"], r["mentions"])
             for r in spark.read.parquet(str(output / "entities")).collect()}
    assert table == entities


def test_the_index_tables_are_the_stores_own():
    """StoryIndex's tables are the store's story tables (same columns), so the assignment code
    runs on both unchanged."""
    import sqlite3

    from khabar.collection.stories import INDEX_TABLES
    from khabar.store import open_store

    index = sqlite3.connect(":memory:")
    index.executescript(INDEX_TABLES)
    with open_store(":memory:") as store:
        for table in ("features", "lsh", "topic_postings", "topic_df", "story_links"):
            columns = [(r[1], r[2], r[5]) for r in store.conn.execute(f"PRAGMA table_info({table})")]
            assert [(r[1], r[2], r[5]) for r in index.execute(f"PRAGMA table_info({table})")] == columns, table

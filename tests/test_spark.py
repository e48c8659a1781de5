"""The Spark job: pages in, one row per page out, the same Documents as `khabar analyze`.

The first half tests the plain-Python core (`process_partition`, the readers) without Spark;
the second half runs the job in local[2] mode (marked `spark` and `slow`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.config import load_config
from khabar.document import Document, Entity, Mention, Source
from khabar.errors import InputError
from khabar.inputs import iter_pages
from khabar.collection.parquet import article_row, document_from_row, partition_values, read_documents
from khabar.spark.job import (config_from_dict, config_to_dict, local_path, page_to_dict,
                          pages_from_file, process_partition, run_job)
from tests.spark_support import spark_session
from tests.warc_helpers import make_warc

FIXTURES = (Path(__file__).resolve().parent / "fixtures" / "spark").resolve()
FEED = FIXTURES / "daily-feed.jsonl"


@pytest.fixture(scope="module")
def plain_config():
    return config_to_dict(load_config())


# --- plain Python: no Spark needed --------------------------------------------------------------


def test_config_survives_the_trip_as_plain_data():
    config = load_config()
    plain = config_to_dict(config)
    assert json.loads(json.dumps(plain)) == plain
    assert config_from_dict(plain) == config


def test_process_partition_yields_one_row_per_page_with_status(plain_config):
    pages = [page_to_dict(p) for p in iter_pages(FEED)]
    rows = list(process_partition(pages, plain_config))
    assert [row["id"] for row in rows][:3] == ["ufuq-001", "waha-117", "waha-118"]
    statuses = {row["id"]: (row["status"], row["reason"] and row["reason"]["code"]) for row in rows}
    assert statuses["ufuq-001"] == ("ok", None)
    assert statuses["short-1"][0] == "rejected"
    assert statuses["english-1"] == ("rejected", "not_arabic")
    assert sum(code == "malformed_record" for _, code in statuses.values()) == 2


def test_process_partition_builds_the_pipeline_once_per_worker(plain_config, monkeypatch):
    import khabar.api
    import khabar.spark.job

    built = []
    real = khabar.api.load_pipeline
    monkeypatch.setattr(khabar.api, "load_pipeline", lambda *a, **k: built.append(1) or real(*a, **k))
    monkeypatch.setattr(khabar.spark.job, "_PIPELINES", {})
    pages = [page_to_dict(p) for p in iter_pages(FEED)]
    assert len(list(process_partition(pages, plain_config))) == len(pages)
    assert len(list(process_partition(pages[:2], plain_config))) == 2  # the next task, same worker
    assert built == [1]
    other = {**plain_config, "policy": "raise"}
    assert len(list(process_partition(pages[:1], other))) == 1  # another configuration: built anew
    assert built == [1, 1]


def test_an_empty_partition_does_not_build_the_pipeline(plain_config, monkeypatch):
    import khabar.api

    monkeypatch.setattr(khabar.api, "load_pipeline", lambda *a, **k: pytest.fail("built a pipeline"))
    assert list(process_partition(iter([]), plain_config)) == []


@pytest.mark.parametrize("bad_page", [
    {"content": b"\xd8\xae\xd8\xa8\xd8\xb1", "no_such_field": 1},  # not a RawPage
    {"content": None, "format": "text", "id": "none-content"},  # crashes inside the reader
    "not even a dict",
])
def test_process_partition_turns_a_broken_page_into_a_failed_row(plain_config, bad_page):
    good = page_to_dict(next(iter_pages(FIXTURES / "port-expansion.txt")))
    rows = list(process_partition([bad_page, good], plain_config))
    assert [row["status"] for row in rows] == ["failed", "ok"]
    assert rows[0]["reason"]["code"] == "crash"
    assert rows[0]["id"]


@pytest.mark.parametrize("published, source, expected", [
    ("2024-03-15T08:00:00+03:00", Source(name="الأفق"), {"date": "2024-03-15", "source_key": "الأفق"}),
    ("2024-03", Source(domain="waha.example"), {"date": "unknown", "source_key": "waha.example"}),
    (None, Source(), {"date": "unknown", "source_key": "unknown"}),
    ("2015-07-21", Source(name="a/b=c"), {"date": "2015-07-21", "source_key": "a_b_c"}),
])
def test_partition_values_use_the_published_day_and_source(published, source, expected):
    doc = Document(id="x", published=published, source=source)
    assert partition_values(doc) == expected


def test_article_row_converts_back_to_the_same_document():
    doc = Document(id="d1", text="قال الوزير", source=Source(name="الأفق"),
                   entities=(Entity("e1", "PER", "الوزير", (Mention(4, 10, "ner", 0.9),)),))
    row = article_row(doc)
    assert row["date"] == "unknown" and row["source_key"] == "الأفق"
    assert document_from_row(json.loads(json.dumps(row))) == doc


@pytest.mark.parametrize("uri, expected", [
    ("file:/data/a.txt", "/data/a.txt"),
    ("file:///data/a.txt", "/data/a.txt"),
    ("hdfs://nn:8020/crawl/a.warc.gz", "hdfs://nn:8020/crawl/a.warc.gz"),
])
def test_local_path_names_local_files_as_analyze_does(uri, expected):
    assert local_path(uri) == expected


def test_pages_from_file_reads_jsonl_exactly_as_iter_pages():
    ours = list(pages_from_file(f"file:{FEED}", FEED.read_bytes()))
    theirs = [page_to_dict(p) for p in iter_pages(FEED)]
    assert ours == theirs


def test_pages_from_file_reads_warc_responses_and_skips_the_rest():
    body = "<html><body><p>نص الخبر</p></body></html>".encode()
    data = make_warc([
        ("https://alufuq.example/a/1", "200 OK", body, "text/html; charset=utf-8"),
        ("https://alufuq.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
        ("https://alufuq.example/gone", "404 Not Found", b"<html>404</html>", "text/html"),
    ])
    pages = list(pages_from_file("file:/crawl/one.warc.gz", data))
    assert len(pages) == 1
    assert pages[0]["url"] == "https://alufuq.example/a/1"
    assert pages[0]["content"] == body and pages[0]["format"] == "html"
    assert pages[0]["origin"] == "/crawl/one.warc.gz#1"  # as `khabar analyze` names it


def test_a_broken_warc_becomes_a_rejected_page(plain_config):
    pages = list(pages_from_file("/crawl/broken.warc.gz", b"WARC/1.0\r\nthis is not a record"))
    assert [p["format"] for p in pages] == ["record-error"]
    (row,) = process_partition(pages, plain_config)
    assert (row["status"], row["reason"]["code"]) == ("rejected", "malformed_record")


# --- the job in local[2] mode -------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    return spark_session()


@pytest.fixture(scope="module")
def job(spark, tmp_path_factory):
    output = tmp_path_factory.mktemp("job") / "out"
    summary = run_job(str(FIXTURES), str(output), spark=spark)
    return output, summary


def _analyze_documents(path: Path) -> dict[str, dict]:
    from khabar.cli import cli

    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return {doc["id"]: doc for doc in map(json.loads, lines)}


@pytest.mark.spark
@pytest.mark.slow
def test_spark_and_analyze_give_the_same_documents(job):
    output, _summary = job
    spark_docs = {doc.id: doc.to_dict() for doc in read_documents(output)}
    analyzed = _analyze_documents(FIXTURES)
    assert len(analyzed) == 9
    assert spark_docs.keys() == analyzed.keys()
    for doc_id, expected in analyzed.items():
        assert spark_docs[doc_id] == expected, doc_id


@pytest.mark.spark
@pytest.mark.slow
def test_bad_pages_are_rows_with_a_reason_code(job):
    output, summary = job
    docs = list(read_documents(output))
    bad = sorted((d.status, d.reason.code) for d in docs if d.status != "ok")
    assert bad == [("rejected", "malformed_record")] * 2 + [("rejected", "not_an_article"),
                                                             ("rejected", "not_arabic")]
    assert summary.processed == len(docs) == 9
    assert summary.rejected == {"malformed_record": 2, "not_an_article": 1, "not_arabic": 1}


@pytest.mark.spark
@pytest.mark.slow
def test_articles_are_partitioned_by_day_and_source(job):
    output, _summary = job
    parts = {p.relative_to(output / "articles").parent.as_posix()
             for p in (output / "articles").rglob("*.parquet")}
    assert "date=2024-03-15/source_key=الواحة" in parts
    assert "date=2024-03-14/source_key=صحيفة الأفق" in parts
    assert "date=unknown/source_key=unknown" in parts


@pytest.mark.spark
@pytest.mark.slow
def test_the_two_copies_of_the_rain_story_share_a_story_id(job, spark):
    output, summary = job
    stories = {r.doc_id: r.story_id for r in spark.read.parquet(str(output / "stories")).collect()}
    assert stories["ufuq-001"] == stories["waha-117"]
    assert stories["waha-118"] != stories["ufuq-001"]
    assert summary.multi_article_stories == 1


@pytest.mark.spark
@pytest.mark.slow
def test_load_parquet_gives_the_store_every_document(job):
    from khabar.collection.parquet import load_parquet

    class ListStore:
        def __init__(self):
            self.docs = []

        def write_documents(self, docs):
            self.docs.extend(docs)

    output, summary = job
    store = ListStore()
    assert load_parquet(output, store, batch_size=3) == summary.processed
    assert sorted(d.id for d in store.docs) == sorted(d.id for d in read_documents(output))


@pytest.mark.spark
@pytest.mark.slow
def test_a_rerun_replaces_the_output_without_duplicates(spark, tmp_path):
    output = tmp_path / "out"
    for _ in range(2):
        run_job(str(FEED), str(output), spark=spark, corpus_steps=False)
    ids = [d.id for d in read_documents(output)]
    assert len(ids) == len(set(ids)) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.spark
@pytest.mark.slow
def test_a_failed_job_leaves_the_old_output_untouched(spark, tmp_path):
    output = tmp_path / "out"
    run_job(str(FIXTURES / "port-expansion.txt"), str(output), spark=spark, corpus_steps=False)
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    with pytest.raises(InputError, match="no-such-input"):
        run_job(str(tmp_path / "no-such-input"), str(output), spark=spark, corpus_steps=False)
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.spark
@pytest.mark.slow
def test_the_job_reads_warc_archives(spark, tmp_path):
    article = (FIXTURES / "museum-opening.html").read_bytes()
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "one.warc.gz").write_bytes(make_warc([
        ("https://alufuq.example/museum", "200 OK", article, "text/html"),
        ("https://alufuq.example/style.css", "200 OK", b"body{}", "text/css"),
    ]))
    summary = run_job(str(tmp_path / "crawl"), str(tmp_path / "out"), spark=spark, corpus_steps=False)
    (doc,) = read_documents(tmp_path / "out")
    assert summary.ok == 1 and doc.source.url == "https://alufuq.example/museum"
    assert "متحف التراث البحري" in doc.text


@pytest.mark.spark
@pytest.mark.slow
def test_spark_command_writes_the_output_and_strict_exits_1_on_rejections(spark, tmp_path):
    from khabar.cli import cli

    output = tmp_path / "out"
    result = CliRunner().invoke(cli, ["spark", str(FEED), "-o", str(output), "--master", "local[2]",
                                      "--no-corpus", "--strict"])
    assert result.exit_code == 1, result.output
    assert "7 processed: 3 ok, 4 rejected, 0 failed" in result.stderr
    assert json.loads((output / "_summary.json").read_text(encoding="utf-8"))["processed"] == 7

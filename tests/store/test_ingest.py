"""Ingest: every input stored once, copies linked, failures kept, and crash-safe re-runs."""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.store import open_store
from khabar.batch.ingest import ingest
from khabar.store.sqlite import dump

from .conftest import make_corpus

REPO = Path(__file__).resolve().parents[2]


def _ingest(paths, db, **options):
    with open_store(db) as store:
        return ingest([str(p) for p in paths], store, **options)


def _dump(db) -> list[str]:
    with open_store(db) as store:
        return list(dump(store))


def test_ingest_stores_articles_rejections_and_raw_inputs(tmp_path, fixtures_dir):
    summary = _ingest([fixtures_dir / "articles.jsonl"], tmp_path / "k.db")
    assert summary.analysis.processed == 9
    assert summary.analysis.rejected == {"too_short": 1, "malformed_record": 1}
    with open_store(tmp_path / "k.db") as store:
        counts = store.counts()
        assert counts["documents"] == {"ok": 6, "rejected": {"too_short": 1, "malformed_record": 1}}
        assert [d["reason"] for d in store.documents(status="rejected")] == ["too_short", "malformed_record"]
        doc = store.get_document("shorouk-1")
        assert store.raw_bytes(doc.raw.sha256).decode("utf-8").startswith("دعت الأمم المتحدة")


def test_same_text_under_another_url_is_linked_not_stored_twice(tmp_path, fixtures_dir):
    _ingest([fixtures_dir / "articles.jsonl"], tmp_path / "k.db")
    with open_store(tmp_path / "k.db") as store:
        assert store.aliases("shorouk-1") == ["https://alshorouk.example/news/1", "https://mirror.example/copy/1"]
        assert store.get_document("https://mirror.example/copy/1").id == "shorouk-1"
        assert [d["id"] for d in store.documents()].count("mirror-1") == 0


def test_reingesting_the_same_inputs_adds_nothing(tmp_path, fixtures_dir):
    db = tmp_path / "k.db"
    _ingest([fixtures_dir], db)
    before = _dump(db)
    again = _ingest([fixtures_dir, fixtures_dir / "articles.jsonl"], db)
    assert again.analysis.processed == 0 and again.skipped > 0
    assert _dump(db) == before


def test_ingest_reads_rss_and_atom_feeds(tmp_path, fixtures_dir):
    _ingest([fixtures_dir / "feed.rss", fixtures_dir / "feed.atom"], tmp_path / "k.db")
    with open_store(tmp_path / "k.db") as store:
        docs = {d.source.url: d for d in store.iter_documents()}
    assert set(docs) == {"https://alwadi.example/story/20", "https://alwadi.example/story/21",
                         "https://annahar.example/a/90"}
    fair = docs["https://alwadi.example/story/20"]
    assert fair.title == "افتتاح معرض الكتاب في العاصمة بمشاركة مئتي دار نشر"
    assert fair.published == "2024-03-04T08:00:00Z"
    assert "ويستمر المعرض عشرة أيام" in fair.text


_PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>وأضاف المصدر أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث وتحديد المسؤوليات كاملة.</p>
</article></body></html>"""


def _write_warc(path: Path, pages: list[tuple[str, str, str]], *, gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for url, title, body in pages:
            html = _PAGE.format(title=title, body=body).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://x.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG..."), http_headers=image))


WARC_PAGES = [
    ("https://x.example/a/1", "حريق في مستودع للأخشاب", "اندلع حريق كبير فجر الخميس في مستودع للأخشاب بالمنطقة الصناعية، وتمكنت فرق الدفاع المدني من السيطرة عليه بعد ساعات."),
    ("https://x.example/a/2", "افتتاح جسر جديد فوق النهر", "افتتحت البلدية الجسر الجديد فوق النهر بعد عامين من العمل، ويربط الجسر الضفتين ويختصر زمن الرحلة إلى النصف."),
]


@pytest.mark.parametrize("name, gzipped", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_ingest_reads_html_responses_from_warc(tmp_path, name, gzipped):
    _write_warc(tmp_path / name, WARC_PAGES, gzipped=gzipped)
    summary = _ingest([tmp_path / name], tmp_path / "k.db")
    assert summary.analysis.ok == 2 and summary.analysis.processed == 2
    with open_store(tmp_path / "k.db") as store:
        assert {d.source.url for d in store.iter_documents()} == {"https://x.example/a/1", "https://x.example/a/2"}
        assert [h.id for h in store.search("الجسر").hits]


@pytest.mark.parametrize("name, gzipped, share", [("cut.warc.gz", True, 0.6), ("cut.warc", False, 0.6),
                                                   ("cut2.warc.gz", True, 0.9), ("cut3.warc.gz", True, 0.3)])
def test_truncated_warc_yields_what_it_can_and_records_a_failure(tmp_path, name, gzipped, share):
    whole = tmp_path / ("whole" + name)
    _write_warc(whole, WARC_PAGES, gzipped=gzipped)
    data = whole.read_bytes()
    (tmp_path / name).write_bytes(data[: int(len(data) * share)])
    summary = _ingest([tmp_path / name], tmp_path / "k.db")
    assert summary.analysis.rejected.get("malformed_record") == 1
    assert summary.analysis.ok == (0 if share < 0.5 else 1 if share < 0.8 else 2)
    with open_store(tmp_path / "k.db") as store:
        assert len(store.documents(reason="malformed_record")) == 1


def test_workers_give_the_same_database_as_one_process(tmp_path, fixtures_dir):
    corpus = make_corpus(tmp_path / "corpus", 40)
    _ingest([corpus, fixtures_dir], tmp_path / "one.db")
    _ingest([corpus, fixtures_dir], tmp_path / "two.db", workers=2, batch_size=7)
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "two.db")


BATCH = 16  # inputs per transaction in the ingest subprocesses


def _run_ingest(corpus: Path | list[Path], db: Path, workers: int, *, batch_size: int = BATCH) -> subprocess.Popen:
    paths = [str(path) for path in (corpus if isinstance(corpus, list) else [corpus])]
    command = [sys.executable, "-c", "from khabar.cli import main; main()", "ingest", *paths,
               "--db", str(db), "--workers", str(workers), "--batch-size", str(batch_size)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _committed_inputs(db: Path) -> int:
    """Inputs committed in the store so far (0 while it or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_after_commits(process: subprocess.Popen, db: Path, target: int, rng: random.Random) -> bool:
    """Kill the ingest (and its workers) at a random moment after `target` inputs are committed.

    The moment is a random share of the time one batch took on this machine, so the kill lands
    between two commits (in the analysis or in the middle of a write transaction) at any speed.
    Returns False when the run ended before it could be killed.
    """
    before = _committed_inputs(db)  # what earlier runs committed
    first = None  # (time, count) of this run's first commit
    deadline = time.monotonic() + 300
    while process.poll() is None:
        assert time.monotonic() < deadline, "the ingest made no progress"
        count = _committed_inputs(db)
        now = time.monotonic()
        if count > before and first is None:
            first = (now, count)
        if count >= target:
            if first is not None and count > first[1]:
                per_batch = (now - first[0]) / (count - first[1]) * BATCH
                time.sleep(rng.uniform(0, per_batch))
            if process.poll() is not None:
                return False
            os.killpg(process.pid, signal.SIGKILL)  # the whole group: ingest and its workers
            process.wait(timeout=60)
            return True
        time.sleep(0.002)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killing_ingest_at_any_moment_and_rerunning_gives_the_same_database(tmp_path, workers):
    total = 200
    corpus = make_corpus(tmp_path / "corpus", total)
    reference = tmp_path / "reference.db"
    assert _run_ingest(corpus, reference, workers).wait(timeout=300) == 0
    expected = _dump(reference)
    db = tmp_path / "killed.db"
    rng = random.Random(1234 + workers)
    kills = 0
    last = total - 2 * BATCH  # kill no later than this, so a run still has batches to write
    for _attempt in range(4):
        done = _committed_inputs(db)
        if done >= last:
            break
        process = _run_ingest(corpus, db, workers)
        if _kill_after_commits(process, db, rng.randint(done + 1, last), rng):
            kills += _committed_inputs(db) < total  # killed with work left: a real kill mid-run
    assert kills >= 1
    assert _run_ingest(corpus, db, workers).wait(timeout=300) == 0
    assert _dump(db) == expected


@pytest.mark.slow
@pytest.mark.parametrize("batch_sizes", [(8, 8), (8, 13)])
def test_two_ingests_into_one_new_store_at_once_give_the_serial_database(tmp_path, fixtures_dir, batch_sizes):
    corpus = [make_corpus(tmp_path / "corpus", 120), fixtures_dir]
    serial = tmp_path / "serial.db"
    assert _run_ingest(corpus, serial, 1).wait(timeout=300) == 0
    together = tmp_path / "together.db"
    runs = [_run_ingest(corpus, together, 1, batch_size=size) for size in batch_sizes]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert _dump(together) == _dump(serial)

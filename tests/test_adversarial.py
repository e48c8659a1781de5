"""Bad input end to end: the committed adversarial corpus through `analyze` and `ingest`, a
property test over the readers and the pipeline, and a short run of the fuzzer (issue 19)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.inputs import read_inputs, read_stream
from khabar.store import open_store
from khabar.batch.ingest import ingest
from khabar.store.sqlite import dump
from tests.test_cli import run

ADVERSARIAL = Path(__file__).parent / "fixtures" / "adversarial"
SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "document.schema.json").read_text(encoding="utf-8"))
GOOD_IDS = {"good-1", "good-2", "after", "number"}


def test_the_corpus_is_what_its_script_writes(tmp_path):
    from fuzz.corpus import write_corpus

    written = write_corpus(tmp_path)
    assert sorted(p.name for p in ADVERSARIAL.iterdir()) == sorted(p.name for p in written)
    assert all((ADVERSARIAL / p.name).read_bytes() == p.read_bytes() for p in written)


@pytest.mark.slow
def test_analyze_reads_every_adversarial_file_and_each_output_validates(capsys):
    pages = list(read_inputs([ADVERSARIAL]))
    code, out, err = run(capsys, "analyze", str(ADVERSARIAL), "--format", "jsonl")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == len(pages)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for doc in docs:
        assert not list(validator.iter_errors(doc)), doc["id"]
        assert doc["status"] in ("ok", "rejected"), (doc["id"], doc["reason"])
    assert GOOD_IDS <= {d["id"] for d in docs if d["status"] == "ok"}
    assert f"{len(pages)} processed" in err


@pytest.mark.slow
def test_ingest_stores_every_adversarial_page_once_and_a_rerun_changes_nothing(tmp_path):
    pages = list(read_inputs([ADVERSARIAL]))
    with open_store(tmp_path / "a.db") as store:
        summary = ingest([ADVERSARIAL], store)
        assert summary.analysis.processed == len(pages)
        assert sum(summary.stored.values()) == len(pages)
        first = list(dump(store))
        again = ingest([ADVERSARIAL], store)
        assert again.analysis.processed == 0 and again.skipped == len(pages)
        assert list(dump(store)) == first
        inputs = store.conn.execute("SELECT count(*) FROM inputs").fetchone()[0]
        failed = store.conn.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    from khabar.store.prepare import page_key

    # Every distinct input has its row (the same bytes from the same URL twice are one input).
    assert (inputs, failed) == (len({page_key(p) for p in pages}), 0)


@pytest.fixture(scope="module")
def record_pipeline():
    from khabar.api import load_pipeline

    return load_pipeline(policy="record")


NAMES = st.sampled_from([None, "a.txt", "a.html", "a.jsonl", "a.jsonl.gz", "a.warc", "a.warc.gz", "a.rss",
                         "a.bin", "noext"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000),
                      st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.sampled_from([b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b'{"text": "', b"<rss>"]).flatmap(
                          lambda head: st.binary(max_size=500).map(lambda tail: head + tail))),
       name=NAMES)
def test_no_bytes_make_a_reader_or_the_pipeline_raise(record_pipeline, data, name):
    pages = list(read_stream(io.BytesIO(data), origin="fuzz", name=name, size=len(data)))
    for page in pages:
        doc = record_pipeline(page)
        assert doc.status in ("ok", "rejected"), doc.reason
        json.loads(doc.to_json())


@pytest.mark.slow
def test_a_short_fuzz_run_finds_no_crash_no_loss_and_no_hang():
    from fuzz.run import Checker, Tally

    checker = Checker(hang=60)
    tally = Tally()
    for seed in range(100_000, 100_150):
        checker.check(seed, tally)
    assert tally.failures == {}
    assert tally.inputs == 150

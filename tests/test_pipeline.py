"""Building pipelines (order checks, unknown names) and the two error policies."""

from __future__ import annotations

import gc
import subprocess
import sys
import time

import pytest

from khabar import RawArchive, RawPage, build_pipeline, register
from khabar.config import load_config
from khabar.document import Document, field_paths
from khabar.errors import ConfigError, OrderError, RegistryError, StageError
from khabar.pipeline import REGISTRY, model_identity, registered_stages

ARTICLE = "عنوان الخبر\nقال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة تهم المواطنين.".encode()


def _make_crasher():
    """Raise on every document (for policy tests)."""
    def crash(doc):
        raise ValueError("boom")
    return crash


def _make_deep_crasher():
    """Recurse until Python gives up (a stage defeated by deeply nested input)."""
    def recurse(doc, depth=0):
        return recurse(doc, depth + 1)
    return recurse


def _make_spender():
    """Burn CPU time and return the document unchanged (for budget tests)."""
    def spend(doc):
        deadline = time.thread_time() + 0.3
        while time.thread_time() < deadline:
            pass
        return doc
    return spend


def _make_liar():
    """Return something that is not a Document (for contract tests)."""
    return lambda doc: {"text": doc.text}


@pytest.fixture(autouse=True)
def broken_stages():
    """Two deliberately broken stages, registered for this module's tests only."""
    registered_stages()
    register("test.crash.v1", requires=("sentences",))(_make_crasher)
    register("test.not_a_document.v1", requires=("text",))(_make_liar)
    register("test.deep.v1", requires=("text",))(_make_deep_crasher)
    register("test.spend.v1", requires=("text",))(_make_spender)
    yield
    for name in ("test.crash.v1", "test.not_a_document.v1", "test.deep.v1", "test.spend.v1"):
        REGISTRY.pop(name)


def test_unknown_stage_names_the_known_ones():
    with pytest.raises(ConfigError) as caught:
        build_pipeline(["clean.auto.v2", "no.such.v9"])
    assert caught.value.code == "E101" and "segment.sentences.v1" in caught.value.message


def test_a_stage_before_its_requirement_fails_at_build_time():
    with pytest.raises(OrderError) as caught:
        build_pipeline(["clean.auto.v2", "test.crash.v1", "segment.sentences.v1"])
    assert "sentences" in caught.value.message and caught.value.stage == "test.crash.v1"


def test_a_pipeline_must_start_with_a_reader():
    with pytest.raises(OrderError):
        build_pipeline(["segment.sentences.v1"])


def test_raise_policy_names_the_stage_that_crashed():
    pipeline = build_pipeline(["clean.auto.v2", "segment.sentences.v1", "test.crash.v1"], policy="raise")
    with pytest.raises(StageError) as caught:
        pipeline(RawPage(ARTICLE))
    assert caught.value.stage == "test.crash.v1"


def test_record_policy_turns_a_crash_into_a_failed_document():
    pipeline = build_pipeline(["clean.auto.v2", "segment.sentences.v1", "test.crash.v1"], policy="record")
    doc = pipeline(RawPage(ARTICLE))
    assert doc.status == "failed"
    assert (doc.reason.code, doc.reason.stage) == ("crash", "test.crash.v1")
    assert doc.text and doc.sentences  # what earlier stages found is kept


def test_a_stage_that_returns_something_else_is_caught():
    pipeline = build_pipeline(["clean.auto.v2", "test.not_a_document.v1"], policy="record")
    doc = pipeline(RawPage(ARTICLE))
    assert doc.status == "failed" and doc.reason.code == "E202"


def test_trace_lists_every_stage_that_ran():
    pipeline = build_pipeline(["clean.auto.v2", "segment.sentences.v1"])
    assert [t.stage for t in pipeline(RawPage(ARTICLE)).trace] == ["clean.auto.v2", "segment.sentences.v1"]


def test_raw_archive_stores_each_content_once_and_gives_it_back(tmp_path):
    archive = RawArchive(tmp_path)
    page = RawPage(ARTICLE)
    assert archive.put(page) == archive.put(page) == page.sha256
    assert archive.get(page.sha256) == ARTICLE
    assert len(list(tmp_path.rglob("*.gz"))) == 1


def test_a_50_megabyte_page_is_rejected_without_stopping_the_batch(tmp_path, batch_pipeline):
    from khabar import iter_pages

    (tmp_path / "a_huge.txt").write_bytes(b"\xd9\x82" * (25 * 1024 * 1024 + 10))
    (tmp_path / "b_good.txt").write_bytes(ARTICLE)
    docs = [batch_pipeline(page) for page in iter_pages(tmp_path)]
    assert [(d.status, d.reason.code if d.reason else None) for d in docs] == [
        ("rejected", "too_large"), ("ok", None)]


def test_issue_19_a_recursion_error_is_a_failed_document_and_the_next_page_goes_on():
    pipeline = build_pipeline(["clean.auto.v2", "test.deep.v1"], policy="record")
    docs = [pipeline(RawPage(content=ARTICLE)), pipeline(RawPage(content=ARTICLE + b" "))]
    assert [(d.status, d.reason.code, d.reason.stage) for d in docs] == [
        ("failed", "crash", "test.deep.v1")] * 2
    assert "RecursionError" in docs[0].reason.message


def test_issue_19_a_failure_handler_never_fails_on_the_page_metadata():
    pipeline = build_pipeline(["clean.auto.v2"], policy="record")
    doc = pipeline(RawPage(content=b"", url="http://[::1", source_name="x"))
    assert (doc.status, doc.reason.code, doc.source.url) == ("rejected", "empty", "http://[::1")


@pytest.mark.parametrize("policy", ["record", "raise"])
def test_issue_19_a_document_past_its_cpu_budget_is_rejected_before_the_next_stage(policy):
    from khabar.errors import OverBudgetRejected

    stages = ["clean.auto.v2", "test.spend.v1", "test.spend.v1", "test.crash.v1"]
    stages.insert(1, "segment.sentences.v1")
    pipeline = build_pipeline(stages, policy=policy, cpu_budget=0.2)
    if policy == "raise":
        with pytest.raises(OverBudgetRejected):
            pipeline(RawPage(content=ARTICLE))
        return
    doc = pipeline(RawPage(content=ARTICLE))
    assert (doc.status, doc.reason.code, doc.reason.stage) == ("rejected", "over_budget", "test.spend.v1")
    assert [t.stage for t in doc.trace][-1] == "test.spend.v1"  # the first one ran, the second did not


@pytest.mark.parametrize("budget", [0, -1, "fast", True])
def test_a_cpu_budget_must_be_a_positive_number(budget):
    with pytest.raises(ConfigError):
        build_pipeline(["clean.auto.v2"], cpu_budget=budget)


# -- the registry: names, contracts, factories, models ------------------------------------------

def _make_other_cleaner():
    """Another factory that wants an existing name."""
    return lambda page: None


def test_a_stage_name_held_by_another_factory_is_refused():
    with pytest.raises(RegistryError) as caught:
        register("clean.auto.v2", produces=("text",), reads_pages=True)(_make_other_cleaner)
    assert caught.value.code == "E204" and "khabar.stages.read.make_clean" in caught.value.message
    assert registered_stages()["clean.auto.v2"].factory.__name__ == "make_clean"


def test_the_same_factory_registering_again_is_harmless():
    register("test.crash.v1", requires=("sentences",))(_make_crasher)
    assert REGISTRY["test.crash.v1"].factory is _make_crasher


@pytest.mark.parametrize("requires, produces, field", [
    (("sentence",), (), "sentence"),
    (("sentences",), ("mentions",), "mentions"),
    (("entities.role",), (), "entities.role"),
])
def test_a_declared_field_that_document_lacks_is_refused(requires, produces, field):
    with pytest.raises(RegistryError) as caught:
        register("test.typo.v1", requires=requires, produces=produces)(_make_liar)
    assert caught.value.code == "E205" and repr(field) in caught.value.message
    assert "test.typo.v1" not in REGISTRY


def test_every_stage_declares_fields_of_document_and_has_a_make_area_factory():
    paths = field_paths()
    for name, spec in registered_stages().items():
        if name.startswith("test."):
            continue
        assert spec.requires | spec.produces <= paths, name
        area = name.split(".")[0]
        assert spec.factory.__name__.startswith(f"make_{area}"), (
            f"{name}: factory {spec.factory.__module__}.{spec.factory.__name__} should be "
            f"make_{area}… (one make_<area> factory per stage)")


def test_the_default_stages_read_only_what_the_reader_or_an_earlier_stage_produced():
    known = registered_stages()
    available: set[str] = set()
    for name, _options in load_config().stages:
        assert known[name].requires <= available, name
        available |= known[name].produces


def test_the_trace_names_the_models_with_their_content_hash(pipeline):
    doc = pipeline(RawPage(ARTICLE))
    models = {entry.stage: entry.models for entry in doc.trace}
    (ner,) = models["ner.crf.v2"]
    assert ner.name == "ner" and len(ner.sha256) == 64
    assert models["clean.auto.v2"] == () and models["segment.sentences.v1"] == ()
    (events,) = [entry for stage, entry in models.items() if stage.startswith("events.")]
    assert "events/sentence_classifier" in [m.name for m in events]
    assert Document.from_json(doc.to_json()) == doc


def test_a_model_identity_changes_with_any_byte_of_its_files(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"weights")
    (tmp_path / "b.tsv").write_bytes(b"words")
    before = model_identity("m", [tmp_path / "b.tsv", tmp_path / "a.bin"])
    assert before == model_identity("m", [tmp_path / "a.bin", tmp_path / "b.tsv"])
    (tmp_path / "b.tsv").write_bytes(b"wordz")
    assert model_identity("m", [tmp_path / "a.bin", tmp_path / "b.tsv"]).sha256 != before.sha256


def test_a_learned_boilerplate_model_is_named_in_the_trace(tmp_path):
    model = tmp_path / "boilerplate.json"
    model.write_text('{"sources": {"example.com": ["تابعونا على تويتر"]}}', encoding="utf-8")
    pipeline = build_pipeline([("clean.auto.v2", {"boilerplate": str(model)})])
    (entry,) = pipeline(RawPage(ARTICLE)).trace
    assert [m.name for m in entry.models] == ["boilerplate boilerplate.json"]



def test_what_lives_when_a_pipeline_is_built_leaves_the_collectors_walks():
    loaded = [{"a lexicon row": ["made before the build"]}]
    build_pipeline(["clean.auto.v2", "segment.sentences.v1"])
    assert gc.get_freeze_count() > 0
    assert not any(o is loaded for o in gc.get_objects())

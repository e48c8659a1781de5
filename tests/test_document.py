"""Offset invariants and the lossless JSON round trip, as property tests."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import RawPage
from khabar.document import (
    SCHEMA_VERSION,
    Document,
    Entity,
    Mention,
    ModelRef,
    Offsets,
    Quote,
    Role,
    TraceEntry,
)

_WORDS = ["قال", "الوزير", "إن", "الحكومة", "ستعلن", "خطة", "جديدة", "لدعم", "الزراعة", "في",
          "الأسبوع", "المقبل", "2.4", "مليون", "«نعم»", '"لا"', "،", "؟", "تحديات", "مـــصر", "مُحَمَّد"]
_line = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25).map(" ".join)
_page = st.lists(_line, min_size=1, max_size=12).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(_page)
def test_every_span_lies_inside_the_text_and_the_json_round_trips(batch_pipeline, page_text):
    doc = batch_pipeline(RawPage(page_text.encode("utf-8"), format="text"))
    assert Document.from_json(doc.to_json()) == doc
    if doc.status != "ok":
        assert doc.reason is not None and doc.reason.code
        return
    spans = list(doc.paragraphs) + list(doc.sentences)
    for span in spans:
        assert 0 <= span.start < span.end <= len(doc.text)
        assert doc.text[span.start:span.end].strip() == doc.text[span.start:span.end]
    paragraphs = list(doc.paragraphs)
    for before, after in zip(paragraphs, paragraphs[1:]):
        assert before.end <= after.start
    for sentence in doc.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in paragraphs)


def test_document_is_frozen():
    doc = Document(id="x", text="نص")
    try:
        doc.text = "آخر"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("Document must be frozen")


def test_json_keeps_arabic_readable_and_round_trips_nested_records():
    doc = Document(
        id="d1", text="قال كارتر إن العلاقة قوية",
        entities=(Entity("e1", "PER", "آشتون كارتر", (Mention(4, 9, "ner.crf.v2", 0.93),),
                         (Role("وزير الدفاع", "الولايات المتحدة", Offsets(0, 3)),)),),
        quotes=(Quote("e1", "كارتر", Offsets(0, 3), Offsets(13, 25), False),),
    )
    text = doc.to_json()
    assert "كارتر" in text and "\\u" not in text
    assert Document.from_json(text) == doc


def test_json_has_the_documented_top_level_keys():
    keys = list(Document(id="x").to_dict())
    assert keys[:6] == ["id", "text", "title", "source", "published", "paragraphs"]
    assert {"sentences", "entities", "quotes", "events", "dates", "quantities", "status",
            "warnings", "trace"} <= set(keys)


def test_every_document_carries_its_schema_version_and_an_old_record_reads_as_version_1():
    data = Document(id="x").to_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    del data["schema_version"]
    assert Document.from_dict(data).schema_version == 1


def test_trace_models_round_trip_through_json():
    doc = Document(id="x", trace=(TraceEntry("ner.crf.v2", "2", (ModelRef("ner", "ab" * 32),)),))
    assert Document.from_json(doc.to_json()) == doc
    assert doc.to_dict()["trace"] == [
        {"stage": "ner.crf.v2", "version": "2", "models": [{"name": "ner", "sha256": "ab" * 32}], "removed": []}]


def test_the_readers_trace_entry_says_which_lines_it_removed_and_why():
    from khabar.api import load_pipeline
    from khabar.inputs import RawPage

    page = ("الرئيسية | أخبار | رياضة | اتصل بنا\n"
            "افتتاح مكتبة عامة جديدة في وسط المدينة\n"
            "افتتحت البلدية صباح اليوم مكتبة عامة جديدة في وسط المدينة تضم آلاف الكتب والمراجع، "
            "وقال رئيس البلدية إن المكتبة ستفتح أبوابها للجميع طوال أيام الأسبوع.\n"
            "تابعونا على فيسبوك تويتر إنستغرام\n")
    doc = load_pipeline(policy="raise")(RawPage(page.encode("utf-8"), format="text", encoding="utf-8"))
    reader = doc.trace[0]
    assert reader.stage == "clean.auto.v2" and doc.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
    removed = {entry.line: entry.reason for entry in reader.removed}
    assert 1 in removed and 4 in removed and 3 not in removed
    assert Document.from_json(doc.to_json()).trace == doc.trace

"""Stage events.cameo.v1: registration, contract and what it adds to a Document."""

import pytest

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.events import EventCoder
from khabar.pipeline import registered_stages
from khabar.stages import events as events_stage


def _doc(text):
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    return Document(id="t", text=text, sentences=sentences, published="2024-05-02")


def test_stage_is_registered_with_its_contract():
    spec = registered_stages()["events.cameo.v1"]
    assert spec.requires == frozenset({"sentences"})
    assert spec.produces == frozenset({"events"})
    assert spec.factory is events_stage.make_events


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("اعتقلت الشرطة المصرية عشرات الطلاب أمس.", "173", "EGYCOP", "EDU"),
        ("استقبل الملك الأردني وزير الخارجية الأمريكي.", "043", "JORGOV", "USAGOV"),
    ],
)
def test_stage_adds_events_and_leaves_the_input_unchanged(text, cameo, source, target):
    doc = _doc(text)
    result = events_stage.make_events()(doc)
    assert doc.events == ()
    assert result.text == doc.text and result.sentences == doc.sentences
    event = result.events[0]
    assert (event.cameo, event.source.code, event.target.code) == (cameo, source, target)
    assert event.stage == "events.cameo.v1"


def test_stage_min_confidence_drops_weak_events():
    doc = _doc("وتركزت مطالب المتظاهرين على تحسين الأجور.")
    assert events_stage.make_events(classifier=False)(doc).events
    assert events_stage.make_events(classifier=False, min_confidence=0.9)(doc).events == ()


@pytest.mark.parametrize(
    "text",
    [
        "وتركزت مطالب المتظاهرين على تحسين الأجور.",
        "ويرى الكاتب أن المظاهرات لن تغير شيئا في سياسة الحكومة.",
    ],
)
def test_stage_classifier_drops_protest_words_that_report_no_protest(text):
    doc = _doc(text)
    assert any(e.plover == "PROTEST" for e in events_stage.make_events(classifier=False)(doc).events)
    assert not any(e.plover == "PROTEST" for e in events_stage.make_events()(doc).events)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("تظاهر آلاف الطلاب أمس أمام مقر الحكومة في القاهرة احتجاجا على رفع الأسعار.", "PROTEST"),
        ("قتل مسلحون مجهولون ثلاثة جنود في هجوم على حاجز للجيش شمال بغداد أمس.", "ASSAULT"),
    ],
)
def test_stage_classifier_keeps_reported_events_with_its_score(text, plover):
    doc = _doc(text)
    kept = [e for e in events_stage.make_events()(doc).events if e.plover == plover]
    lexicon = [e for e in events_stage.make_events(classifier=False)(doc).events if e.plover == plover]
    assert kept and len(kept) == len(lexicon)
    assert [e.cameo for e in kept] == [e.cameo for e in lexicon]
    assert all(e.confidence >= 0.9 for e in kept)


@pytest.mark.parametrize(
    "text",
    [
        "استقبل الملك الأردني وزير الخارجية الأمريكي.",
        "اعتقلت الشرطة المصرية عشرات الطلاب أمس.",
    ],
)
def test_stage_classifier_leaves_other_categories_as_the_lexicon_coded_them(text):
    doc = _doc(text)
    assert events_stage.make_events()(doc).events == events_stage.make_events(classifier=False)(doc).events


@pytest.mark.parametrize(
    "text",
    [
        "اعتقلت الشرطة المصرية عشرات الطلاب أمس.",
        "تظاهر آلاف الطلاب أمس أمام مقر الحكومة في القاهرة احتجاجا على رفع الأسعار.",
    ],
)
def test_stage_without_classifier_is_the_lexicon_coder(text):
    doc = _doc(text)
    assert events_stage.make_events(classifier=False)(doc).events == EventCoder()(doc)


def test_stage_output_survives_the_json_round_trip():
    result = events_stage.make_events()(_doc("قصفت الطائرات الإسرائيلية مواقع حركة حماس في غزة."))
    assert result.events
    assert Document.from_json(result.to_json()) == result

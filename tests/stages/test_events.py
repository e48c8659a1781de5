"""Stage events.cameo.v1: registration, contract and what it adds to a Document."""

import pytest

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.pipeline import registered_stages
from khabar.stages import events as events_stage


def _doc(text):
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    return Document(id="t", text=text, sentences=sentences, published="2024-05-02")


def test_stage_is_registered_with_its_contract():
    spec = registered_stages()["events.cameo.v1"]
    assert spec.requires == frozenset({"sentences"})
    assert spec.produces == frozenset({"events"})
    assert spec.factory is events_stage.make


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("اعتقلت الشرطة المصرية عشرات الطلاب أمس.", "173", "EGYCOP", "EDU"),
        ("استقبل الملك الأردني وزير الخارجية الأمريكي.", "043", "JORGOV", "USAGOV"),
    ],
)
def test_stage_adds_events_and_leaves_the_input_unchanged(text, cameo, source, target):
    doc = _doc(text)
    result = events_stage.make()(doc)
    assert doc.events == ()
    assert result.text == doc.text and result.sentences == doc.sentences
    event = result.events[0]
    assert (event.cameo, event.source.code, event.target.code) == (cameo, source, target)
    assert event.stage == "events.cameo.v1"


def test_stage_min_confidence_drops_weak_events():
    doc = _doc("وتركزت مطالب المتظاهرين على تحسين الأجور.")
    assert events_stage.make()(doc).events
    assert events_stage.make(min_confidence=0.9)(doc).events == ()


def test_stage_output_survives_the_json_round_trip():
    result = events_stage.make()(_doc("قصفت الطائرات الإسرائيلية مواقع حركة حماس في غزة."))
    assert result.events
    assert Document.from_json(result.to_json()) == result

"""Issue 15 item 3: the learned event confidence (khabar.events.confidence_model, events.cameo.v5)."""

from __future__ import annotations

import json

import pytest

from khabar.cli import main
from khabar.config import default_config_text
from khabar.document import Actor, Document, Entity, Event, Mention, Offsets, Quote, Sentence
from khabar.events.confidence_model import ConfidenceModel, event_features
from tests.conftest import FIXTURES


def _doc(text, entities=(), quotes=(), title=None):
    return Document(id="d", text=text, title=title, sentences=(Sentence(0, len(text)),),
                    entities=entities, quotes=quotes)


def _span(text, word):
    start = text.index(word)
    return Offsets(start, start + len(word))


def _person(text, eid, name):
    span = _span(text, name)
    return Entity(eid, "PER", name, (Mention(span.start, span.end),))


def _event(text, word, cameo, source_name, code, entity=None):
    span = _span(text, source_name)
    return Event(cameo=cameo, plover=None, source=Actor(code, source_name, entity, span),
                 target=None, trigger=_span(text, word), sentence=Offsets(0, len(text)),
                 confidence=0.7)


VERB_FIRST = "أدان وزير الخارجية سامي النوري أمس الهجوم على قرية الزهراء."
SOURCE_FAR = "قال سامي النوري، بعد لقائه ماهر الخطيب في العاصمة، إن بلاده استقبلت الوفد."
NEGATED = "ولم تقصف الطائرات الحربية القرية إذا صح ما قاله الشهود."


@pytest.mark.parametrize(("text", "word", "cameo", "source", "expected"), [
    # a verb-first sentence: the source right after the trigger, a marker of the article's days
    (VERB_FIRST, "أدان", "111", "سامي النوري",
     {"root=11": 1.0, "kind=speech/entity": 1.0, "trigger_word=0": 1.0, "sentence=0": 1.0,
      "source_type=PER": 1.0, "source_code=country_sector": 1.0, "distance=after_1-2": 1.0,
      "recent_marker": 1.0, "negation_near": 0.0, "in_headline": 1.0, "raw_score": 0.7}),
    # the source well before the trigger, a clause break and another person between them
    (SOURCE_FAR, "استقبلت", "042", "سامي النوري",
     {"distance=before_6+": 1.0, "break_between": 1.0, "entity_between": 1.0,
      "trigger_word=6+": 1.0, "recent_marker": 0.0, "in_headline": 0.0}),
    # a negation just before the trigger, a condition after it, no entity as source
    (NEGATED, "تقصف", "195", "الطائرات الحربية",
     {"negation_near": 1.0, "condition": 1.0, "source_type=phrase": 1.0,
      "source_code=sector": 1.0, "distance=after_0": 1.0, "kind=violence/group": 1.0}),
])
def test_features_of_a_written_sentence(text, word, cameo, source, expected):
    entities = tuple(_person(text, f"e{i}", name) for i, name in enumerate(
        ("سامي النوري", "ماهر الخطيب")) if name in text)
    entity = "e0" if source == "سامي النوري" else None
    code = "JORGOV" if entity else "MIL"
    doc = _doc(text, entities, title="الوزير أدان الهجوم على الزهراء")
    features = event_features(doc, _event(text, word, cameo, source, code, entity), verb=True)
    for name, value in expected.items():
        assert features.get(name, 0.0) == value, name


def test_a_source_named_as_a_quote_speaker_is_read_as_one():
    text = "وقال سامي النوري إن الحكومة ترفض الاتهامات."
    quote = Quote(speaker="e0", speaker_text="سامي النوري", cue=_span(text, "وقال"),
                  content=Offsets(text.index("إن"), len(text)), direct=False,
                  speaker_span=_span(text, "سامي النوري"))
    doc = _doc(text, (_person(text, "e0", "سامي النوري"),), (quote,))
    features = event_features(doc, _event(text, "ترفض", "120", "سامي النوري", "JORGOV", "e0"),
                              verb=True)
    assert features["source_is_speaker"] == 1.0 and features["trigger_in_quote"] == 1.0


def test_the_shipped_model_loads_and_gives_confidences_inside_zero_one():
    model = ConfidenceModel.load()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())
    for text, word, cameo, source in ((VERB_FIRST, "أدان", "111", "سامي النوري"),
                                      (NEGATED, "تقصف", "195", "الطائرات الحربية")):
        doc = _doc(text, (_person(text, "e0", "سامي النوري"),) if "سامي" in text else ())
        event = _event(text, word, cameo, source, "JORGOV" if "سامي" in text else "MIL")
        value = model.confidence(event_features(doc, event, verb=True))
        assert 0.0 < value < 1.0
    # a source right before its trigger reads surer than one far after it (the largest weight)
    near = model.confidence({"raw_score": 0.6, "distance=before_0": 1.0})
    far = model.confidence({"raw_score": 0.6, "distance=after_6+": 1.0})
    assert near > far


def _run(capsys, *args):
    try:
        main(list(args))
    except SystemExit as done:
        assert not done.code
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def v4_config(tmp_path_factory):
    """The default config with events.cameo.v4 in place of v5."""
    text = default_config_text()
    assert 'name = "events.cameo.v5"' in text
    path = tmp_path_factory.mktemp("v4") / "v4.toml"
    path.write_text(text.replace('name = "events.cameo.v5"', 'name = "events.cameo.v4"'),
                    encoding="utf-8")
    return path


def test_issue_15_v5_keeps_v4_events_and_min_confidence_filters_them(capsys, v4_config):
    article = str(FIXTURES / "events" / "two_capitals.txt")  # written for this test
    v4 = json.loads(_run(capsys, "events", article, "--format", "json", "--config", str(v4_config)))
    v5 = json.loads(_run(capsys, "events", article, "--format", "json"))
    assert v4 and len(v5) == len(v4)
    same = ("cameo", "trigger_start", "trigger_end", "source_code")
    assert [{k: r.get(k) for k in same} for r in v5] == [{k: r.get(k) for k in same} for r in v4]
    confidences = sorted({r["confidence"] for r in v5})
    assert len(confidences) > 1  # the floor below keeps some events and drops others
    floor = confidences[len(confidences) // 2]
    kept = json.loads(_run(capsys, "events", article, "--format", "json",
                           "--min-confidence", str(floor)))
    assert kept and all(r["confidence"] >= floor for r in kept)
    assert len(kept) == sum(r["confidence"] >= floor for r in v5) < len(v5)


def test_v5_reads_a_bare_title_as_the_person_the_roles_stage_gave_it(capsys):
    # written for this test: the title runs past a place and an honorific to the name
    text = ("استنكر سفير خادم الحرمين الشريفين لدى دولة الكويت الدكتور وليد بن سالم الناصر "
            "الهجوم الإرهابي على المسجد، مؤكدا وقوف المملكة مع الكويت.")
    from khabar.inputs import RawPage
    from khabar import load_pipeline

    doc = load_pipeline()(RawPage(text.encode("utf-8"), format="text", id="t"))
    condemned = [e for e in doc.events if e.cameo.startswith("11")]
    assert condemned, [(e.cameo, e.source) for e in doc.events]
    source = condemned[0].source
    person = next(e for e in doc.entities if e.id == source.entity)
    assert person.type == "PER" and "وليد" in source.name
    assert source.code.startswith("SAU")

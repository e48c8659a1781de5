"""events.cameo.v4 `sourceless`: events of the named PLOVER types kept when no doer is named.

The sentences are written for these tests (fictional news)."""

import pytest

from khabar.document import Document, Sentence
from khabar.errors import ConfigError
from khabar.events.settle import SOURCELESS_CONFIDENCE
from khabar.stages.events import make_events_main

BOMBING = "قتل ثلاثة أشخاص في انفجار سيارة مفخخة قرب سوق المدينة صباح اليوم."
AGAIN = " وأسفر الانفجار عن إصابة عشرة آخرين بجروح."
SECOND = " وبعد ساعة وقع انفجار ثان قرب مدرسة في البلدة."


def _doc(text):
    return Document(id="d", text=text, sentences=(Sentence(0, len(text)),))


@pytest.fixture(scope="module")
def stages():
    return make_events_main(), make_events_main(sourceless=["ASSAULT"])


def test_by_default_an_attack_without_a_doer_is_no_event(stages):
    default, _ = stages
    assert not [e for e in default(_doc(BOMBING)).events if e.plover == "ASSAULT"]


def test_sourceless_keeps_it_without_source_and_capped(stages):
    _, sourceless = stages
    events = [e for e in sourceless(_doc(BOMBING)).events if e.plover == "ASSAULT"]
    assert len(events) == 1
    assert events[0].source is None
    assert events[0].confidence <= SOURCELESS_CONFIDENCE


def test_one_sourceless_incident_per_article_with_the_rest_as_evidence(stages):
    _, sourceless = stages
    doc = Document(id="d", text=BOMBING + AGAIN + SECOND,
                   sentences=(Sentence(0, len(BOMBING)),
                              Sentence(len(BOMBING) + 1, len(BOMBING + AGAIN)),
                              Sentence(len(BOMBING + AGAIN) + 1, len(BOMBING + AGAIN + SECOND))))
    events = [e for e in sourceless(doc).events if e.plover == "ASSAULT"]
    assert len(events) == 1
    assert events[0].trigger.start < len(BOMBING)
    assert any(t.start > len(BOMBING + AGAIN) for t in events[0].evidence)


def test_other_types_still_need_a_source(stages):
    _, sourceless = stages
    doc = _doc("تظاهر في وسط المدينة أمس احتجاجا على رفع الأسعار.")
    assert [e.plover for e in sourceless(doc).events] == \
        [e.plover for e in make_events_main()(doc).events]


def test_an_unknown_type_is_a_config_error():
    with pytest.raises(ConfigError, match="E103"):
        make_events_main(sourceless=["ASSAULTS"])

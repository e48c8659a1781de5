"""The protest/assault sentence classifier: scores, thresholds and the shipped artifact."""

import importlib.resources
import subprocess
import sys
import time

import pytest

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.events import EventCoder
from khabar.events.classifier import (
    DENSE_BLOCKS, MODEL_NAME, MODEL_PACKAGE, SentenceClassifier, WordVectors, dense_features)
from tests.conftest import REPO


@pytest.fixture(scope="module")
def classifier():
    return SentenceClassifier.load()


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def _events(coder, text):
    doc = Document(id="t", text=text,
                   sentences=tuple(Sentence(s, e) for s, e in split_sentences(text)))
    return coder(doc)


@pytest.mark.parametrize(
    ("category", "report", "mention"),
    [
        ("PROTEST",
         "تظاهر آلاف الطلاب أمس أمام مقر الحكومة في القاهرة احتجاجا على رفع الأسعار.",
         "ويرى الكاتب أن المظاهرات لن تغير شيئا في سياسة الحكومة."),
        ("PROTEST",
         "اعتصم مئات العمال صباح اليوم أمام وزارة العمل في عمان للمطالبة بزيادة الأجور.",
         "وتركزت مطالب المتظاهرين على تحسين الأجور."),
        ("ASSAULT",
         "قتل مسلحون مجهولون ثلاثة جنود في هجوم على حاجز للجيش شمال بغداد أمس.",
         "وتحدث التقرير عن سياسة الاغتيالات التي ينتهجها الاحتلال منذ سنوات."),
    ],
)
def test_a_reported_event_scores_higher_than_a_mention_of_the_act(
        classifier, coder, category, report, mention):
    high = classifier.score(report, _events(coder, report), category)
    low = classifier.score(mention, _events(coder, mention), category)
    assert 0.0 <= low < high <= 1.0
    assert high >= classifier.thresholds[category] > low


@pytest.mark.parametrize("category", ["PROTEST", "ASSAULT"])
def test_apply_drops_events_below_the_threshold_and_keeps_other_categories(
        classifier, coder, category):
    text = "ويرى الكاتب أن المظاهرات والاغتيالات لن تغير شيئا، واستقبل الملك الأردني وزير الخارجية."
    events = _events(coder, text)
    assert [e for e in events if e.plover == category]
    assert [e for e in events if e.plover not in ("PROTEST", "ASSAULT")]
    kept = classifier.apply(text, events)
    assert not [e for e in kept if e.plover == category]
    assert [e for e in kept if e.plover not in ("PROTEST", "ASSAULT")] == [
        e for e in events if e.plover not in ("PROTEST", "ASSAULT")]


@pytest.mark.parametrize("suffix", [".npz", ".json"])
def test_the_artifact_is_small(suffix):
    path = importlib.resources.files(MODEL_PACKAGE) / f"{MODEL_NAME}{suffix}"
    assert 0 < len(path.read_bytes()) < 5_000_000


def test_the_artifact_loads_fast_with_both_categories():
    started = time.perf_counter()
    classifier = SentenceClassifier.load()
    assert time.perf_counter() - started < 2.0
    assert set(classifier.thresholds) == {"PROTEST", "ASSAULT"}
    assert all(0.0 < t < 1.0 for t in classifier.thresholds.values())


@pytest.mark.parametrize("module", ["sklearn", "scipy"])
def test_scoring_never_imports_the_training_libraries(module):
    code = ("import sys; from khabar.stages.events import make_events; make_events(); "
            f"sys.exit({module!r} in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def test_the_shipped_models_use_no_dense_blocks_and_load_no_vectors(classifier):
    # The dense blocks were measured and not shipped (docs/events-classifier.md).
    assert classifier.blocks == ()
    assert classifier.vectors is None
    assert all(model.dense.size == 0 for model in classifier.models.values())


@pytest.fixture(scope="module")
def vectors():
    return WordVectors.load()


def test_dense_features_read_trigger_offsets_relative_to_the_sentence(vectors, coder):
    first = "استقبل الملك الأردني وزير الخارجية في عمان."
    second = "تظاهر آلاف الطلاب أمس أمام مقر الحكومة في القاهرة احتجاجا على رفع الأسعار."
    text = f"{first} {second}"
    doc = Document(id="t", text=text,
                   sentences=tuple(Sentence(s, e) for s, e in split_sentences(text)))
    sentence = doc.sentences[-1]
    in_doc = coder.code_sentence(doc, sentence)
    alone = _events(coder, second)
    assert [e for e in in_doc if e.plover == "PROTEST"] and sentence.start > 0
    found = dense_features(second, in_doc, "PROTEST", sentence.start, DENSE_BLOCKS, vectors)
    assert found == pytest.approx(dense_features(second, alone, "PROTEST", 0, DENSE_BLOCKS,
                                                 vectors))
    dims = vectors.dims
    sentence_vector, window, trigger = (found[i * dims:(i + 1) * dims] for i in range(3))
    for block in (sentence_vector, window, trigger):
        assert float((block ** 2).sum()) == pytest.approx(1.0, abs=1e-4)
    assert found[3 * dims:].tolist() == [1.0, 1.0, 0.0, 0.0, 0.0]  # `أمس`, no quantity


def test_the_measures_block_sees_a_count_of_people_near_the_trigger(coder):
    text = "قتل مسلحون 3 جنود في هجوم على حاجز للجيش شمال بغداد."
    found = dense_features(text, _events(coder, text), "ASSAULT", 0, ("measures",), None)
    assert found.tolist() == [0.0, 0.0, 1.0, 1.0, 1.0]


def test_word_vectors_of_unknown_words_are_zero(vectors):
    assert not vectors.mean(["zzqx-not-a-word"]).any()


def test_char_grams_count_repeated_words_in_order_of_first_appearance():
    from khabar.events.classifier import _char_grams

    assert list(_char_grams(["ab", "ab", "c"]).items()) == [
        (" a", 2), ("ab", 2), ("b ", 2), (" ab", 2), ("ab ", 2), (" ab ", 2),
        (" c", 1), ("c ", 1), (" c ", 1)]
    # a gram twice inside one word counts twice, in the place of its first appearance
    assert list(_char_grams(["ابابا"]).items())[:4] == [(" ا", 1), ("اب", 2), ("با", 2), ("ا ", 1)]


def test_memoized_buckets_are_the_hash_buckets_and_stay_bounded():
    from khabar.events.classifier import _Buckets, bucket

    buckets = _Buckets(1024, limit=3)
    keys = ["c: ال", "c:حتج", "l:mine", "c:ين ", "c: ال"]
    assert [buckets[key] for key in keys] == [bucket(key, 1024) for key in keys]
    assert len(buckets) <= 3

"""The convolutional network decoded with the CRF (khabar.ner.neural, stage `ner.neural.v2`)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from threadpoolctl import ThreadpoolController

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.ner import load_tagger
from khabar.ner import neural
from khabar.ner.neural import NeuralModel
from khabar.pipeline import REGISTRY
from khabar.stages.entities import NEURAL_STAGE, make_ner_neural

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
TEST_SPLIT = SHARED / "anercorp" / "ANERCorp_CamelLab_test.txt"
F1_FLOOR_FIRST_200 = 70.0  # the shipped models score higher (docs/ner.md)


def tiny_model(seed: int = 3) -> NeuralModel:
    """A random model: 6 attributes of 4 dims, 3 words with 2-d vectors, 5 channels."""
    rng = np.random.default_rng(seed)
    channels, dims, vector_dims = 5, 4, 2
    return NeuralModel(
        labels=("O", "B-PER", "I-PER"),
        index={name: k + 1 for k, name in enumerate(["a0", "a1", "a2", "G=x", "-1G=y", "a5"])},
        embeddings=np.vstack([np.zeros((1, dims)), rng.normal(size=(6, dims))]).astype(np.float32),
        words={"w0": 0, "w1": 1, "w2": 2},
        vectors=np.vstack([rng.normal(size=(3, vector_dims)), np.zeros((1, vector_dims))])
        .astype(np.float32),
        table=rng.normal(size=(2, dims)).astype(np.float32),
        first=rng.normal(size=(dims + vector_dims, 5 * channels)).astype(np.float32),
        first_bias=rng.normal(size=channels).astype(np.float32),
        second=rng.normal(size=(channels, 3 * channels)).astype(np.float32),
        second_bias=rng.normal(size=channels).astype(np.float32),
        out=rng.normal(size=(channels, 3)).astype(np.float32),
        out_bias=rng.normal(size=3).astype(np.float32),
        transition=rng.normal(size=(3, 3)),
    )


def direct_scores(model: NeuralModel, inputs: np.ndarray) -> np.ndarray:
    """The network on one sentence's input rows, written as plain convolutions."""
    channels = model.channels
    first = model.first.reshape(len(model.first), 5, channels)
    second = model.second.reshape(channels, 3, channels)
    size = len(inputs)
    padded = np.vstack([np.zeros((2, inputs.shape[1])), inputs, np.zeros((2, inputs.shape[1]))])
    hidden = np.array([model.first_bias + sum(padded[t + k] @ first[:, k] for k in range(5))
                       for t in range(size)])
    hidden = np.vstack([np.zeros((1, channels)), np.maximum(hidden, 0), np.zeros((1, channels))])
    top = np.array([model.second_bias + sum(hidden[t + k] @ second[:, k] for k in range(3))
                    for t in range(size)])
    return np.maximum(top, 0) @ model.out + model.out_bias


def test_batched_memoized_scores_equal_plain_convolutions():
    model = tiny_model()
    sentences = [["x", "y", "z", "y"], ["z"], ["y", "x", "q"]]
    own = {"x": ["a0", "a1"], "y": [], "z": ["a2", "unknown"], "q": ["a5"]}  # y: a table word
    folded = {"x": "w2", "y": "w1", "z": "w0", "q": "nothing"}
    words = [[SimpleNamespace(folded=folded[t], own=own[t]) for t in s] for s in sentences]
    matches = [{1: ["G=x", "w=ignored"]}, {}, {0: ["-1G=y"]}]  # list-match attributes
    found = model.scores(sentences, words, lambda token: own[token], matches)

    def row(token: str, extra: list[str]) -> np.ndarray:
        rows = [model.index[a] for a in [*own[token], *extra] if a in model.index]
        summed = (model.table[model.words[folded[token]]] + model.embeddings[rows].sum(axis=0)
                  if not own[token] else model.embeddings[rows].sum(axis=0))
        vector = model.vectors[model.words.get(folded[token], len(model.vectors) - 1)]
        return np.concatenate([summed, vector])

    for sentence, extra, scores in zip(sentences, matches, found, strict=True):
        inputs = np.stack([row(token, [a for a in extra.get(i, []) if "G=" in a[:4]])
                           for i, token in enumerate(sentence)])
        np.testing.assert_allclose(scores, direct_scores(model, inputs), rtol=1e-4, atol=1e-4)


def test_outputs_follow_the_crf_label_order():
    model = tiny_model()
    words = [[SimpleNamespace(folded="w0", own=["a0"]), SimpleNamespace(folded="w1", own=["a1"])]]
    before = model.scores([["p", "q"]], words, list, [{}])[0]
    reordered = model.in_order(("I-PER", "O", "B-PER"))
    after = reordered.scores([["p", "q"]], words, list, [{}])[0]
    np.testing.assert_allclose(after, before[:, [2, 0, 1]], rtol=1e-5)
    assert reordered.transition[0, 1] == model.transition[2, 0]
    with pytest.raises(ValueError):
        model.in_order(("O", "B-LOC", "I-PER"))


def blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in ThreadpoolController().info()
            if pool["user_api"] == "blas"]


def test_network_products_use_one_blas_thread_and_leave_the_setting_as_it_was(monkeypatch):
    model = tiny_model()
    words = [[SimpleNamespace(folded="w0", own=["a0"]), SimpleNamespace(folded="w1", own=["a1"])]]
    seen: list[list[int]] = []
    windows = neural._windows

    def spying(*args):
        seen.append(blas_threads())
        return windows(*args)

    before = blas_threads()
    monkeypatch.setattr(neural, "_windows", spying)
    model.scores([["p", "q"]], words, list, [{}])
    assert seen and all(threads == [1] * len(threads) for threads in seen)
    assert blas_threads() == before


def document(text: str) -> Document:
    return Document(id="t", text=text,
                    sentences=tuple(Sentence(s, e) for s, e in split_sentences(text)))


@pytest.fixture(scope="module")
def find_mentions():
    return make_ner_neural()


def mentions(doc: Document) -> list[tuple[str, str]]:
    return [(e.type, doc.text[e.mentions[0].start : e.mentions[0].end]) for e in doc.entities]


@pytest.mark.parametrize(("text", "expected"), [
    ("قال وزير الدفاع الأمريكي، آشتون كارتر، إن بلاده ستواصل دعم حلفائها.", ("PER", "آشتون كارتر")),
    ("وصل الوفد إلى بالعراق أمس.", ("LOC", "العراق")),
])
def test_neural_stage_finds_entities(find_mentions, text, expected):
    doc = find_mentions(document(text))
    assert expected in mentions(doc)
    assert all(e.mentions[0].stage == NEURAL_STAGE for e in doc.entities)


def test_neural_stage_is_registered_with_its_contract():
    spec = REGISTRY[NEURAL_STAGE]
    assert spec.requires == frozenset({"sentences"})
    assert spec.produces == frozenset({"entities.mentions"})


def test_tag_and_tag_many_agree():
    tagger = load_tagger(neural=True)
    sentences = [["قال", "آشتون", "كارتر", "."], ["وصل", "إلى", "بغداد", "."]]
    assert [tagger.tag(s) for s in sentences] == tagger.tag_many(sentences)


@pytest.mark.shared
@pytest.mark.slow
def test_neural_f1_on_first_200_test_sentences_stays_above_floor():
    if not TEST_SPLIT.exists():
        pytest.skip(f"needs the shared data folder ({TEST_SPLIT.name} not found)")
    from eval.ner import evaluate

    assert evaluate(TEST_SPLIT, limit=200, neural=True).overall.f1 >= F1_FLOOR_FIRST_200

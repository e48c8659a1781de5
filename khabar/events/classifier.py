"""Sentence classifier for protest and assault events: does this sentence report one?

The lexicon coder finds protest (CAMEO 14x) and assault (18x, 19x, 20x) vocabulary wherever it
occurs; news sentences use that vocabulary for background, demands, opinions and plans as often
as for a report of a new event. This linear model scores a sentence for one category from
hashed character and word n-grams of its folded text plus features of the coder's own events
(trigger codes, actors, planned or hedged acts) and surface cues (quote marks, numbers, dates).

Scoring is pure NumPy; the weights come from `train/events/train_classifier.py` and live in
`khabar/models/events/` (docs/events-classifier.md).

    classifier = SentenceClassifier.load()
    classifier.score(sentence_text, sentence_events, "PROTEST")   # 0..1
    classifier.apply(sentence_text, sentence_events)   # rescored events
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from khabar.arabic import fold, tokenize
from khabar.document import Event

CATEGORIES = ("PROTEST", "ASSAULT")
MODEL_PACKAGE = "khabar.models.events"
MODEL_NAME = "sentence_classifier"

_QUOTES = frozenset('«»"“”')
_SPEECH = frozenset(fold(w) for w in "قال قالت وقال وقالت أضاف وأضاف أكد وأكد أكدت وأكدت "
                    "اعتبر واعتبر رأى ورأى يرى ترى".split())
_CONCRETE = frozenset(fold(w) for w in (
    "آلاف ألوف الآلاف عشرات العشرات مئات المئات حشود أمس اليوم الليلة مساء صباح فجر ظهر"
    " السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة").split())
_PAST_MARKERS = frozenset(fold(w) for w in "منذ عام العام الماضي سنوات أشهر خلال".split())
_DIGITS = re.compile(r"[0-9٠-٩]")


def sentence_features(text: str, events: Sequence[Event], category: str) -> Features:
    """Features of one sentence for one category (before hashing).

    `text` is the sentence as written; `events` are the coder's events of that sentence, all
    categories, with their lexicon confidence; `category` is a PLOVER type of CATEGORIES.
    """
    folded = fold(text)
    words = [t.text for t in tokenize(folded, 0, len(folded)) if t.kind == "word"]
    mine = [e for e in events if e.plover == category]
    others = [e for e in events if e.plover != category]
    lexical = {
        "mine": 1.0 if mine else 0.0,
        "others": 1.0 if others else 0.0,
        "count": min(len(mine), 3) / 3,
        "confidence": max((e.confidence for e in mine), default=0.0),
        "source": 1.0 if any(e.source for e in mine) else 0.0,
        "target": 1.0 if any(e.target for e in mine) else 0.0,
        "quote": 1.0 if any(ch in _QUOTES for ch in text) else 0.0,
        "speech": 1.0 if any(w in _SPEECH for w in words) else 0.0,
        "concrete": min(sum(w in _CONCRETE for w in words), 3) / 3,
        "past": 1.0 if any(w in _PAST_MARKERS for w in words) else 0.0,
        "digits": 1.0 if _DIGITS.search(text) else 0.0,
        "length": min(len(words), 80) / 80,
        "first": 1.0 if mine and _first_words(text, mine) else 0.0,
    }
    named = {name: value for name, value in lexical.items() if value}
    for event in mine:
        named["code:" + event.cameo] = 1.0
        named["root:" + event.cameo[:2]] = 1.0
    return Features(grams=_char_grams(words), lexical=named)


@dataclass(frozen=True, slots=True)
class Features:
    """Character n-gram counts (weighted by TF-IDF at scoring) and named lexical values."""

    grams: dict[str, int]
    lexical: dict[str, float]


def bucket(key: str, size: int) -> int:
    """Hash bucket of a feature name (CRC-32, stable across runs and platforms)."""
    return zlib.crc32(key.encode("utf-8")) % size


def vector(features: Features, idf: np.ndarray,
           bucket_of: Callable[[str], int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(bucket indices, values): the l2-normalized TF-IDF of the n-grams (tf = 1 + ln count,
    summed over n-grams sharing a bucket), then the lexical values; buckets with idf 0 (unseen
    or too rare in training) drop out. Indices are unique and sorted.

    `bucket_of(key)` may replace `bucket(key, len(idf))`, e.g. with a memoized version.
    """
    bucket_of = bucket_of or functools.partial(bucket, size=int(idf.shape[0]))
    n = len(features.grams) + len(features.lexical)
    indices = np.empty(n, dtype=np.int64)
    values = np.empty(n, dtype=np.float64)
    for i, (gram, count) in enumerate(features.grams.items()):
        indices[i] = bucket_of("c:" + gram)
        values[i] = count
    grams = len(features.grams)
    values[:grams] = 1.0 + np.log(values[:grams])
    values[:grams] *= idf[indices[:grams]]
    norm = math.sqrt(float(values[:grams] @ values[:grams])) or 1.0
    values[:grams] /= norm
    for i, (name, value) in enumerate(features.lexical.items(), start=grams):
        indices[i] = bucket_of("l:" + name)
        values[i] = value
    unique, inverse = np.unique(indices, return_inverse=True)
    summed = np.bincount(inverse, weights=values, minlength=len(unique))
    keep = summed != 0
    return unique[keep], summed[keep]


def _char_grams(words: Iterable[str], low: int = 2, high: int = 5) -> dict[str, int]:
    """Counts of character n-grams inside words padded with spaces (scikit-learn's char_wb)."""
    grams: dict[str, int] = {}
    for word in words:
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                gram = padded[i:i + n]
                grams[gram] = grams.get(gram, 0) + 1
    return grams


def _first_words(text: str, events: Sequence[Event]) -> bool:
    """The earliest trigger is among the first five words of the sentence (a lead report)."""
    start = min(e.sentence.start for e in events)
    first = min(e.trigger.start for e in events) - start
    return len(text[:max(first, 0)].split()) < 5


@dataclass(frozen=True)
class Model:
    """One category's linear model: per-bucket idf and weights, intercept, threshold."""

    idf: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float
    # N-grams repeat across sentences: memoize their buckets per model, bounded.
    _bucket: Callable[[str], int] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cached = functools.lru_cache(maxsize=500_000)(
            functools.partial(bucket, size=int(self.idf.shape[0])))
        object.__setattr__(self, "_bucket", cached)

    def score(self, features: Features) -> float:
        indices, x = vector(features, self.idf, self._bucket)
        z = float(self.weights[indices] @ x) + self.intercept
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class SentenceClassifier:
    """Per-category models (PROTEST, ASSAULT); thresholds chosen by cross-validation."""

    models: dict[str, Model]

    @property
    def thresholds(self) -> dict[str, float]:
        return {category: model.threshold for category, model in self.models.items()}

    @classmethod
    def load(cls) -> SentenceClassifier:
        """The model shipped in the package (khabar/models/events/)."""
        folder = resources.files(MODEL_PACKAGE)
        meta = json.loads((folder / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
        with (folder / f"{MODEL_NAME}.npz").open("rb") as handle, np.load(handle) as arrays:
            models = {
                category: Model(
                    idf=arrays[f"{category}_idf"].astype(np.float32),
                    weights=arrays[f"{category}_weights"].astype(np.float32),
                    intercept=float(meta["models"][category]["intercept"]),
                    threshold=float(meta["models"][category]["threshold"]),
                )
                for category in meta["models"]
            }
        return cls(models=models)

    def score(self, text: str, events: Sequence[Event], category: str) -> float:
        """Score (0..1) that the sentence `text` reports a new event of `category`."""
        return self.models[category].score(sentence_features(text, events, category))

    def apply(self, text: str, events: Sequence[Event]) -> list[Event]:
        """`events` of one sentence (`text`) with protest and assault events rescored.

        Each PROTEST or ASSAULT event takes the sentence's score for its category as its
        confidence, and is dropped when that score is below the category's threshold; events
        of other categories pass unchanged.
        """
        scores = {category: self.score(text, events, category)
                  for category in {e.plover for e in events} & set(self.models)}
        kept = []
        for event in events:
            score = scores.get(event.plover)
            if score is None:
                kept.append(event)
            elif score >= self.models[event.plover].threshold:
                kept.append(dataclasses.replace(event, confidence=round(score, 2)))
        return kept

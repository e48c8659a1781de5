"""Sentence classifier for protest and assault events: does this sentence report one?

The lexicon coder finds protest (CAMEO 14x) and assault (18x, 19x, 20x) vocabulary wherever it
occurs; news sentences use that vocabulary for background, demands, opinions and plans as often
as for a report of a new event. This linear model scores a sentence for one category from
hashed character and word n-grams of its folded text plus features of the coder's own events
(trigger codes, actors, planned or hedged acts) and surface cues (quote marks, numbers, dates).
An artifact may also name dense blocks (mean word vectors of the sentence, of the words around
the triggers and of the triggers; date and quantity cues); they were measured and are not in the
shipped model (docs/events-classifier.md), so it loads no vectors.

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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain

import numpy as np

from khabar.arabic import fold, tokenize
from khabar.document import Event
from khabar.measures.dates import find_dates
from khabar.measures.numbers import find_quantities

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


# Dense blocks that may follow the hashed features, in this order (the artifact names the ones
# its models use): mean word vectors of the sentence, of the words around the category's
# triggers and of the trigger words, then date and quantity cues.
DENSE_BLOCKS = ("sentence_vector", "window_vector", "trigger_vector", "measures")
WINDOW = 3  # words each side of a trigger for window_vector
NEAR = 5  # words from a trigger for a date or a quantity to count as near it
_PEOPLE = frozenset(fold(w) for w in (
    "شخص أشخاص شخصا متظاهر متظاهرا متظاهرين المتظاهرين محتج محتجا محتجين قتيل قتيلا قتلى"
    " جريح جريحا جرحى مصاب مصابا مصابين شهيد شهيدا شهداء طالب طالبا طلاب عامل عاملا عمال"
    " مواطن مواطنا مواطنين جندي جنديا جنود عنصر عنصرا عناصر").split())


@dataclass(frozen=True)
class WordVectors:
    """The PPMI-SVD word vectors of the NER model (train/ner/clusters.py): the int8 copy in
    khabar/models/ner/neural.npz, rows in the order of the cluster table's words."""

    index: dict[str, int]
    table: np.ndarray  # int8, one row per word
    inverse: np.ndarray  # 1 / row norm (float32)

    @classmethod
    def load(cls) -> WordVectors:
        from khabar.ner.features import load_clusters
        from khabar.ner.neural import words_checksum
        from khabar.ner.tagger import CLUSTER_FILE, MODEL_DIR, NEURAL_FILE

        words = load_clusters(MODEL_DIR / CLUSTER_FILE).counts.words()
        with np.load(MODEL_DIR / NEURAL_FILE) as data:
            count = int(data["vector_count"])
            if words_checksum(words[:count]) != int(data["words_checksum"]):
                raise ValueError("the NER word vectors do not match the cluster table")
            table = data["vectors"]
        norms = np.linalg.norm(table.astype(np.float32), axis=1)
        return cls(dict(zip(words[:count], range(count))), table,
                   (1.0 / np.maximum(norms, 1e-9)).astype(np.float32))

    @property
    def dims(self) -> int:
        return int(self.table.shape[1])

    def mean(self, words: Iterable[str]) -> np.ndarray:
        """The l2-normalized mean of the known words' unit vectors (zeros if none is known)."""
        rows = [row for w in words if (row := self.index.get(w)) is not None]
        if not rows:
            return np.zeros(self.dims, dtype=np.float32)
        unit = self.table[rows].astype(np.float32) * self.inverse[rows, None]
        mean = unit.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else mean


def dense_features(text: str, events: Sequence[Event], category: str, offset: int,
                   blocks: Sequence[str], vectors: WordVectors | None) -> np.ndarray:
    """The dense `blocks` (of DENSE_BLOCKS) of one sentence for one category, concatenated.

    `offset` is where `text` starts in the text the events' offsets index.
    """
    tokens = [t for t in tokenize(text, 0, len(text)) if t.kind == "word"]
    words = [fold(t.text) for t in tokens]
    mine = [e for e in events if e.plover == category]
    triggers = sorted({i for i, t in enumerate(tokens) for e in mine
                       if t.start < e.trigger.end - offset and e.trigger.start - offset < t.end})
    found = []
    for block in blocks:
        if block == "measures":
            found.append(_measures(text, tokens, triggers))
            continue
        assert vectors is not None, "vector blocks need the word vectors"
        if block == "sentence_vector":
            found.append(vectors.mean(words))
        elif block == "window_vector":
            window = sorted({j for i in triggers
                             for j in range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1))})
            found.append(vectors.mean(words[j] for j in window))
        elif block == "trigger_vector":
            found.append(vectors.mean(words[i] for i in triggers))
        else:
            raise ValueError(f"unknown dense block {block!r}")
    return np.concatenate(found) if found else np.zeros(0)


def _measures(text: str, tokens: Sequence, triggers: Sequence[int]) -> np.ndarray:
    """Any date; a date near a trigger; any quantity; one near a trigger; a count of people."""
    dates = [(d.start, d.end) for d in find_dates(text, 0, len(text), None) if not d.skipped]
    quantities = [q for q in find_quantities(text, 0, len(text))
                  if not any(s < q.end and q.start < e for s, e in dates)]

    def near(position: int) -> bool:
        i = next((i for i, t in enumerate(tokens) if position < t.end), len(tokens))
        return any(abs(i - t) <= NEAR for t in triggers)

    return np.array([
        1.0 if dates else 0.0,
        1.0 if any(near(s) for s, _ in dates) else 0.0,
        1.0 if quantities else 0.0,
        1.0 if any(near(q.start) for q in quantities) else 0.0,
        1.0 if any(q.unit and fold(q.unit) in _PEOPLE for q in quantities) else 0.0,
    ], dtype=np.float32)


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
    grams, n = len(features.grams), len(features.grams) + len(features.lexical)
    indices = np.empty(n, dtype=np.int64)
    values = np.empty(n, dtype=np.float64)
    # filled whole, not element by element from Python (the same numbers, a fraction of the steps)
    indices[:grams] = np.fromiter(map(bucket_of, ["c:" + gram for gram in features.grams]),
                                  np.int64, grams)
    values[:grams] = np.fromiter(features.grams.values(), np.float64, grams)
    values[:grams] = 1.0 + np.log(values[:grams])
    values[:grams] *= idf[indices[:grams]]
    norm = math.sqrt(float(values[:grams] @ values[:grams])) or 1.0
    values[:grams] /= norm
    indices[grams:] = np.fromiter(map(bucket_of, ["l:" + name for name in features.lexical]),
                                  np.int64, n - grams)
    values[grams:] = np.fromiter(features.lexical.values(), np.float64, n - grams)
    unique, inverse = np.unique(indices, return_inverse=True)
    summed = np.bincount(inverse, weights=values, minlength=len(unique))
    keep = summed != 0
    return unique[keep], summed[keep]


def _char_grams(words: Iterable[str], low: int = 2, high: int = 5) -> dict[str, int]:
    """Counts of character n-grams inside words padded with spaces (scikit-learn's char_wb), in
    the order they first appear (counted by Counter, in C: a sentence holds hundreds)."""
    return dict(Counter(chain.from_iterable(_word_grams(word, low, high) for word in words)))


@functools.lru_cache(maxsize=50_000)
def _word_grams(word: str, low: int, high: int) -> tuple[str, ...]:
    """One word's n-grams, shortest first, each as often as it occurs (words repeat: memoized,
    as plain tuples the garbage collector stops walking)."""
    padded = f" {word} "
    return tuple(padded[i:i + n] for n in range(low, high + 1)
                 for i in range(len(padded) - n + 1))


def _first_words(text: str, events: Sequence[Event]) -> bool:
    """The earliest trigger is among the first five words of the sentence (a lead report)."""
    start = min(e.sentence.start for e in events)
    first = min(e.trigger.start for e in events) - start
    return len(text[:max(first, 0)].split()) < 5


class _Buckets(dict):
    """Memoized `bucket(key, size)` by key: a hit is one dictionary lookup, in C, where an
    lru_cache cost three times as much (a sentence looks up hundreds of n-grams). Bounded:
    when full it starts over."""

    def __init__(self, size: int, limit: int = 500_000) -> None:
        super().__init__()
        self.size, self.limit = size, limit

    def __missing__(self, key: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        found = self[key] = bucket(key, self.size)
        return found


@dataclass(frozen=True)
class Model:
    """One category's linear model: per-bucket idf and weights, weights of the dense blocks
    (empty without them), intercept, threshold."""

    idf: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float
    dense: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0, np.float32))
    # N-grams repeat across sentences: memoize their buckets per model, bounded.
    _bucket: Callable[[str], int] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_bucket", _Buckets(int(self.idf.shape[0])).__getitem__)

    def score(self, features: Features, dense: np.ndarray | None = None) -> float:
        indices, x = vector(features, self.idf, self._bucket)
        z = float(self.weights[indices] @ x) + self.intercept
        if self.dense.size:
            z += float(self.dense @ dense)
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class SentenceClassifier:
    """Per-category models (PROTEST, ASSAULT); thresholds chosen by cross-validation.

    `blocks` names the dense blocks (DENSE_BLOCKS) the models use after the hashed features;
    `vectors` are the word vectors they need (None without vector blocks).
    """

    models: dict[str, Model]
    blocks: tuple[str, ...] = ()
    vectors: WordVectors | None = None

    @property
    def thresholds(self) -> dict[str, float]:
        return {category: model.threshold for category, model in self.models.items()}

    @classmethod
    def load(cls) -> SentenceClassifier:
        """The model shipped in the package (khabar/models/events/)."""
        folder = resources.files(MODEL_PACKAGE)
        meta = json.loads((folder / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
        blocks = tuple(meta.get("dense_blocks", ()))
        with (folder / f"{MODEL_NAME}.npz").open("rb") as handle, np.load(handle) as arrays:
            models = {
                category: Model(
                    idf=arrays[f"{category}_idf"].astype(np.float32),
                    weights=arrays[f"{category}_weights"].astype(np.float32),
                    intercept=float(meta["models"][category]["intercept"]),
                    threshold=float(meta["models"][category]["threshold"]),
                    dense=arrays[f"{category}_dense"].astype(np.float32)
                    if blocks else np.zeros(0, np.float32),
                )
                for category in meta["models"]
            }
        vectors = WordVectors.load() if any(b.endswith("_vector") for b in blocks) else None
        return cls(models=models, blocks=blocks, vectors=vectors)

    def score(self, text: str, events: Sequence[Event], category: str) -> float:
        """Score (0..1) that the sentence `text` reports a new event of `category`."""
        dense = None
        if self.blocks:
            offset = events[0].sentence.start if events else 0
            dense = dense_features(text, events, category, offset, self.blocks, self.vectors)
        return self.models[category].score(sentence_features(text, events, category), dense)

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

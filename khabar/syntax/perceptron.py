"""The averaged perceptron behind the tagger, the labeller and the parser's transitions.

Training keeps one weight vector per feature string (numpy, one column per class) and the
running sum needed for averaging (Daumé's trick: averaged = w - u / c). `compact()` turns the
averaged weights into a `Weights` table: a feature -> row dictionary over one float32 matrix,
with the features whose weights stayed all zero dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Weights:
    """Averaged weights ready for prediction: `rows[feature]` indexes `matrix`."""

    classes: tuple[str, ...]
    rows: dict[str, int]
    matrix: np.ndarray

    def scores(self, features: Sequence[str]) -> np.ndarray:
        found = [r for r in map(self.rows.get, features) if r is not None]
        if not found:
            return np.zeros(len(self.classes), dtype=np.float32)
        return self.matrix[found].sum(axis=0)

    def best(self, features: Sequence[str]) -> str:
        return self.classes[int(np.argmax(self.scores(features)))]


class Trainer:
    """An averaged perceptron being trained."""

    def __init__(self, classes: Sequence[str]):
        self.classes = tuple(classes)
        self.index = {c: i for i, c in enumerate(self.classes)}
        self._w: dict[str, np.ndarray] = {}
        self._u: dict[str, np.ndarray] = {}
        self._seen = 1

    def scores(self, features: Sequence[str]) -> np.ndarray:
        total = np.zeros(len(self.classes))
        w = self._w
        for f in features:
            vector = w.get(f)
            if vector is not None:
                total += vector
        return total

    def best(self, features: Sequence[str]) -> str:
        return self.classes[int(np.argmax(self.scores(features)))]

    def update(self, features: Sequence[str], truth: str, guess: str) -> None:
        """Reward `truth` and penalize `guess` on these features (counts one example)."""
        self._seen += 1
        if truth == guess:
            return
        t, g = self.index[truth], self.index[guess]
        n = len(self.classes)
        for f in features:
            w = self._w.get(f)
            if w is None:
                w = self._w[f] = np.zeros(n)
                self._u[f] = np.zeros(n)
            u = self._u[f]
            w[t] += 1.0
            w[g] -= 1.0
            u[t] += self._seen
            u[g] -= self._seen

    def tick(self) -> None:
        """Count one example that made no update (keeps the average honest)."""
        self._seen += 1

    def compact(self, *, threshold: float = 1e-3) -> Weights:
        """The averaged weights, features whose largest weight is under `threshold` dropped."""
        names, vectors = [], []
        for f, w in self._w.items():
            averaged = w - self._u[f] / self._seen
            if np.abs(averaged).max() >= threshold:
                names.append(f)
                vectors.append(averaged)
        matrix = np.array(vectors, dtype=np.float32).reshape(len(vectors), len(self.classes))
        return Weights(self.classes, {f: i for i, f in enumerate(names)}, matrix)

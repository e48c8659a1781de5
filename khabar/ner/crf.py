"""A linear-chain CRF decoder over weights exported from a trained CRFsuite model.

CRFsuite (via python-crfsuite) trains the model; at run time we score with NumPy instead of
handing every attribute string to CRFsuite: each distinct word's attributes are summed into a
small per-label vector once and memoized (khabar.ner.features), so a sentence costs a few
array additions per token plus Viterbi over nine labels. The scores and the decoding are the
ones CRFsuite's first-order model defines (state weights + transition weights, no start or end
transition), so the labels are the same as CRFsuite's.

The exported file (`ner.weights.npz`) holds the labels, the attribute strings (one per line),
the state-weight matrix (attributes × labels) and the transition matrix (labels × labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True, slots=True)
class Weights:
    """State weights by attribute, transition weights, and the label names."""

    labels: tuple[str, ...]
    index: dict[str, int]  # attribute -> row of `state`
    state: np.ndarray  # (attributes + 1, labels): the last row is zeros
    transition: np.ndarray  # (labels, labels): from row to column

    def block(self, parts: list[list[str]]) -> np.ndarray:
        """(len(parts) × labels): the summed state weights of each list of attributes."""
        index = self.index
        rows: list[int] = []
        ends: list[int] = []
        lookup = index.get
        for part in parts:
            rows.extend([row for row in map(lookup, part) if row is not None])
            ends.append(len(rows))
        # One gather and one segmented sum for all parts. The last row of `state` is zeros
        # (see load_weights): it ends the gather, so a trailing empty part sums to zero; an
        # empty part inside gets reduceat's single row instead of a sum, so it is zeroed.
        starts = [0, *ends[:-1]]
        rows.append(len(self.state) - 1)
        block = np.add.reduceat(self.state[rows], starts)
        empty = [k for k, (start, end) in enumerate(zip(starts, ends)) if start == end]
        if empty:
            block[empty] = 0.0
        return block

    def viterbi(self, emissions: np.ndarray) -> list[int]:
        """Best label index sequence for a (tokens × labels) emission matrix."""
        size = len(emissions)
        columns = np.arange(len(self.labels))
        transition = self.transition
        back = []
        score = emissions[0]
        for t in range(1, size):
            candidates = score[:, None] + transition
            best = candidates.argmax(axis=0)
            back.append(best)
            score = candidates[best, columns] + emissions[t]
        path = [int(score.argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1]]))
        path.reverse()
        return path

    def marginals(self, emissions: np.ndarray) -> np.ndarray:
        """P(label at t | sentence) for every token and label (scaled forward-backward)."""
        size = len(emissions)
        state = np.exp(emissions - emissions.max(axis=1, keepdims=True))
        trans = np.exp(self.transition)
        alpha = np.zeros_like(state)
        beta = np.ones_like(state)
        alpha[0] = state[0] / state[0].sum()
        for t in range(1, size):
            a = (alpha[t - 1] @ trans) * state[t]
            alpha[t] = a / a.sum()
        for t in range(size - 2, -1, -1):
            b = trans @ (state[t + 1] * beta[t + 1])
            beta[t] = b / b.sum()
        joint = alpha * beta
        return joint / joint.sum(axis=1, keepdims=True)


def export_weights(crfsuite_model: Path, out: Path) -> None:
    """Write the weights of a trained CRFsuite model to our .npz format."""
    import pycrfsuite  # training-time dependency only

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = tuple(sorted(info.labels, key=lambda label: int(info.labels[label])))
    label_index = {label: i for i, label in enumerate(labels)}
    attributes = sorted({attribute for attribute, _label in info.state_features})
    attribute_index = {a: i for i, a in enumerate(attributes)}
    state = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attribute, label), weight in info.state_features.items():
        state[attribute_index[attribute], label_index[label]] = weight
    transition = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for (source, target), weight in info.transitions.items():
        transition[label_index[source], label_index[target]] = weight
    np.savez_compressed(
        out, labels=np.array("\n".join(labels)), attributes=np.array("\n".join(attributes)),
        state=state, transition=transition,
    )


def load_weights(path: Path) -> Weights:
    """Read weights written by `export_weights`."""
    with np.load(path) as data:
        labels = tuple(str(data["labels"]).split("\n"))
        attributes = str(data["attributes"]).split("\n")
        state = data["state"].astype(np.float64)
        state = np.vstack([state, np.zeros((1, state.shape[1]))])  # the zero row for `block`
        transition = data["transition"]
    return Weights(labels, dict(zip(attributes, range(len(attributes)))), state, transition)


def pad(emissions: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Stack (tokens × labels) matrices into (sentences × longest × labels), zero-padded."""
    lengths = np.array([len(e) for e in emissions])
    batch = np.zeros((len(emissions), int(lengths.max()), emissions[0].shape[1]))
    for row, matrix in enumerate(emissions):
        batch[row, : len(matrix)] = matrix
    return batch, lengths


SMALL_BATCH = 100_000  # padded positions below which one batch is always fine


def batches(lengths: list[int]) -> list[list[int]]:
    """Sentence indexes grouped for `pad`: all in one batch, unless padding every sentence to
    the longest would cost more than four times the tokens themselves (one sentence of 100,000
    words among thousands of short ones: memory and time quadratic in the page). Then sentences
    are grouped by length within a factor of two, so padding at most doubles the work.

    Decoding is per row, so the grouping changes no label.
    """
    if not lengths:
        return []
    if len(lengths) * max(lengths) <= max(4 * sum(lengths), SMALL_BATCH):
        return [list(range(len(lengths)))]
    groups: dict[int, list[int]] = {}
    for index, length in enumerate(lengths):
        groups.setdefault(length.bit_length(), []).append(index)
    return [groups[size] for size in sorted(groups)]


def viterbi_batch(weights: Weights, batch: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """`Weights.viterbi` for many sentences at once: one NumPy step per position, not per token.

    The sentences are taken longest first, so the ones still running at position t are the
    first k rows: each step works on those alone (the same additions and comparisons as
    decoding them one by one), and a finished sentence's back-pointers stay the identity.
    """
    size, longest, labels = batch.shape
    order = np.argsort(-lengths, kind="stable")
    ordered = batch[order]
    running = np.searchsorted(-lengths[order], -np.arange(longest), side="left")
    score = ordered[:, 0].copy()
    back = np.empty((max(longest - 1, 0), size, labels), dtype=np.intp)
    back[:] = np.arange(labels)
    transition = weights.transition
    for t in range(1, longest):
        k = running[t]
        candidates = score[:k, :, None] + transition
        back[t - 1, :k] = candidates.argmax(axis=1)
        score[:k] = candidates.max(axis=1) + ordered[:k, t]
    current = score.argmax(axis=1)
    path = np.empty((size, longest), dtype=np.intp)
    path[:, longest - 1] = current
    rows = np.arange(size)
    for t in range(longest - 1, 0, -1):
        current = back[t - 1][rows, current]
        path[:, t - 1] = current
    paths: list[list[int]] = [[] for _ in range(size)]
    for row, sentence in enumerate(order.tolist()):
        paths[sentence] = path[row, : lengths[sentence]].tolist()
    return paths


def marginals_batch(weights: Weights, batch: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """`Weights.marginals` for many sentences at once; rows past a sentence's end are junk."""
    size, longest, labels = batch.shape
    state = np.exp(batch - batch.max(axis=2, keepdims=True))
    trans = np.exp(weights.transition)
    alpha = np.empty_like(state)
    beta = np.ones_like(state)
    alpha[:, 0] = state[:, 0] / state[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, longest):
        a = (alpha[:, t - 1] @ trans) * state[:, t]
        alpha[:, t] = a / a.sum(axis=1, keepdims=True)
    for t in range(longest - 2, -1, -1):
        b = (state[:, t + 1] * beta[:, t + 1]) @ trans.T
        b /= b.sum(axis=1, keepdims=True)
        beta[:, t] = np.where((t + 1 < lengths)[:, None], b, 1.0)
    joint = alpha * beta
    return joint / joint.sum(axis=2, keepdims=True)

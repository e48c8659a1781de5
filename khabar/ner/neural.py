"""A small convolutional tagger, decoded together with the CRF: its scores, times a weight, are
added to the CRF's emission and transition scores (stage `ner.neural.v2`).

Per token, the input is the sum of learned 64-d embeddings of the token's own CRF attributes
(word, affixes, clitic-stripped forms, shape, clusters, news frequency) and of its list matches,
joined with the word's 100-d distributional vector learned from the unlabelled news (PPMI-SVD,
train/ner/clusters.py). Two convolutions (widths 5 and 3, ReLU) and a linear layer give one score
per label. Trained with a CRF loss in PyTorch (train/ner/neural.py); at run time only NumPy:

- the first convolution is linear in its input, so each distinct token's contribution to the
  five positions it reaches (5 × channels) is computed once, for all new tokens of an article
  in one matrix product, and kept in a memo; the embedding sums of the most frequent news words
  are stored in the model, so those need no attribute strings;
- all sentences of an article then go through the network in one pass, separated by zero rows.

The model file (`neural.npz`) holds the attribute vocabulary, the embeddings (int8, a scale per
row), the word vectors (int8, in the order of the cluster table's words), the layer weights
(float16) and the label transitions.
"""

from __future__ import annotations

import dataclasses
import functools
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from khabar.ner.features import strip_clitics

_MEMO_LIMIT = 50_000  # tokens (each block: 5 × channels floats)
_CONTEXT_PREFIXES = ("G=", "-1G=", "1G=", "win-")
GAP = 2  # zero rows between two sentences: the first convolution reaches two tokens each way


def context_attributes(extra: Sequence[str]) -> list[str]:
    """The sentence-dependent attributes the network sees: list matches and cue windows."""
    return [attribute for attribute in extra if attribute.startswith(_CONTEXT_PREFIXES)]


def words_checksum(words: Sequence[str]) -> int:
    """A checksum of a word list (the cluster table's, which orders the vectors)."""
    return zlib.crc32("\n".join(words).encode("utf-8"))


@dataclass
class NeuralModel:
    """The trained network's weights (see the module docstring) and a per-token memo."""

    labels: tuple[str, ...]
    index: dict[str, int]  # attribute -> row of `embeddings` (row 0: zeros)
    embeddings: np.ndarray  # (attributes + 1, dims) float32
    words: dict[str, int]  # folded word -> row of `vectors` and `table` (the cluster table's)
    vectors: np.ndarray  # (words + 1, vector dims) float32; the last row is zeros
    table: np.ndarray  # (frequent words, dims): their summed own-attribute embeddings
    first: np.ndarray  # (dims + vector dims, 5 × channels): the first convolution, by offset
    first_bias: np.ndarray
    second: np.ndarray  # (channels, 3 × channels)
    second_bias: np.ndarray
    out: np.ndarray  # (channels, labels)
    out_bias: np.ndarray
    transition: np.ndarray  # (labels, labels)
    _ids: dict[str, int] = field(default_factory=dict, repr=False)  # token -> row of _blocks
    _blocks: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32), repr=False)
    _contexts: dict = field(default_factory=dict, repr=False)  # list-match attributes -> block

    @property
    def channels(self) -> int:
        return len(self.first_bias)

    def in_order(self, labels: Sequence[str]) -> NeuralModel:
        """The same model with its outputs in the order of `labels` (the CRF's)."""
        if sorted(labels) != sorted(self.labels):
            raise ValueError(f"the network's labels {self.labels} differ from {tuple(labels)}")
        order = [self.labels.index(label) for label in labels]
        return dataclasses.replace(
            self, labels=tuple(labels), out=self.out[:, order], out_bias=self.out_bias[order],
            transition=self.transition[np.ix_(order, order)], _ids={}, _contexts={})

    def scores(self, sentences: Sequence[Sequence[str]], words: Sequence[Sequence],
               attributes: Callable[[str], Sequence[str]],
               matches: Sequence[dict[int, list[str]]]) -> list[np.ndarray]:
        """(tokens × labels) float32 scores of each sentence (all in one pass).

        `words` are the featurizer's words of the tokens (khabar.ner.features: `.folded`, and
        `.own`, the CRF attributes, empty for a word of the CRF's emission table, which this
        model's table covers; else `attributes(token)` builds them); `matches` are each
        sentence's list-match attributes by position.
        """
        # One BLAS thread: khabar runs one article per process (ingest workers, Spark tasks),
        # and OpenBLAS would spread an article's matrix products over every core, for about
        # twice the CPU and a few percent less wall-clock time (docs/performance-ner.md).
        with _blas().limit(limits=1, user_api="blas"):
            return self._scores(sentences, words, attributes, matches)

    def _scores(self, sentences, words, attributes, matches) -> list[np.ndarray]:
        channels = self.channels
        lengths = [len(tokens) for tokens in sentences]
        rows = self._rows(sentences, words, attributes)
        total = sum(lengths) + GAP * (len(sentences) + 1)
        positions = np.zeros(total, dtype=np.intp)  # row 0 of _blocks is zeros
        starts = []
        position = GAP
        extra_at: list[int] = []
        extra_blocks: list[np.ndarray] = []
        done = 0
        context_block = self._context_block
        for size, sentence_matches in zip(lengths, matches, strict=True):
            starts.append(position)
            positions[position : position + size] = rows[done : done + size]
            for i, found in sentence_matches.items():
                block = context_block(found)
                if block is not None:
                    extra_at.append(position + i)
                    extra_blocks.append(block)
            done += size
            position += size + GAP
        stacked = self._blocks[positions]
        if extra_at:
            stacked[extra_at] += np.stack(extra_blocks)
        # Token t gets row k of the word at t + k - 2 (PyTorch's Conv1d with padding 2): in the
        # flat (position, offset) rows these are 5t - 10 + 6k, read as one strided view.
        hidden = np.zeros((total, channels), np.float32)
        hidden[2:-2] = self.first_bias + _windows(stacked, total - 4, 5, 6).sum(axis=1)
        np.maximum(hidden, 0.0, out=hidden)
        hidden[positions == 0] = 0.0  # the gaps (every token has a row above 0)
        parts = hidden @ self.second  # row k of position t goes to t + 1 - k: flat 3t - 3 + 4k
        second = np.zeros((total, channels), np.float32)
        second[1:-1] = self.second_bias + _windows(parts, total - 2, 3, 4).sum(axis=1)
        scores = np.maximum(second, 0.0, out=second) @ self.out + self.out_bias
        return [scores[start : start + size] for start, size in zip(starts, lengths, strict=True)]

    def _context_block(self, found: Sequence[str]) -> np.ndarray | None:
        """What a token's list-match attributes add to the first convolution (memoized)."""
        key = tuple(found)
        block = self._contexts.get(key, False)
        if block is False:
            known = [r for r in map(self.index.get, context_attributes(key)) if r is not None]
            dims = self.embeddings.shape[1]
            block = self._contexts[key] = (
                self.embeddings[known].sum(axis=0) @ self.first[:dims] if known else None)
        return block

    def _rows(self, sentences, words, attributes) -> list[int]:
        """Each token's row of the block memo; the blocks of new tokens are computed together."""
        ids = self._ids
        tokens = [token for sentence in sentences for token in sentence]
        rows = [ids.get(token, 0) for token in tokens]
        if 0 not in rows:
            return rows
        if len(ids) >= _MEMO_LIMIT:
            ids.clear()
            rows = [0] * len(tokens)
        flat = [word for sentence in words for word in sentence]
        new: dict[str, int] = {}
        table_at: list[int] = []  # new tokens whose embedding sum is in the table
        table_rows: list[int] = []
        summed_at: list[int] = []  # the others: their attribute rows, summed below
        attribute_rows: list[int] = []
        starts: list[int] = []
        vector_rows: list[int] = []
        lookup, index, table_size = self.words.get, self.index.get, len(self.table)
        missing = len(self.vectors) - 1  # the last row of `vectors` is zeros
        for k, token in enumerate(tokens):
            if rows[k] or token in new:
                continue
            number = new[token] = len(new)
            word = flat[k]
            row = lookup(word.folded, missing)
            if not word.own and row < table_size:
                table_at.append(number)
                table_rows.append(row)
            else:
                summed_at.append(number)
                starts.append(len(attribute_rows))
                attribute_rows.extend(r for r in map(index, word.own or attributes(token))
                                      if r is not None)
                attribute_rows.append(0)  # row 0 is zeros: no list is empty
            if row == missing:
                clitics = strip_clitics(word.folded)
                row = lookup(clitics.name, missing)
                if row == missing:
                    row = lookup(clitics.core, missing)
            vector_rows.append(row)
        dims = self.embeddings.shape[1]
        inputs = np.empty((len(new), dims + self.vectors.shape[1]), np.float32)
        inputs[:, dims:] = self.vectors[vector_rows]
        if table_at:
            inputs[table_at, :dims] = self.table[table_rows]
        if summed_at:
            inputs[summed_at, :dims] = np.add.reduceat(self.embeddings[attribute_rows], starts)
        blocks = inputs @ self.first
        used = len(ids) + 1  # row 0 stays zeros
        if len(self._blocks) < used + len(blocks):
            grown = np.zeros((max(2 * len(self._blocks), used + len(blocks), 1024),
                              blocks.shape[1]), np.float32)
            if len(self._blocks):
                grown[:used] = self._blocks[:used]
            self._blocks = grown
        self._blocks[used : used + len(blocks)] = blocks
        for token, number in new.items():
            ids[token] = used + number
        return [row or ids[token] for token, row in zip(tokens, rows, strict=True)]


@functools.cache
def _blas() -> ThreadpoolController:
    """The process's BLAS thread pools (looked up once: a millisecond or two)."""
    return ThreadpoolController()


def _windows(flat: np.ndarray, count: int, width: int, step: int) -> np.ndarray:
    """A read-only (count × width × channels) view of a (rows × width·channels) array whose
    window t is the channel vectors at flat positions t·width + j·step, j < width (a flat
    position p is row p // width, part p % width)."""
    item = flat.itemsize
    channels = flat.shape[1] // width
    return np.lib.stride_tricks.as_strided(
        flat, shape=(count, width, channels),
        strides=(width * channels * item, step * channels * item, item), writeable=False)


def load_neural(path: Path, words: Sequence[str]) -> NeuralModel:
    """Read a model written by train/ner/neural.py; `words` are the cluster table's words,
    which order the stored vectors (a checksum guards against another table)."""
    with np.load(path) as data:
        count = int(data["vector_count"])
        if words_checksum(words[:count]) != int(data["words_checksum"]):
            raise ValueError(f"{path} was trained with another cluster table")
        attributes = data["attributes"].tobytes().decode("utf-8").split("\n")
        stored = _dequantized(data, "embeddings")
        model = NeuralModel(
            labels=tuple(str(data["labels"]).split("\n")),
            index=dict(zip(attributes, range(1, len(attributes) + 1))),
            embeddings=np.vstack([np.zeros((1, stored.shape[1]), np.float32), stored]),
            words=dict(zip(words[:count], range(count))),
            vectors=np.vstack([  # and a row of zeros for the words without a vector
                data["vectors"].astype(np.float32) * np.float32(data["vector_scale"]),
                np.zeros((1, data["vectors"].shape[1]), np.float32)]),
            table=_dequantized(data, "table"),
            first=data["first"].astype(np.float32),
            first_bias=data["first_bias"].astype(np.float32),
            second=data["second"].astype(np.float32),
            second_bias=data["second_bias"].astype(np.float32),
            out=data["out"].astype(np.float32), out_bias=data["out_bias"].astype(np.float32),
            transition=data["transition"].astype(np.float64),
        )
    return model


def _dequantized(data, name: str) -> np.ndarray:
    """An int8 matrix with a scale per row (or a float matrix) as float32."""
    matrix = data[name].astype(np.float32)
    if f"{name}_scale" in data:
        matrix *= data[f"{name}_scale"][:, None]
    return matrix

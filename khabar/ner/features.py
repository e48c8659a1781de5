"""CRF features for Arabic NER: word form, affixes, clitic-stripped stems, shape, learned word
clusters at three granularities, hand-written list membership, and a ±2-token window.

Per-word features do not depend on the sentence, so `Featurizer` computes them once per distinct
token string and keeps them in a per-instance memo (bounded); a sentence's features are then
concatenations of precomputed lists, which keeps tagging well above 50,000 tokens per second.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from itertools import accumulate
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from khabar.arabic import fold
from khabar.ner.crf import Weights
from khabar.ner.lexicon import Lexicon

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0670-\u06D3\u0640]+")
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9][0-9\u0660-\u0669\u06F0-\u06F9.,\u066B\u066C]*")
_MEMO_LIMIT = 200_000
_GAP = 2  # zero blocks between sentences scored together: no word lends past its sentence
_SCORING_LIMIT = 100_000  # tokens whose float64 blocks are kept for scoring (under 50 MB)


@dataclass(frozen=True, slots=True)
class Clitics:
    """A folded word split into proclitics, the name form (with ال) and the core (without ال)."""

    proclitics: str
    name: str
    core: str


def strip_clitics(folded: str) -> Clitics:
    """Greedy split of و/ف + ب/ل/ك + ال off a folded word, keeping at least 2 letters.

    `لل` is ل + ال with the alef dropped (للعراق = ل + العراق). Greedy on purpose: this is a
    feature, the model sees the whole word too; the stage's span trimming is stricter.
    """
    rest, clitics = folded, ""
    if len(rest) > 3 and rest[0] in _CONJUNCTIONS:
        clitics, rest = rest[0], rest[1:]
    if len(rest) > 3 and rest.startswith("لل"):
        return Clitics(clitics + "ل", "ال" + rest[2:], rest[2:])
    if len(rest) > 3 and rest[0] in _PREPOSITIONS:
        clitics, rest = clitics + rest[0], rest[1:]
    if len(rest) > 3 and rest.startswith("ال"):
        return Clitics(clitics, rest, rest[2:])
    return Clitics(clitics, rest, rest)


def word_shape(token: str) -> str:
    """A coarse class: ar, lat, Lat (capitalized), num, punct or mix."""
    if not token:
        return "empty"
    if _ARABIC_WORD.fullmatch(token):
        return "ar"
    if _NUMBER.fullmatch(token):
        return "num"
    if token.isascii() and token.isalpha():
        return "Lat" if token[0].isupper() else "lat"
    if not any(ch.isalnum() for ch in token):
        return "punct"
    return "mix"


class _Column:
    """A read-only word -> value view over columns of the cluster table (one value or a tuple)."""

    def __init__(self, index: dict[str, int], *columns: list) -> None:
        self._index = index
        self._columns = columns

    def get(self, word: str, default=None):
        row = self._index.get(word)
        if row is None:
            return default
        if len(self._columns) == 1:
            return self._columns[0][row]
        return tuple([column[row] for column in self._columns])

    def first(self, word: str):
        """The value of the first column, or None (`get(word)[0]` without the tuple)."""
        row = self._index.get(word)
        return None if row is None else self._columns[0][row]

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def words(self) -> list[str]:
        """The words in table order (most frequent first)."""
        return list(self._index)


@dataclass(frozen=True, slots=True)
class Clusters:
    """The learned word table: folded word -> (c64, c256, c1024) ids, and its news-corpus count."""

    ids: _Column  # .get(word) -> (c64, c256, c1024) strings or None
    counts: _Column  # .get(word, 0) -> count


def load_clusters(path: Path) -> Clusters:
    """Read the table written by train/ner/clusters.py (columns split in bulk: loads fast)."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        lines.readline()  # the header
        cells = lines.read().rstrip("\n").replace("\n", "\t").split("\t")
    words = cells[0::5]
    index = dict(zip(words, range(len(words)), strict=True))
    counts = list(map(int, cells[4::5]))
    return Clusters(_Column(index, cells[1::5], cells[2::5], cells[3::5]), _Column(index, counts))


def load_priors(path: Path) -> dict[str, tuple[str, ...]]:
    """Prior attributes by folded word, from the counts table of train/ner/priors.py."""
    priors: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                word, *counts = line.rstrip("\n").split("\t")
                attributes = prior_attributes([int(c) for c in counts])
                if attributes:
                    priors[word] = attributes
    return priors


@dataclass(frozen=True, slots=True)
class Vectors:
    """Dense word vectors (train/ner/clusters.py --vectors): folded word -> row of `matrix`."""

    index: dict[str, int]
    matrix: np.ndarray  # (words × dims) float32

    def get(self, word: str) -> np.ndarray | None:
        row = self.index.get(word)
        return None if row is None else self.matrix[row]


def load_vectors(path: Path) -> Vectors:
    """Read the int8 vector table written by train/ner/clusters.py."""
    with np.load(path) as data:
        words = str(data["words"]).split("\n")
        matrix = data["vectors"].astype(np.float32) * (float(data["scale"]) * VECTOR_SCALE)
    return Vectors(dict(zip(words, range(len(words)))), matrix)


@dataclass(frozen=True, slots=True)
class EmissionTable:
    """Precomputed memo blocks (see `Featurizer.emissions`) of the most frequent folded words,
    for one trained model: tagging a listed word needs no attribute strings at all."""

    index: dict[str, int]
    blocks: np.ndarray  # (words × 5 × labels) float16


def write_emission_table(table: EmissionTable, weights: Weights, path: Path) -> None:
    """Save a table as float16, with a checksum of the weights it was computed from."""
    words = sorted(table.index, key=table.index.__getitem__)
    np.savez(path, words=np.array("\n".join(words)), blocks=table.blocks.astype(np.float16),
             checksum=np.array(weights_checksum(weights)))


def weights_checksum(weights: Weights) -> float:
    return float(np.abs(weights.state).sum())


def load_emission_table(path: Path, weights: Weights) -> EmissionTable | None:
    """Read the table written by `write_emission_table`; None if it belongs to other weights."""
    with np.load(path) as data:
        if not np.isclose(float(data["checksum"]), weights_checksum(weights), rtol=1e-6):
            return None
        words = str(data["words"]).split("\n")
        blocks = data["blocks"]
    return EmissionTable(dict(zip(words, range(len(words)))), blocks)


# Stored vectors have components of about ±1; the CRF features use them scaled down (a scale of
# 1 lowered dev F1 by 0.8, 0.25 did not; docs/evaluation-ner.md).
VECTOR_SCALE = 0.25
# The dense features: the vector of the word itself, and those of its neighbours at these offsets.
VECTOR_OFFSETS = (0,)


def vector_names(offset: int, dims: int) -> list[str]:
    """Attribute names of the vector components a word gives the token at `offset` from it."""
    prefix = "v" if offset == 0 else f"{offset}v"
    return [f"{prefix}{k}" for k in range(dims)]


@dataclass(frozen=True, slots=True)
class _Word:
    folded: str
    name: str
    coarse: str  # 64-cluster id of the word (or of its name form), "-" when unknown
    own: list[str]  # features of the token itself
    near: dict[int, list[str]]  # features it gives its neighbours at offsets ±1, ±2
    vector: np.ndarray | None = None  # its dense vector (or its name form's), if known


_OFFSETS = (-2, -1, 1, 2)
_BLOCK_ROW = {0: 0, -2: 1, -1: 2, 1: 3, 2: 4}  # rows of a word's memo block, by offset
PRIOR_TYPES = ("PER", "ORG", "LOC", "MISC")
_CUE_LISTS = ("person_titles", "org_cues", "loc_cues")


def prior_attributes(counts: Sequence[int]) -> tuple[str, ...]:
    """Attributes for a word's label counts (PER, ORG, LOC, MISC, O) in tagged news.

    The share of each entity type, in quarters, plus a coarse count: a word that a tagger marks
    as a person in most of its news contexts is probably a name even in a sentence that says
    little (train/ner/priors.py explains how the counts are made without leaking the gold).
    """
    total = sum(counts)
    if total < 3:
        return ()
    found = [f"pr{label}={round(4 * n / total)}"
             for label, n in zip(PRIOR_TYPES, counts, strict=False) if 4 * n >= total / 2]
    return (*found, f"prn={min(total.bit_length(), 8)}") if found else ("pr=O",)


@dataclass
class Featurizer:
    """Turns a token sequence into CRF attribute lists (training) or emission scores (tagging)."""

    clusters: Clusters
    lexicon: Lexicon
    priors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see prior_attributes
    vectors: Vectors | None = None
    table: EmissionTable | None = None  # only for the weights it was computed from
    _scoring: _Memo | None = field(default=None, repr=False)
    _memo: dict[str, _Word] = field(default_factory=dict, repr=False)
    _vectors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _weights: Weights | None = field(default=None, repr=False)
    _dense: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One attribute list per token."""
        words = [self._word(token) for token in tokens]
        size = len(words)
        result = self._context(words)
        for i, word in enumerate(words):
            features = result[i]
            features.extend(word.own)
            for offset in _OFFSETS:
                if 0 <= i + offset < size:
                    features.extend(words[i + offset].near[offset])
        return result

    def items(self, tokens: Sequence[str]) -> list[dict[str, float]]:
        """`sequence` with the dense vector components added: attribute -> value (training)."""
        words = [self._word(token) for token in tokens]
        result: list[dict[str, float]] = []
        for i, attributes in enumerate(self.sequence(tokens)):
            item: dict[str, float] = {}
            for attribute in attributes:
                item[attribute] = item.get(attribute, 0.0) + 1.0
            for offset in VECTOR_OFFSETS:
                j = i + offset  # the word at this offset lends its vector to token i
                if 0 <= j < len(words) and words[j].vector is not None:
                    vector = words[j].vector
                    item.update(zip(vector_names(offset, len(vector)), map(float, vector)))
            result.append(item)
        return result

    def emissions(self, tokens: Sequence[str], weights: Weights,
                  context: list | None = None) -> np.ndarray:
        """(tokens × labels) sums of the state weights of each token's attributes.

        Equal to summing `weights` over `sequence(tokens)`, but the per-word part is memoized
        as one (5 × labels) block per distinct token: its own attributes, then those it lends
        to the tokens at offsets -2, -1, +1, +2. A `context` list receives a tuple of the
        tokens' words, their list matches and their list-match attributes (see `emissions_many`).
        """
        return self.emissions_many([tokens], weights, context)[0]

    def emissions_many(self, sentences: Sequence[Sequence[str]], weights: Weights,
                       contexts: list | None = None, *, words: bool = True) -> list[np.ndarray]:
        """`emissions` of many non-empty sentences, computed together (a few NumPy steps for
        all of them instead of a few per sentence); `contexts` receives one tuple a sentence,
        whose first item is the tokens' name forms instead of their words when `words` is
        false (all the article-level step needs).

        The sentence's attributes are added token by token in the order `_context` lists them
        (list matches, b-1, cc, b+1, boundaries), one row of `weights.state` at a time, so the
        sums are the same floating-point numbers as adding the attribute rows one by one (a
        neighbour across a sentence boundary adds a row of zeros, which changes no sum). The
        bigram rows come from a table of the word pairs the model knows (`_Memo`), so no
        attribute string is built for a pair.
        """
        if not sentences:
            return []
        memo = self._memo_for(weights)
        lengths = [len(tokens) for tokens in sentences]
        total = sum(lengths)
        entries = memo.reserve(total)
        found = [entries.get(token) or memo.add(token, self)
                 for tokens in sentences for token in tokens]
        slots, folded, names, coarse, light = zip(*found)
        starts = list(accumulate(lengths[:-1], initial=0))
        scores = _word_sums(memo.store, slots, lengths)
        state = weights.state
        forms = names
        if words and contexts is not None:
            flat = [token for tokens in sentences for token in tokens]
            forms = [self._context_word(token, entry) for token, entry in zip(flat, found)]
        self._add_list_attributes(scores, starts, lengths, forms, folded, names, weights,
                                  contexts)
        if total > 1:
            if "|" in "".join(folded):  # a word with a bar makes the pair's attribute ambiguous
                pair_rows = [memo.pair_rows(pair) for pair in zip(folded, folded[1:])]
            else:
                bigrams, absent = memo.bigrams, memo.absent
                pair_rows = [bigrams.get(pair, absent) for pair in zip(folded, folded[1:])]
            before, after = (np.array(rows, dtype=np.intp) for rows in zip(*pair_rows))
            couples, couple_row = memo.couples, memo.couple_row
            pairs = np.array([couples.get(pair) or couple_row(pair)
                              for pair in zip(coarse, coarse[1:])], dtype=np.intp)
            if len(sentences) > 1:
                # The pairs of a sentence's last word and the next one's first weigh nothing.
                across = [start - 1 for start in starts[1:]]
                before[across] = after[across] = pairs[across] = memo.zero
            scores[1:] += state[before]
            scores[1:] += state[pairs]
            scores[:-1] += state[after]
        edges: list[int] = []
        rows: list[int] = []
        for offset, row in memo.bounds:  # in the order of _OFFSETS, as `_context` adds them
            for start, size in zip(starts, lengths, strict=True):
                edge = (range(start, start + min(-offset, size)) if offset < 0
                        else range(start + max(0, size - offset), start + size))
                edges.extend(edge)
                rows.extend([row] * len(edge))
        np.add.at(scores, edges, state[rows])  # a token's rows in the order they come here
        return np.split(scores, starts[1:]) if len(sentences) > 1 else [scores]

    def _add_list_attributes(self, scores, starts, lengths, forms, folded, names, weights,
                             contexts) -> None:
        """Add the rows of each sentence's list-match attributes to its tokens' scores; each
        context gets the sentence's part of `forms` (its words or its name forms)."""
        index = weights.index
        positions: list[int] = []
        rows: list[int] = []
        matched = self.lexicon.matched
        for start, size in zip(starts, lengths, strict=True):
            stop = start + size
            matches = matched(folded[start:stop], names[start:stop])
            extra = _list_attributes(matches, size)
            if contexts is not None:
                contexts.append((list(forms[start:stop]), matches,
                                 {i: tuple(attributes) for i, attributes in extra.items()}))
            for i, attributes in extra.items():
                for attribute in attributes:
                    row = index.get(attribute)
                    if row is not None:
                        positions.append(start + i)
                        rows.append(row)
        if rows:
            np.add.at(scores, positions, weights.state[rows])

    def own_scores(self, token: str, weights: Weights) -> np.ndarray:
        """The label scores of the token's own attributes, without its neighbours: the
        model's word-level evidence (row 0 of the token's memo block)."""
        memo = self._memo_for(weights)
        entry = memo.reserve(1).get(token) or memo.add(token, self)
        return memo.store[entry[0], 0].copy()

    def name_forms(self, tokens: Sequence[str]) -> list[str]:
        """Each token folded and stripped of proclitics (ال kept), from the memo."""
        if self.table is None:
            return [self._word(token).name for token in tokens]
        return [self._light(token).name for token in tokens]

    def _memo_for(self, weights: Weights) -> _Memo:
        """The scoring memo of these weights and this emission table (a new one if either
        changed since the last call)."""
        memo = self._scoring
        if memo is None or memo.weights is not weights or memo.table is not self.table:
            memo = self._scoring = _Memo(weights, self.table)
        return memo

    def _entry(self, token: str, weights: Weights) -> tuple[_Word, np.ndarray, bool]:
        """The token's word, its (5 × labels) block, and whether both came from the emission
        table (a light word, without attribute strings) rather than from its attributes."""
        table = self.table
        if table is not None:
            row = self._row(token)
            if row >= 0:
                return self._light(token), table.blocks[row], True
            word = self._build(token)
        else:
            word = self._word(token)
        return word, self._block(token, word, weights, keep=table is None), False

    def _context_word(self, token: str, entry: tuple) -> _Word:
        """The word that `contexts` carry for a token: a light one for a word of the table,
        else the word with its attributes (the network reads them)."""
        _slot, folded, name, coarse, light = entry
        return _Word(folded, name, coarse, [], {}) if light else self._word(token)

    def _light(self, token: str) -> _Word:
        """The token's word with its folded and name forms and coarse cluster only."""
        folded = fold(token)
        clitics = (strip_clitics(folded) if word_shape(token) == "ar"
                   else Clitics("", folded, folded))
        ids = self.clusters.ids
        coarse = ids.first(folded) or ids.first(clitics.name) or ids.first(clitics.core)
        return _Word(folded, clitics.name, coarse or "-", [], {})

    def _row(self, token: str) -> int:
        """The token's row in the emission table, or -1. An Arabic word is looked up by its
        folded form too: its attributes depend on nothing else."""
        index = self.table.index  # type: ignore[union-attr]
        row = index.get(token)
        if row is None:
            row = index.get(fold(token), -1) if _ARABIC_WORD.fullmatch(token) else -1
        return row

    def emission_table(self, words: Sequence[str], weights: Weights) -> EmissionTable:
        """Precompute the memo blocks of `words` (folded forms) for `weights`."""
        blocks = np.stack([self._block(word, self._word(word), weights) for word in words])
        return EmissionTable(dict(zip(words, range(len(words)))), blocks.astype(np.float16))

    def _block(self, token: str, word: _Word, weights: Weights, *, keep: bool = True) -> np.ndarray:
        """The word's (5 × labels) block; `keep` memoizes it by token."""
        if weights is not self._weights:  # the memo holds sums of one model's weights
            self._vectors.clear()
            self._weights = weights
            self._dense = self._dense_weights(weights)
        block = self._vectors.get(token)
        if block is None:
            block = weights.block([word.own] + [word.near[offset] for offset in _OFFSETS])
            if word.vector is not None:
                for offset, dense in self._dense.items():
                    block[_BLOCK_ROW[offset]] += word.vector @ dense
            if keep:
                if len(self._vectors) >= _MEMO_LIMIT:
                    self._vectors.clear()
                self._vectors[token] = block
        return block

    def _dense_weights(self, weights: Weights) -> dict[int, np.ndarray]:
        """(dims × labels) weights of the vector components, by the offset they are lent to."""
        if self.vectors is None:
            return {}
        dims = self.vectors.matrix.shape[1]
        zero = len(weights.state) - 1
        dense = {}
        for offset in VECTOR_OFFSETS:
            rows = [weights.index.get(name, zero) for name in vector_names(offset, dims)]
            if any(row != zero for row in rows):
                dense[offset] = weights.state[rows]
        return dense

    def _context(self, words: Sequence[_Word]) -> list[list[str]]:
        """Attributes that depend on the sentence: list matches, boundaries, word bigrams."""
        folded = [w.folded for w in words]
        size = len(words)
        extra = _list_attributes(self.lexicon.matched(folded, [w.name for w in words]), size)
        # Coarse cluster pairs with the previous word (64 × 64 values, well estimated).
        coarse = [w.coarse for w in words]
        result: list[list[str]] = []
        last = size - 1
        for i in range(size):
            features = extra.get(i, [])
            if i > 0:
                features.append(f"b-1={folded[i - 1]}|{folded[i]}")
                features.append(f"cc={coarse[i - 1]}|{coarse[i]}")
            if i < last:
                features.append(f"b+1={folded[i]}|{folded[i + 1]}")
            if i < 2 or i > last - 2:
                features.extend(f"{offset}:BOUND" for offset in _OFFSETS
                                if not 0 <= i + offset < size)
            result.append(features)
        return result

    def _word(self, token: str) -> _Word:
        word = self._memo.get(token)
        if word is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            word = self._memo[token] = self._build(token)
        return word

    def _build(self, token: str) -> _Word:
        folded = fold(token)
        shape = word_shape(token)
        own = ["bias", f"w={folded}", f"sh={shape}"]
        clitics = strip_clitics(folded) if shape == "ar" else Clitics("", folded, folded)
        if shape == "ar":
            own += [f"p{n}={folded[:n]}" for n in (1, 2, 3) if len(folded) > n]
            own += [f"s{n}={folded[-n:]}" for n in (1, 2, 3, 4) if len(folded) > n]
            own += [f"pc={clitics.proclitics}", f"st={clitics.name}", f"co={clitics.core}",
                    f"len={min(len(clitics.core), 8)}"]
            own += [f"cs{n}={clitics.core[-n:]}" for n in (1, 2) if len(clitics.core) > n]
        ids, counts = self.clusters.ids, self.clusters.counts
        cluster = ids.get(folded)
        stem_cluster = ids.get(clitics.name) or ids.get(clitics.core)
        own.append(f"fq={counts.get(folded, 0).bit_length() // 2}")
        if shape == "ar":
            # Share of the core's news-corpus uses that carry the article: names rarely do.
            with_al = counts.get("ال" + clitics.core, 0)
            bare = counts.get(clitics.core, 0)
            own.append(f"alr={round(4 * with_al / (with_al + bare))}" if with_al + bare >= 5
                       else "alr=rare")
        if cluster:
            own += [f"c64={cluster[0]}", f"c256={cluster[1]}", f"c1k={cluster[2]}"]
        else:
            own.append("c=none")
        if stem_cluster and clitics.name != folded:
            own += [f"sc64={stem_cluster[0]}", f"sc256={stem_cluster[1]}", f"sc1k={stem_cluster[2]}"]
        prior = self.priors.get(folded) or self.priors.get(clitics.name) or ()
        own.extend(prior)
        near: dict[int, list[str]] = {}
        for offset in (-2, -1, 1, 2):
            items = [f"{offset}w={folded}", f"{offset}st={clitics.name}", f"{offset}sh={shape}"]
            if cluster:
                items += [f"{offset}c256={cluster[1]}", f"{offset}c1k={cluster[2]}"]
            elif stem_cluster:
                items.append(f"{offset}sc256={stem_cluster[1]}")
            if offset in (-1, 1) and shape == "ar":
                items += [f"{offset}p2={folded[:2]}", f"{offset}s2={folded[-2:]}"]
                items += [f"{offset}{attribute}" for attribute in prior]
            near[offset] = items
        coarse = (cluster or stem_cluster or ("-",))[0]
        vector = None
        if self.vectors is not None:
            vector = self.vectors.get(folded)
            if vector is None:
                vector = self.vectors.get(clitics.name)
            if vector is None:
                vector = self.vectors.get(clitics.core)
        return _Word(folded, clitics.name, coarse, own, near, vector)


def _word_sums(store: np.ndarray, slots: Sequence[int], lengths: list[int]) -> np.ndarray:
    """(tokens × labels): each token's own block row plus the rows its neighbours lend it
    (offsets -2, -1, +1, +2, added in that order), for sentences laid end to end. Between
    sentences go _GAP zero blocks (slot 0 of `store`), so no word lends past its sentence."""
    if len(lengths) == 1:
        blocks = store[list(slots)]
        scores = blocks[:, 0].copy()
        scores[2:] += blocks[:-2, 1]
        scores[1:] += blocks[:-1, 2]
        scores[:-1] += blocks[1:, 3]
        scores[:-2] += blocks[2:, 4]
        return scores
    real = np.arange(len(slots)) + _GAP * np.repeat(np.arange(1, len(lengths) + 1), lengths)
    layout = np.zeros(len(slots) + _GAP * (len(lengths) + 1), dtype=np.intp)
    layout[real] = slots
    blocks = store[layout]
    padded = blocks[:, 0].copy()
    padded[2:] += blocks[:-2, 1]
    padded[1:] += blocks[:-1, 2]
    padded[:-1] += blocks[1:, 3]
    padded[:-2] += blocks[2:, 4]
    return padded[real]


def _list_attributes(gazetteer: dict[int, list[str]], size: int) -> dict[int, list[str]]:
    """The list-match attributes by position (`G=…`, `±1G=…`, `win-…`), from the list matches
    of the positions that have some (`Lexicon.matched`, in ascending order)."""
    extra: dict[int, list[str]] = {}
    for j, labels in gazetteer.items():
        extra.setdefault(j, []).extend("G=" + g for g in labels)
        if j + 1 < size:
            extra.setdefault(j + 1, []).extend("-1G=" + g for g in labels)
        if j > 0:
            extra.setdefault(j - 1, []).extend("1G=" + g for g in labels)
        cues = ["win-" + g for g in labels if g.startswith(_CUE_LISTS)]
        if cues:
            for i in range(j + 2, min(size, j + 5)):
                extra.setdefault(i, []).extend(cues)
    return extra


class _Memo:
    """What `Featurizer.emissions` remembers for one set of weights and one emission table:
    each distinct token's word and the slot of its block in one float64 array (so a sentence's
    blocks are one gather), the state-weight rows of the word pairs the model knows (`b-1=`,
    `b+1=`) and those of coarse cluster pairs (`cc=`). A missing attribute is the zero row of `weights.state`: adding it
    changes no sum. Bounded like the other memos: when full it starts over."""

    def __init__(self, weights: Weights, table: EmissionTable | None) -> None:
        self.weights = weights
        self.table = table
        self.zero = len(weights.state) - 1
        # token -> (slot, folded, name, coarse, light): strings and numbers only, so that the
        # garbage collector need not walk a memo of a hundred thousand words
        self.entries: dict[str, tuple] = {}
        self.store = np.empty((1024, len(_BLOCK_ROW), weights.state.shape[1]))
        self.store[0] = 0.0  # the block of no word: beside a sentence's first and last words
        self.couples: dict[tuple[str, str], int] = {}
        index = weights.index
        # The word pairs the model weighs (a few thousand), read off the attribute names once,
        # so that a pair is looked up without building its two attribute strings.
        self.absent = (self.zero, self.zero)
        self.bigrams: dict[tuple[str, str], tuple[int, int]] = {}
        for attribute in index:
            if attribute.startswith(("b-1=", "b+1=")) and attribute.count("|") == 1:
                pair = tuple(attribute[4:].split("|"))
                self.bigrams[pair] = self.pair_rows(pair)  # type: ignore[index]
        self.bounds = [(offset, index[f"{offset}:BOUND"]) for offset in _OFFSETS
                       if f"{offset}:BOUND" in index]

    def reserve(self, tokens: int) -> dict[str, tuple]:
        """The entries, emptied first if `tokens` more might not fit: a memo is never emptied
        while a sentence's slots are being gathered."""
        if len(self.entries) + tokens > _SCORING_LIMIT:
            self.entries.clear()
        return self.entries

    def add(self, token: str, featurizer: Featurizer) -> tuple:
        entries = self.entries
        word, block, light = featurizer._entry(token, self.weights)
        slot = len(entries) + 1  # slot 0 holds zeros
        if slot == len(self.store):
            grown = np.empty((2 * slot, *self.store.shape[1:]))
            grown[:slot] = self.store
            self.store = grown
        self.store[slot] = block
        entry = entries[token] = (slot, word.folded, word.name, word.coarse, light)
        return entry

    def pair_rows(self, pair: tuple[str, str]) -> tuple[int, int]:
        """The rows of `b-1=a|b` (lent to b) and `b+1=a|b` (lent to a)."""
        index, zero = self.weights.index, self.zero
        first, second = pair
        return (index.get(f"b-1={first}|{second}", zero), index.get(f"b+1={first}|{second}", zero))

    def couple_row(self, pair: tuple[str, str]) -> int:
        """The row of `cc=a|b` (coarse clusters of a word and the one before it)."""
        row = self.couples[pair] = self.weights.index.get(f"cc={pair[0]}|{pair[1]}", self.zero)
        return row

"""The trained CRF tagger: load once, tag token sequences with BIO labels and confidences.

    >>> tagger = load_tagger()
    >>> tagger.tag(["قال", "آشتون", "كارتر"])
    ['O', 'B-PER', 'I-PER']
"""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.ner.clitics import ProcliticTrimmer
from khabar.ner.conll import to_bio
from khabar.ner.context import consistent
from khabar.ner.crf import batches, load_weights, marginals_batch, pad, viterbi_batch
from khabar.ner.features import (Clusters, Featurizer, Vectors, load_clusters,
                                 load_emission_table, load_priors, load_vectors)
from khabar.ner.lexicon import Lexicon, load_lexicon
from khabar.ner.neural import NeuralModel, load_neural

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
MODEL_FILE = "ner.weights.npz"
CLUSTER_FILE = "clusters.tsv.gz"
ENTITY_WORDS_FILE = "entity_words.tsv.gz"
PRIORS_FILE = "priors.tsv.gz"
VECTORS_FILE = "vectors.npz"
EMISSIONS_FILE = "emissions.npz"
NEURAL_FILE = "neural.npz"
NEURAL_WEIGHT = 0.5  # the network's share of the summed scores (chosen on the dev block)
NAME_LISTS = ("countries", "places", "organizations", "first_names")


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """An entity found by the tagger: token range [start, end), label and mean marginal."""

    start: int
    end: int
    label: str
    score: float


class NerTagger:
    """A CRF model with its features, optionally with a convolutional network whose scores are
    added to the CRF's (khabar.ner.neural); `tag(tokens) -> labels`."""

    def __init__(self, model_path: Path, clusters: Clusters, lexicon: Lexicon,
                 entity_counts: dict[str, int] | None = None,
                 priors: dict[str, tuple[str, ...]] | None = None,
                 vectors: Vectors | None = None, emissions: Path | None = None,
                 neural: NeuralModel | None = None, neural_weight: float = 1.0) -> None:
        self.clusters = clusters
        self.lexicon = lexicon
        self.entity_counts = entity_counts or {}
        self.weights = load_weights(model_path)
        # Output is BIO whatever the scheme the model was trained with (BIO or BIOES).
        self.labels = tuple(map(to_bio, self.weights.labels))
        table = load_emission_table(emissions, self.weights) if emissions else None
        self.featurizer = Featurizer(clusters, lexicon, priors or {}, vectors, table)
        self.neural = neural.in_order(self.weights.labels) if neural is not None else None
        self.neural_weight = neural_weight
        if self.neural is not None:
            combined = self.weights.transition + neural_weight * self.neural.transition
            self.weights = dataclasses.replace(self.weights, transition=combined)
        self._outside = self.labels.index("O")
        self._person = [i for i, label in enumerate(self.labels) if label.endswith("-PER")]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels (B-PER, I-ORG, O, ...) for one sentence of token strings."""
        if not tokens:
            return []
        best = self.weights.viterbi(self.emissions([tokens])[0])
        return [self.labels[i] for i in best]

    def emissions(self, sentences: Sequence[Sequence[str]],
                  contexts: list | None = None) -> list[np.ndarray]:
        """(tokens × labels) scores of each (non-empty) sentence: the CRF's state weights, plus
        the network's scores when there is one (all sentences in one pass). A `contexts` list
        receives each sentence's words (their name forms when there is no network), list
        matches and list-match attributes (`Featurizer.emissions_many`)."""
        featurizer, weights, neural = self.featurizer, self.weights, self.neural
        if contexts is None and neural is not None:  # the network reads the contexts
            contexts = []
        scores = featurizer.emissions_many(sentences, weights, contexts, words=neural is not None)
        if neural is None:
            return scores
        network = neural.scores(sentences, [found[0] for found in contexts], self._attributes,
                                [found[2] for found in contexts])
        weight = self.neural_weight
        return [crf + weight * more for crf, more in zip(scores, network, strict=True)]

    def _attributes(self, token: str) -> list[str]:
        return self.featurizer._word(token).own

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` for many sentences, decoded together."""
        present = [i for i, tokens in enumerate(sentences) if tokens]
        labels: list[list[str]] = [[] for _ in sentences]
        if not present:
            return labels
        emissions = self.emissions([sentences[i] for i in present])
        for group in batches([len(e) for e in emissions]):
            batch, lengths = pad([emissions[k] for k in group])
            paths = viterbi_batch(self.weights, batch, lengths)
            for k, path in zip(group, paths, strict=True):
                labels[present[k]] = [self.labels[label] for label in path]
        return labels

    def spans(self, tokens: Sequence[str]) -> list[TaggedSpan]:
        """Entities of one sentence, each with the mean marginal probability of its labels."""
        return self.spans_many([tokens])[0]

    def spans_many(self, sentences: Sequence[Sequence[str]]) -> list[list[TaggedSpan]]:
        """`spans` for many sentences, decoded together (much faster than one by one)."""
        return self._spans(sentences, [])

    def _spans(self, sentences: Sequence[Sequence[str]], contexts: list) -> list[list[TaggedSpan]]:
        found: list[list[TaggedSpan]] = [[] for _ in sentences]
        present = [i for i, tokens in enumerate(sentences) if tokens]
        # In groups of sentences, so a page of a million words never holds every word's scores
        # and features at once; each sentence is decoded on its own, so groups change nothing.
        for start in range(0, len(present), _GROUP):
            group_rows = present[start:start + _GROUP]
            emissions = self.emissions([sentences[i] for i in group_rows], contexts)
            for group in batches([len(e) for e in emissions]):
                batch, lengths = pad([emissions[k] for k in group])
                paths = viterbi_batch(self.weights, batch, lengths)
                outside = self._outside
                # Many sentences name nobody: no spans, so no marginals to compute for them
                # (each row's marginals are its own, whichever rows go with it).
                named = [row for row, path in enumerate(paths) if path.count(outside) < len(path)]
                if not named:
                    continue
                longest = int(lengths[named].max())
                marginals = marginals_batch(self.weights, batch[named, :longest], lengths[named])
                for row, at in enumerate(named):
                    path = paths[at]
                    chosen = marginals[row, np.arange(len(path)), path]
                    found[group_rows[group[at]]] = _chunks([self.labels[label] for label in path],
                                                           chosen)
            for index in range(len(contexts) - len(group_rows), len(contexts)):
                forms, matches, _attributes = contexts[index]
                # Only the words' keys go on to the article-level step; the rest served scoring
                # (without the network, the featurizer gave the keys themselves).
                if self.neural is not None:
                    forms = [word.name for word in forms]
                contexts[index] = (forms, matches, None)
        return found

    def document_spans(self, sentences: Sequence[Sequence[str]]) -> list[list[TaggedSpan]]:
        """Entities of every sentence of one article, made consistent across the article:
        confident names are propagated to their untagged repeats, and words the model never
        saw fall back on the hand-written lists (khabar.ner.context)."""
        contexts: list = []
        first = self._spans(sentences, contexts)
        keys: list[list[str]] = []
        matches: list[dict[int, list[str]]] = []
        found = iter(contexts)
        for tokens in sentences:
            names, sentence_matches, _attributes = next(found) if tokens else ([], {}, {})
            keys.append(names)
            matches.append(sentence_matches)
        return consistent(sentences, first, lexicon=self.lexicon, weights=self.weights,
                          make_span=TaggedSpan, keys=keys, matches=matches,
                          name_word=self.name_word)

    def name_word(self, token: str) -> bool:
        """Whether the model's evidence from the word alone favours a person's name over O
        (`كوبل`, `هادي` do; `كان`, `استقبل` do not)."""
        scores = self.featurizer.own_scores(token, self.weights)
        return scores[self._person].max() >= scores[self._outside]

    def trimmer(self) -> ProcliticTrimmer:
        """The proclitic trimmer that goes with this model's vocabulary (khabar.ner.clitics)."""
        names = frozenset().union(*(self.lexicon.words(n) for n in NAME_LISTS))
        return ProcliticTrimmer(names, self.entity_counts, self.clusters.counts)


_GROUP = 256  # sentences scored and decoded together


def _chunks(labels: list[str], chosen: np.ndarray) -> list[TaggedSpan]:
    """Spans of a BIO label sequence (conlleval chunking), scored by mean marginal."""
    found: list[TaggedSpan] = []
    start, kind = -1, ""
    for index, label in enumerate(labels + ["O"]):
        prefix, _, name = label.partition("-")
        begins = prefix == "B" or (prefix == "I" and name != kind)
        if kind and (prefix == "O" or begins):
            score = float(chosen[start:index].mean())
            found.append(TaggedSpan(start, index, kind, round(score, 4)))
            kind = ""
        if begins:
            start, kind = index, name
    return found


def load_entity_counts(path: Path) -> dict[str, int]:
    """Folded word -> count inside training entities (written by train/ner/train.py)."""
    counts: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                word, count = line.rstrip("\n").split("\t")
                counts[word] = int(count)
    return counts


def load_tagger(directory: Path = MODEL_DIR, *, neural: bool = False,
                neural_weight: float = NEURAL_WEIGHT) -> NerTagger:
    """The model shipped in khabar/models/ner (or another directory with the same files);
    `neural` adds the convolutional network's scores to the CRF's (khabar.ner.neural)."""
    priors = directory / PRIORS_FILE
    vectors = directory / VECTORS_FILE
    clusters = load_clusters(directory / CLUSTER_FILE)
    return NerTagger(directory / MODEL_FILE, clusters,
                     load_lexicon(), load_entity_counts(directory / ENTITY_WORDS_FILE),
                     load_priors(priors) if priors.exists() else None,
                     load_vectors(vectors) if vectors.exists() else None,
                     emissions if (emissions := directory / EMISSIONS_FILE).exists() else None,
                     load_neural(directory / NEURAL_FILE, clusters.counts.words())
                     if neural else None, neural_weight)

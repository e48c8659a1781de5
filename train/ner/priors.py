"""Entity priors for the NER features, learned by tagging unlabelled news (self-training).

A word's prior is how often a tagger labels it PER, ORG, LOC, MISC or O over ~1M tokens of
SaudiNewsNet and ANT news: many contexts vote, so a name that is new to the training data but
common in the news (`كارتر` after `وزير الدفاع الأمريكي`) gets a useful cue.

To keep the gold labels from leaking into the prior (the CRF would then trust it too much), the
training sentences are cut in two halves and the priors are cross-fitted: a model trained on half
A tags the news to make the priors used for the sentences of half B, and the other way round.
The shipped table sums both taggings.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from khabar.arabic import fold, split_sentences, tokenize
from khabar.ner.crf import Weights
from khabar.ner.features import PRIOR_TYPES, Featurizer, prior_attributes
from train.ner.clusters import news_texts

_COLUMNS = (*PRIOR_TYPES, "O")


def news_sentences(data: Path, *, every: int = 8, limit: int = 1_000_000) -> list[list[str]]:
    """Token lists of news sentences: every `every`-th article, up to `limit` tokens."""
    found: list[list[str]] = []
    total = 0
    for number, text in enumerate(news_texts(data)):
        if number % every:
            continue
        for start, end in split_sentences(text):
            tokens = [t.text for t in tokenize(text, start, end)]
            if 3 <= len(tokens) <= 150:
                found.append(tokens)
                total += len(tokens)
        if total >= limit:
            break
    return found


def label_counts(sentences: Iterable[list[str]], featurizer: Featurizer,
                 weights: Weights) -> dict[str, Counter[str]]:
    """Folded word -> how often the model labels it with each type (or O)."""
    counts: dict[str, Counter[str]] = {}
    for tokens in sentences:
        best = weights.viterbi(featurizer.emissions(tokens, weights))
        for token, label in zip(tokens, best, strict=True):
            name = weights.labels[label]
            counts.setdefault(fold(token), Counter())[name[2:] if name != "O" else "O"] += 1
    return counts


def merged(*tables: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    total: dict[str, Counter[str]] = {}
    for table in tables:
        for word, counter in table.items():
            total.setdefault(word, Counter()).update(counter)
    return total


def attributes(table: dict[str, Counter[str]]) -> dict[str, tuple[str, ...]]:
    """The feature form of a counts table (khabar.ner.features.prior_attributes)."""
    found = {}
    for word, counter in table.items():
        prior = prior_attributes([counter[c] for c in _COLUMNS])
        if prior:
            found[word] = prior
    return found


def write_table(table: dict[str, Counter[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\t" + "\t".join(_COLUMNS) + " (labels given in tagged news, train/ner/priors.py)\n")
        for word in sorted(table):
            counter = table[word]
            if sum(counter.values()) >= 3:
                out.write(word + "\t" + "\t".join(str(counter[c]) for c in _COLUMNS) + "\n")

"""A greedy left-to-right UPOS tagger over surface words (averaged perceptron)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from khabar.syntax.features import Vocabulary, Word, _describe
from khabar.syntax.perceptron import Trainer, Weights

UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X")
_EDGE = _describe("", None)


def tag_features(words: Sequence[Word], i: int, prev: str, prev2: str) -> list[str]:
    w = words[i]
    before = words[i - 1] if i > 0 else _EDGE
    after = words[i + 1] if i + 1 < len(words) else _EDGE
    after2 = words[i + 2] if i + 2 < len(words) else _EDGE
    return [
        "bias",
        "w=" + w.form,
        "p1=" + w.prefix1, "p2=" + w.prefix2,
        "s1=" + w.suffix1, "s2=" + w.suffix2, "s3=" + w.suffix3,
        f"al={w.article}|c={w.conjunction}|e={w.enclitic}",
        "shape=" + w.shape,
        "len=" + str(min(len(w.form), 8)),
        "t-1=" + prev,
        "t-2=" + prev2 + "|" + prev,
        "t-1|w=" + prev + "|" + w.form,
        "t-1|s2=" + prev + "|" + w.suffix2,
        "w-1=" + before.form,
        "s2-1=" + before.suffix2,
        "w+1=" + after.form,
        "s2+1=" + after.suffix2,
        "p2+1=" + after.prefix2,
        "al+1=" + str(after.article),
        "w+2=" + after2.form,
        "c=" + w.cluster, "f=" + w.fine,
        "c-1|c=" + before.cluster + "|" + w.cluster,
        "c+1=" + after.cluster,
        "t-1|c=" + prev + "|" + w.cluster,
        "c|s2=" + w.cluster + "|" + w.suffix2,
    ]


def tag(weights: Weights, vocabulary: Vocabulary, tokens: Sequence[str]) -> list[str]:
    """UPOS tags of `tokens`."""
    words = vocabulary.words(tokens)
    tags: list[str] = []
    prev, prev2 = "<s>", "<s>"
    for i in range(len(words)):
        guess = weights.best(tag_features(words, i, prev, prev2))
        tags.append(guess)
        prev2, prev = prev, guess
    return tags


def train_tagger(sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
                 vocabulary: Vocabulary, *,
                 epochs: int = 8, seed: int = 1) -> Weights:
    """Train on (tokens, tags) pairs; the order of sentences is shuffled each epoch with `seed`."""
    trainer = Trainer(UPOS)
    rng = random.Random(seed)
    order = list(sentences)
    for _ in range(epochs):
        rng.shuffle(order)
        for tokens, gold in order:
            words = vocabulary.words(tokens)
            prev, prev2 = "<s>", "<s>"
            for i in range(len(words)):
                features = tag_features(words, i, prev, prev2)
                guess = trainer.best(features)
                trainer.update(features, gold[i], guess)
                prev2, prev = prev, guess
    return trainer.compact()

"""NER features: clitic splitting, word shape, and emission scores equal to the training items."""

from __future__ import annotations

import numpy as np
import pytest

from khabar.ner.crf import Weights
from khabar.ner.features import (Clusters, Featurizer, Vectors, _Column, strip_clitics,
                                 word_shape)
from khabar.ner.lexicon import load_lexicon


@pytest.mark.parametrize(("folded", "proclitics", "name", "core"), [
    ("وبالعراق", "وب", "العراق", "عراق"),
    ("للعراق", "ل", "العراق", "عراق"),
    ("العراق", "", "العراق", "عراق"),
    ("وتركيا", "و", "تركيا", "تركيا"),
    ("كارتر", "ك", "ارتر", "ارتر"),  # greedy on purpose: the word itself is a feature too
    ("في", "", "في", "في"),
])
def test_strip_clitics_splits_proclitics_and_article(folded, proclitics, name, core):
    clitics = strip_clitics(folded)
    assert (clitics.proclitics, clitics.name, clitics.core) == (proclitics, name, core)


@pytest.mark.parametrize(("token", "shape"), [
    ("بغداد", "ar"), ("أوباما", "ar"), ("2015", "num"), ("٢٫٤", "num"), ("NATO", "Lat"),
    ("iPhone", "lat"), ("،", "punct"), ("F16", "mix"),
])
def test_word_shape_classes(token, shape):
    assert word_shape(token) == shape


SENTENCES = [
    ["قال", "وزير", "الخارجية", "سمير", "الحداد", "في", "عمان", "."],
    ["وصلت", "بعثة", "نادي", "الوحدة", "إلى", "بغداد", "NATO", "2015"],
]


def small_featurizer(vectors: bool) -> Featurizer:
    """A featurizer over a hand-made cluster table and vector table."""
    words = ["قال", "وزير", "الخارجية", "في", "عمان", "بغداد", "الى"]
    index = {w: i for i, w in enumerate(words)}
    ids = [str(i % 3) for i in range(len(words))]
    clusters = Clusters(_Column(index, ids, ids, ids), _Column(index, list(range(len(words)))))
    table = None
    if vectors:
        rng = np.random.default_rng(5)
        table = Vectors({w: i for i, w in enumerate(words[:5])}, rng.normal(size=(5, 4)))
    return Featurizer(clusters, load_lexicon(), vectors=table)


def random_weights(featurizer: Featurizer, seed: int) -> Weights:
    """Random weights for every attribute the sentences produce (and some unseen ones)."""
    names = sorted({a for s in SENTENCES for item in featurizer.items(s) for a in item})
    rng = np.random.default_rng(seed)
    state = rng.normal(size=(len(names) + 1, 3))
    state[-1] = 0.0
    return Weights(("O", "B-PER", "I-PER"), {a: i for i, a in enumerate(names)}, state,
                   np.zeros((3, 3)))


@pytest.mark.parametrize("vectors", [False, True])
@pytest.mark.parametrize("seed", [1, 2])
def test_emissions_equal_the_weighted_sum_of_the_training_items(vectors, seed):
    featurizer = small_featurizer(vectors)
    model = random_weights(featurizer, seed)
    for sentence in SENTENCES:
        expected = np.array([
            sum(value * model.state[model.index[a]] for a, value in item.items())
            for item in featurizer.items(sentence)])
        assert np.allclose(featurizer.emissions(sentence, model), expected)


@pytest.mark.parametrize("vectors", [False, True])
def test_a_precomputed_emission_table_changes_no_score(vectors):
    featurizer = small_featurizer(vectors)
    model = random_weights(featurizer, 3)
    expected = [featurizer.emissions(s, model) for s in SENTENCES]
    fast = small_featurizer(vectors)
    fast.table = fast.emission_table(["قال", "في", "عمان", ".", "الى"], model)  # إلى folds to الى
    for sentence, scores in zip(SENTENCES, expected, strict=True):
        assert np.allclose(fast.emissions(sentence, model), scores, rtol=1e-3, atol=1e-2)
        assert fast.name_forms(sentence) == featurizer.name_forms(sentence)

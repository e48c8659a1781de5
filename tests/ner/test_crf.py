"""The NumPy CRF decoder: exact Viterbi, proper marginals, batched = one by one."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from khabar.ner.crf import Weights, marginals_batch, pad, viterbi_batch

LABELS = ("O", "B-PER", "I-PER")


def weights(seed: int) -> Weights:
    rng = np.random.default_rng(seed)
    return Weights(LABELS, {}, np.zeros((0, 3)), rng.normal(size=(3, 3)))


def sequences(seed: int, lengths: tuple[int, ...]) -> list[np.ndarray]:
    rng = np.random.default_rng(seed + 100)
    return [rng.normal(size=(n, 3)) for n in lengths]


def brute_force(model: Weights, emissions: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Best path and marginals by enumerating every label sequence."""
    size = len(emissions)
    paths = list(itertools.product(range(3), repeat=size))
    scores = np.array([
        sum(emissions[t, p[t]] for t in range(size))
        + sum(model.transition[p[t - 1], p[t]] for t in range(1, size))
        for p in paths
    ])
    probabilities = np.exp(scores - scores.max())
    probabilities /= probabilities.sum()
    marginals = np.zeros((size, 3))
    for path, probability in zip(paths, probabilities, strict=True):
        marginals[np.arange(size), path] += probability
    return list(paths[int(scores.argmax())]), marginals


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_viterbi_and_marginals_match_brute_force(seed):
    model = weights(seed)
    for emissions in sequences(seed, (1, 2, 5)):
        best, marginals = brute_force(model, emissions)
        assert model.viterbi(emissions) == best
        np.testing.assert_allclose(model.marginals(emissions), marginals, atol=1e-9)


@pytest.mark.parametrize("seed", [4, 5])
def test_batched_decoding_equals_one_sentence_at_a_time(seed):
    model = weights(seed)
    emissions = sequences(seed, (7, 1, 3, 12, 2))
    batch, lengths = pad(emissions)
    assert viterbi_batch(model, batch, lengths) == [model.viterbi(e) for e in emissions]
    marginals = marginals_batch(model, batch, lengths)
    for row, single in enumerate(emissions):
        np.testing.assert_allclose(marginals[row, : len(single)], model.marginals(single),
                                   atol=1e-9)


@pytest.mark.parametrize("parts", [
    [["a", "b"], [], ["c"], ["zzz"]],  # empty and unknown-only parts, inside and at the end
    [["c", "c"], ["a"]],  # a repeated attribute counts twice, as in CRFsuite
    [[], []],
])
def test_block_sums_the_weights_of_each_part(parts):
    state = np.array([[1.0, 0.0, 2.0], [0.5, 0.5, 0.5], [0.0, 3.0, 0.0], [0.0, 0.0, 0.0]])
    model = Weights(LABELS, {"a": 0, "b": 1, "c": 2}, state, np.zeros((3, 3)))
    expected = [sum((state[model.index[a]] for a in part if a in model.index), np.zeros(3))
                for part in parts]
    np.testing.assert_allclose(model.block(parts), np.array(expected))

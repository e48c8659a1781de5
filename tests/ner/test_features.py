"""Word-level NER features: clitic splitting and word shape."""

from __future__ import annotations

import pytest

from khabar.ner.features import strip_clitics, word_shape


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

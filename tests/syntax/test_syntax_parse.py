"""Subject and object readings of a parse (hand-built parses: no model needed)."""

import pytest

from khabar.syntax import Parse, TokenSpan, object_of, subject_of


def _parse(rows):
    tokens, upos, heads, deprels = zip(*rows)
    return Parse(tokens, upos, heads, deprels)


# استقبل رئيس الوزراء السفير الفرنسي في القصر
RECEIVED = _parse([
    ("استقبل", "VERB", -1, "root"),
    ("رئيس", "NOUN", 0, "nsubj"),
    ("الوزراء", "NOUN", 1, "nmod"),
    ("السفير", "NOUN", 0, "obj"),
    ("الفرنسي", "ADJ", 3, "amod"),
    ("في", "ADP", 6, "case"),
    ("القصر", "NOUN", 0, "obl"),
])

# المتظاهرون الذين تجمعوا أمام المبنى رفعوا اللافتات وأحرقوا الإطارات
PROTESTERS = _parse([
    ("المتظاهرون", "NOUN", 5, "nsubj"),
    ("الذين", "PRON", 2, "nsubj"),
    ("تجمعوا", "VERB", 0, "acl:relcl"),
    ("أمام", "ADP", 4, "case"),
    ("المبنى", "NOUN", 2, "obl"),
    ("رفعوا", "VERB", -1, "root"),
    ("اللافتات", "NOUN", 5, "obj"),
    ("وأحرقوا", "VERB", 5, "conj"),
    ("الإطارات", "NOUN", 7, "obj"),
])


def test_subject_and_object_spans_take_their_noun_phrase():
    assert subject_of(RECEIVED, 0) == TokenSpan(1, 3)
    assert object_of(RECEIVED, 0) == TokenSpan(3, 5)


def test_a_word_without_dependents_has_no_subject_or_object():
    assert subject_of(RECEIVED, 6) is None
    assert object_of(RECEIVED, 6) is None


@pytest.mark.parametrize("verb, plain, shared", [
    (2, TokenSpan(1, 2), TokenSpan(0, 1)),   # الذين تجمعوا: the relative stands for المتظاهرون
    (7, None, TokenSpan(0, 1)),              # وأحرقوا shares the subject of رفعوا
    (5, TokenSpan(0, 1), TokenSpan(0, 1)),
])
def test_shared_subjects_follow_relatives_and_conjuncts(verb, plain, shared):
    assert subject_of(PROTESTERS, verb) == plain
    assert subject_of(PROTESTERS, verb, shared=True) == shared


# قال المتحدث الرسمي محمد علي ، رئيس اللجنة ، إن
SPOKESMAN = _parse([
    ("قال", "VERB", -1, "root"),
    ("المتحدث", "NOUN", 0, "nsubj"),
    ("الرسمي", "ADJ", 1, "amod"),
    ("محمد", "PROPN", 1, "appos"),
    ("علي", "PROPN", 3, "flat"),
    ("،", "PUNCT", 6, "punct"),
    ("رئيس", "NOUN", 3, "appos"),
    ("اللجنة", "NOUN", 6, "nmod"),
    ("،", "PUNCT", 6, "punct"),
    ("إن", "SCONJ", 0, "mark"),
])


def test_the_subject_phrase_takes_its_own_apposition_up_to_the_comma():
    assert subject_of(SPOKESMAN, 0) == TokenSpan(1, 5)

"""Treebank sentences merged onto the product's surface words (hand-written fixtures)."""

from pathlib import Path

import pytest

from khabar.arabic import fold
from khabar.syntax.conllu import read_padt_v1, read_pud

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def pud_trees():
    return read_pud(FIXTURES / "pud_style.conllu")


@pytest.fixture(scope="module")
def padt_tree():
    return read_padt_v1(FIXTURES / "padt_v1_style.conllu")[0]


def test_pud_merge_joins_space_after_groups_and_keeps_punctuation_apart(pud_trees):
    assert pud_trees[0].tokens == ("وقال", "مدير", "المدرسة", "لأحمد", ":", "استقبلناها", ".")
    assert pud_trees[1].tokens == ("فإن", "الحديقة", "كبيرة", ".")


@pytest.mark.parametrize("index, upos, head, deprel", [
    (0, "VERB", -1, "root"),      # و + قال: the verb is the content piece
    (1, "NOUN", 0, "nsubj"),
    (3, "PROPN", 0, "obl"),       # ل + أحمد: the proclitic hangs on its host
    (4, "PUNCT", 5, "punct"),     # the colon points at the merged استقبلناها
    (5, "VERB", 0, "ccomp"),      # استقبلنا + ها: the enclitic object disappears into the word
])
def test_pud_merged_word_takes_its_content_piece(pud_trees, index, upos, head, deprel):
    tree = pud_trees[0]
    assert (tree.upos[index], tree.heads[index], tree.deprels[index]) == (upos, head, deprel)


def test_pud_group_of_two_particles_keeps_the_one_headed_outside(pud_trees):
    tree = pud_trees[1]
    assert (tree.upos[0], tree.heads[0], tree.deprels[0]) == ("PART", 2, "compound:prt")


def test_padt_merge_joins_proclitics_and_enclitic_pronouns(padt_tree):
    assert [fold(t) for t in padt_tree.tokens] == [
        "وقالت", "المعلمه", "انه", "سافر", "بالقطار", ".", "كتبها"]


@pytest.mark.parametrize("index, upos, head, deprel", [
    (0, "VERB", -1, "root"),      # v1's root و with the verb on it: the word is the verb
    (2, "PRON", 3, "nsubj"),      # أن + ه: the pronoun subject, not the particle
    (4, "NOUN", 3, "obl"),        # v1's nmod of a verb is v2's obl
    (6, "VERB", 0, "parataxis"),  # كتب + ها: v1's dobj of the pronoun stays inside the word
])
def test_padt_merged_word_takes_v2_labels(padt_tree, index, upos, head, deprel):
    assert (padt_tree.upos[index], padt_tree.heads[index], padt_tree.deprels[index]) == (
        upos, head, deprel)

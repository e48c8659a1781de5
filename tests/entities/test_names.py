"""An article's words read from its sentences' tokens are the words of the whole text."""

from __future__ import annotations

import pytest

from khabar.arabic import split_sentences
from khabar.entities.names import _pieces, read_words, surface

TEXT = ("قال الوزير إن الاجتماع كان مفيدا.وأضاف أن 2.4 مليون زائر «حضروا المعرض».\n"
        "ثم غادر القاهرةَ مساء الأحد،وعاد إلى عمّان***  ليلا")


def test_sentences_of_the_segmenter_give_the_whole_texts_words():
    sentences = split_sentences(TEXT)
    assert _pieces(TEXT, sentences) is not None  # no cut runs through a token: pieces are used
    assert read_words(TEXT, sentences) == read_words(TEXT)


@pytest.mark.parametrize("cut", range(1, len(TEXT)))
def test_any_cut_gives_the_whole_texts_words(cut):
    # a cut inside a word (الاج|تماع), a number (2.|4) or before a mark (القاهرة|َ) falls back
    assert read_words(TEXT, [(0, cut), (cut, len(TEXT))]) == read_words(TEXT)


def test_ranges_with_text_between_them_keep_that_texts_words():
    first, second = TEXT.index("قال"), TEXT.index("ثم")
    sentences = [(first, TEXT.index("مفيدا") + 5), (second, len(TEXT))]
    assert read_words(TEXT, sentences) == read_words(TEXT)



@pytest.mark.parametrize(("text", "mention", "name"), [
    ("بحضور #الأمم_المتحدة.", "الأمم_المتحدة", "الأمم المتحدة"),
    ("الرئيس فلاديمير #بوتين", "فلاديمير #بوتين", "فلاديمير بوتين"),
])
def test_a_hashtag_s_marks_are_no_part_of_a_name(text, mention, name):
    start = text.index(mention)
    assert surface(text, start, start + len(mention)) == name


@pytest.mark.parametrize(("text", "mention", "name"), [
    ("فر لجماعة الحوثي", "لجماعة الحوثي", "جماعة الحوثي"),
    ("عمل بوزارة الصحة", "بوزارة الصحة", "وزارة الصحة"),
    ("رئيس لجنة الانتخابات", "لجنة الانتخابات", "لجنة الانتخابات"),  # its own ل
])
def test_surface_leaves_a_preposition_glued_to_a_bodys_head_out(text, mention, name):
    start = text.index(mention)
    assert surface(text, start, start + len(mention)) == name

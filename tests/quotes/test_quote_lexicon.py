import pytest

from khabar.arabic import fold


@pytest.mark.parametrize(
    ("form", "lemma", "kind", "gender", "number"),
    [
        ("قال", "قال", "verb", "m", "s"),
        ("قالت", "قال", "verb", "f", "s"),
        ("قالا", "قال", "verb", "m", "d"),
        ("قالتا", "قال", "verb", "f", "d"),
        ("قالوا", "قال", "verb", "m", "p"),
        ("قلن", "قال", "verb", "f", "p"),
        ("يقول", "قال", "verb", "m", "s"),
        ("تقول", "قال", "verb", "f", "s"),
        ("يقولون", "قال", "verb", "m", "p"),
        ("وقالت", "قال", "verb", "f", "s"),
        ("فأضاف", "أضاف", "verb", "m", "s"),
        ("حذّرت", "حذر", "verb", "f", "s"),
        ("حذرت", "حذر", "verb", "f", "s"),
        ("مضيفًا", "أضاف", "participle", "m", "s"),
        ("مضيفا", "أضاف", "participle", "m", "s"),
        ("مُضِيفاً", "أضاف", "participle", "m", "s"),
        ("مضيفةً", "أضاف", "participle", "f", "s"),
        ("لافتًا", "لفت", "participle", "m", "s"),
        ("مؤكدين", "أكد", "participle", "m", "p"),
        ("يؤكد", "أكد", "verb", "m", "s"),
        ("اكد", "أكد", "verb", "m", "s"),
    ],
)
def test_lexicon_finds_inflected_cue_forms(lexicon, form, lemma, kind, gender, number):
    cue = lexicon.cue(fold(form))
    assert cue is not None
    assert (cue.lemma, cue.kind, cue.gender, cue.number) == (lemma, kind, gender, number)


@pytest.mark.parametrize("word", ["وزارة", "الدفاع", "و", "قائد", "بين", "اتصال"])
def test_lexicon_ignores_words_that_are_not_cues(lexicon, word):
    assert lexicon.cue(fold(word)) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("منسقة", ("title", "f")),
        ("الوزيرة", ("title", "f")),
        ("وزير", ("title", "m")),
        ("مسؤولون", ("group", None)),
        ("سموه", ("pronoun", "m")),
        ("ليز", ("name", "f")),
    ],
)
def test_lexicon_classifies_speaker_words(lexicon, word, expected):
    assert lexicon.word(fold(word)) == expected

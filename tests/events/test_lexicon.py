"""Token readings, verb inflection and pattern matching of the event lexicons."""

import pytest

from khabar.arabic import fold
from khabar.events.lexicon import Index, parse_pattern, readings, verb_forms, word_readings


@pytest.mark.parametrize(
    ("token", "base"),
    [
        ("والجيش", "جيش"),
        ("للتحالف", "تحالف"),
        ("بالضرب", "ضرب"),
        ("دعمها", "دعم"),
        ("قتلوهم", "قتلوا"),
        ("سيقصف", "يقصف"),
        ("هجوما", "هجوم"),
        ("دعوته", "دعوه"),
    ],
)
def test_readings_peel_clitics_to_the_bare_form(token, base):
    assert base in {r.base for r in readings(fold(token))}


def test_readings_mark_the_future_prefix():
    future = {r.base: r.future for r in readings(fold("سيعتصمون"))}
    assert future["يعتصمون"] is True


@pytest.mark.parametrize(
    ("spec", "form"),
    [
        ("قصف/يقصف", "قصفت"),
        ("قصف/يقصف", "قصفوا"),
        ("قصف/يقصف", "تقصف"),
        ("قصف/يقصف", "يقصفون"),
        ("تظاهر/يتظاهر", "تظاهروا"),
        ("أدان/يدين/أدانت,دان", "دان"),
    ],
)
def test_verb_forms_cover_person_gender_and_number(spec, form):
    assert fold(form) in verb_forms(spec)


def _tokens(text):
    return [readings(fold(word)) for word in text.split()]


@pytest.mark.parametrize(
    ("pattern", "text", "span"),
    [
        ("اتصال|اتصالا هاتفي|هاتفيا", "في اتصال هاتفي مع", (1, 3)),
        ("أطلق/يطلق ... صاروخ|صواريخ", "أطلقت المقاومة صواريخ على", (0, 3)),
        ("أبدى/يبدي عن؟ قلقه", "وأبدى قلقه من", (0, 2)),
    ],
)
def test_index_matches_multiword_patterns_with_gaps_and_optional_tokens(pattern, text, span):
    index = Index([parse_pattern(pattern, "X")])
    found = index.matches(_tokens(text))
    assert [(m.start, m.end) for m in found] == [span]


def test_index_does_not_match_an_incomplete_pattern():
    index = Index([parse_pattern("قطع/يقطع العلاقات", "161")])
    assert index.matches(_tokens("قطع الطريق")) == []


def test_patterns_must_start_with_a_required_token():
    with pytest.raises(ValueError):
        parse_pattern("... قصف", "195")


@pytest.mark.parametrize(
    ("word", "not_base"), [("وزارة", "زار"), ("رحلة", "رحل"), ("زيارة", "زيار")]
)
def test_taa_marbuta_is_not_read_as_a_pronoun(word, not_base):
    assert not_base not in {r.base for r in word_readings(word)}


def test_verbs_do_not_match_words_with_an_article():
    index = Index([parse_pattern("طلب/يطلب", "100")])
    assert index.matches([word_readings("الطلب")]) == []
    assert len(index.matches([word_readings("طلب")])) == 1

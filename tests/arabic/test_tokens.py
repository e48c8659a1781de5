import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("ولنحو 2.4 مليون نازح.", ["ولنحو", "2.4", "مليون", "نازح", "."]),
        ("قال، إن «الوضع» صعب؟", ["قال", "،", "إن", "«", "الوضع", "»", "صعب", "؟"]),
        ("بلغت ٣٫٥ مليار و1,500 دولار", ["بلغت", "٣٫٥", "مليار", "و", "1,500", "دولار"]),
        ("“نعم” قالها؛ وانتهى", ["“", "نعم", "”", "قالها", "؛", "وانتهى"]),
        ("مُحَمَّدٌ وصل", ["مُحَمَّدٌ", "وصل"]),
    ],
)
def test_tokenize_keeps_numbers_and_punctuation_apart(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


def test_invisible_direction_marks_are_no_tokens():
    text = "قال \u202aمحمد علي\u202c إن \u200fالوضع \ufeffهادئ."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "محمد", "علي", "إن", "الوضع", "هادئ", "."]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("وصل الوفد. وبدأ الاجتماع.", ["وصل الوفد.", "وبدأ الاجتماع."]),
        ("هل انتهى؟ نعم!", ["هل انتهى؟", "نعم!"]),
        ("بلغ العدد 2.4 مليون نازح.", ["بلغ العدد 2.4 مليون نازح."]),
        ('قال: "انتهى الأمر." ثم غادر.', ['قال: "انتهى الأمر."', "ثم غادر."]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        # an Arabic letter and a stop abbreviate an honorific or an initial
        ("وأكد المستشار د. سامي الحربي أن العمل مستمر. وانتهى",
         ["وأكد المستشار د. سامي الحربي أن العمل مستمر.", "وانتهى"]),
        ("ودعا العميد أ.د. سعد الفهد والمهندس م. خالد إلى الحضور.",
         ["ودعا العميد أ.د. سعد الفهد والمهندس م. خالد إلى الحضور."]),
        # after a number the letter is the era, and the stop is real
        ("انتهى المشروع عام 2015 م. وبدأ غيره", ["انتهى المشروع عام 2015 م.", "وبدأ غيره"]),
        ("وذلك في 10 شوال 1436 هـ. ثم عاد", ["وذلك في 10 شوال 1436 هـ.", "ثم عاد"]),
        ("ووصل اليوم. د", ["ووصل اليوم.", "د"]),
    ],
)
def test_split_sentences_ends_at_arabic_and_latin_marks(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@given(st.text(alphabet=st.sampled_from(list("ابت ثج.؟!\n«»\"2،")), max_size=60))
def test_sentences_and_tokens_stay_inside_the_text(text):
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text and not token.text.isspace()


def test_a_full_stop_between_letter_names_is_an_abbreviation():
    text = ("وقالت شبكة إن.بي.سي إن الحسابات آمنة. وطورت ايه.جي انفست مشروعا. "
            "ولم يحسم بعد.من جانبها أعلنت الشركة.")
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["وقالت شبكة إن.بي.سي إن الحسابات آمنة.", "وطورت ايه.جي انفست مشروعا.",
                         "ولم يحسم بعد.", "من جانبها أعلنت الشركة."]


def test_a_sites_domain_ending_ends_no_sentence():
    from khabar.arabic import split_sentences

    text = 'وقال الحربي لـ"النجمة.نت" إن الموسم انتهى. وبدأ الإعداد.نتائج المباراة لم تعلن.'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        'وقال الحربي لـ"النجمة.نت" إن الموسم انتهى.', "وبدأ الإعداد.",
        "نتائج المباراة لم تعلن."]

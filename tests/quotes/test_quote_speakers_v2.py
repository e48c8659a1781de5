"""Issue 15: speakers before their verb after كان, `أحد أقارب فلان`, `لفت النظر`, the outlet's
own reporter, and the reason an unresolved speaker carries."""

import pytest

from khabar.quotes import find_quotes

PEOPLE = {"e1": ("سامي الحربي", "الحربي"), "e2": ("مكتب التحقيقات",)}
TYPES = {"e2": "ORG"}


def _speakers(make_document, lexicon, text):
    doc = make_document(text, PEOPLE, types=TYPES)
    return [(q.speaker, q.speaker_text, q.speaker_reason) for q in find_quotes(doc, lexicon)]


@pytest.mark.parametrize(("text", "expected"), [
    (  # the subject between كان and its verb
        "وقع انفجار قرب المبنى صباح اليوم. وكان مكتب التحقيقات أكد أن الانفجار مرتبط بسلسلة سابقة.",
        [("e2", "مكتب التحقيقات", None)],
    ),
    (  # a relative speaks, not the man named after him; and he goes on speaking
        "قال أحد أقارب الجندي سامي الحربي إن الخبر كان صادما للعائلة. وأضاف أن الفقيد كان بارا بوالديه.",
        [(None, "أحد أقارب الجندي سامي الحربي", None), (None, "أحد أقارب الجندي سامي الحربي", None)],
    ),
    (  # النظر is the object of لفت: the subject was dropped and goes back to the speaker
        "قال سامي الحربي إن المشروع تأخر. ولفت النظر إلى أن التمويل لم يصل بعد.",
        [("e1", "سامي الحربي", None), ("e1", "سامي الحربي", None)],
    ),
])
def test_issue_15_speakers(make_document, lexicon, text, expected):
    assert _speakers(make_document, lexicon, text) == expected


def test_issue_15_the_outlets_own_reporter_is_not_quoted(make_document, lexicon):
    text = "قتل ثلاثة أشخاص في حادث سير على الطريق السريع، وفق ما أفاد مراسلنا في المدينة."
    assert _speakers(make_document, lexicon, text) == []


def test_issue_15_an_unresolved_speaker_says_why(make_document, lexicon):
    text = "وأضاف أن الاجتماع سيعقد الأسبوع المقبل في العاصمة."
    assert _speakers(make_document, lexicon, text) == [(None, None, "no_antecedent")]

"""Where a quote ends and who is its speaker: a cue before a colon starts a new quote, a name
after a preposition is the topic, a name in the dateline is the writer's, a hashtag's marks
hide no speaker; text written for these tests."""

import dataclasses

import pytest

from khabar.document import DATELINE
from khabar.quotes import find_quotes
from khabar.quotes.extract import STAGE_V4
from khabar.quotes.lexicon import load_lexicon

PEOPLE = {"e1": ("سامي الحربي", "الحربي"), "e2": ("هند العتيبي", "العتيبي")}


@pytest.fixture(scope="module")
def lexicon_v4():
    return load_lexicon(version=4)


def _quotes(make_document, lexicon, text, people=PEOPLE, dateline=False):
    doc = make_document(text, people)
    if dateline:
        first = dataclasses.replace(doc.paragraphs[0], kind=DATELINE)
        doc = dataclasses.replace(doc, paragraphs=(first, *doc.paragraphs[1:]))
    return [(q.speaker_text, doc.text[q.content.start:q.content.end])
            for q in find_quotes(doc, lexicon, stage=STAGE_V4)]


def test_a_cue_before_a_colon_ends_the_reported_clause_before_it(make_document, lexicon_v4):
    text = ("وأكد سامي الحربي أنهم سيضمون لاعبين جددا، أما عن المدرب فقال: «سننتظر حتى نجد الأفضل».\n"
            "وقال الحربي: استلمنا النادي مديونا وسددنا أكثر الديون” وزاد:” أشكر الجماهير على صبرها“.")
    assert _quotes(make_document, lexicon_v4, text) == [
        ("سامي الحربي", "أنهم سيضمون لاعبين جددا"),
        ("سامي الحربي", "سننتظر حتى نجد الأفضل"),
        ("الحربي", "استلمنا النادي مديونا وسددنا أكثر الديون"),
        ("الحربي", "أشكر الجماهير على صبرها"),
    ]


def test_a_name_after_a_preposition_before_the_cue_is_the_topic_not_the_speaker(make_document,
                                                                                 lexicon_v4):
    text = ("وقال سامي الحربي إن الموسم كان صعبا على الفريق.\n"
            "وعن هند العتيبي أجاب: «هي من أفضل اللاعبات في الدوري».")
    assert [s for s, _ in _quotes(make_document, lexicon_v4, text)] == [
        "سامي الحربي", "سامي الحربي"]


def test_a_name_in_the_dateline_is_no_speaker(make_document, lexicon_v4):
    text = "هند العتيبي – صحيفة النهار\nأكدت أن المعرض يستمر أسبوعا كاملا بمشاركة مئة شركة."
    content = "المعرض يستمر أسبوعا كاملا بمشاركة مئة شركة"
    assert _quotes(make_document, lexicon_v4, text, dateline=True) == [(None, content)]
    # the same line as a paragraph of the body names the speaker
    assert _quotes(make_document, lexicon_v4, text) == [("هند العتيبي", content)]


def test_a_hashtag_before_the_speaker_hides_no_name(make_document, lexicon_v4):
    text = "وقال #سامي_الحربي إن الموسم كان صعبا على الفريق كله هذا العام."
    people = {"e1": ("سامي_الحربي",)}
    assert _quotes(make_document, lexicon_v4, text, people) == [
        ("سامي_الحربي", "الموسم كان صعبا على الفريق كله هذا العام")]

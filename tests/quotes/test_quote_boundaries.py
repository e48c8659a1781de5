"""Where a quote ends and who is its speaker: a cue before a colon starts a new quote, a name
after a preposition is the topic, a name in the dateline is the writer's, a hashtag's marks
hide no speaker, a quoted name after the cue speaks; text written for these tests."""

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


@pytest.mark.parametrize(("text", "expected"), [
    ('وقال سامي الحربي إن الموسم كان صعبا.\nوقال "الحربي": "سنعود أقوى في الموسم المقبل".',
     [("سامي الحربي", "الموسم كان صعبا"), ("الحربي", "سنعود أقوى في الموسم المقبل")]),
    ('وقال سامي الحربي إن الموسم كان صعبا.\nوتابع "الحربي" أنه سيبقى مع الفريق.',
     [("سامي الحربي", "الموسم كان صعبا"), ("الحربي", "أنه سيبقى مع الفريق")]),
    # a quoted name that closes the clause is not what was said
    ("وقال سامي الحربي إن الموسم كان صعبا، كما يقول «الحربي».",
     [("سامي الحربي", "الموسم كان صعبا")]),
    # a quoted one word that is no name stays a quote
    ('وسئل سامي الحربي عن العقد الجديد فقال "نعم".', [("سامي الحربي", "نعم")]),
])
def test_a_short_quoted_name_right_after_the_cue_is_the_speaker(make_document, lexicon_v4,
                                                                 text, expected):
    assert _quotes(make_document, lexicon_v4, text) == expected


@pytest.mark.parametrize(("text", "people", "expected"), [
    ("وقال مدرب الفريق لويس فان غال إن اللاعبين جاهزون.", {"e1": ("لويس فان غال",)},
     [("لويس فان غال", "اللاعبين جاهزون")]),
    ("وقال الأمين العام بان كي مون إن المجتمع الدولي صنع تاريخا.", {"e1": ("بان كي مون",)},
     [("بان كي مون", "المجتمع الدولي صنع تاريخا")]),
    ("وقال د. سامي الحربي إن الموسم كان صعبا.", PEOPLE, [("سامي الحربي", "الموسم كان صعبا")]),
])
def test_names_with_a_complementizer_form_or_an_abbreviated_honorific_speak(
        make_document, lexicon_v4, text, people, expected):
    assert _quotes(make_document, lexicon_v4, text, people) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name withheld is no speech act, and the aside is not the speaker
    ("وأوضح المصدر ــ فضل عدم ذكر اسمه ــ أن الإجراءات لا تستغرق أكثر من يوم.",
     [("المصدر", "الإجراءات لا تستغرق أكثر من يوم")]),
    ("وقال مسؤول رفض الكشف عن هويته إن الهجوم وقع ليلا.", [("مسؤول", "الهجوم وقع ليلا")]),
    # `فضل` is also a given name
    ("وأكد نائب مدير الأمن فضل الراعي أن الوضع هادئ تماما.",
     [("نائب مدير الأمن فضل الراعي", "الوضع هادئ تماما")]),
    # `بحسب ما أظهرت X`: X, not ما
    ("وبحسب ما أظهرت نقوش الجدران، فإن عمرها يعود إلى القرن الثالث.",
     [("نقوش الجدران", "عمرها يعود إلى القرن الثالث")]),
    # an adverb after the verb is no subject
    ("وقال سامي الحربي إن الموسم كان صعبا. وأعلن مؤخرا أنه سيبقى مع الفريق.",
     [("سامي الحربي", "الموسم كان صعبا"), ("سامي الحربي", "أنه سيبقى مع الفريق")]),
])
def test_a_withheld_name_an_according_clause_and_an_adverb_name_no_speaker(make_document,
                                                                           lexicon_v4, text,
                                                                           expected):
    assert _quotes(make_document, lexicon_v4, text) == expected


@pytest.mark.parametrize(("text", "people", "expected"), [
    # a title in construct is the subject, not the reported noun phrase
    ("وأكد مدير عام فرع وزارة العمل بالجوف، سامي الحربي، اكتمال الاستعدادات للموسم.", PEOPLE,
     [("سامي الحربي", "اكتمال الاستعدادات للموسم")]),
    ("وكشف قائد قوة الصواريخ اللواء سامي الحربي تفاصيل العملية الأخيرة.", PEOPLE,
     [("سامي الحربي", "تفاصيل العملية الأخيرة")]),
    # an indefinite title alone, then the reported noun phrase
    ("ونفى مسؤول وجود شرخ في العلاقات بين البلدين.", PEOPLE,
     [("مسؤول", "وجود شرخ في العلاقات بين البلدين")]),
])
def test_a_title_in_construct_is_the_subject_of_a_reported_noun_phrase(make_document, lexicon_v4,
                                                                        text, people, expected):
    assert _quotes(make_document, lexicon_v4, text, people) == expected


def test_a_name_in_a_byline_glued_to_the_body_is_no_speaker(make_document, lexicon_v4):
    text = "هند العتيبي- صحيفة النهار- جدة: وأكدت أن المعرض يستمر أسبوعا كاملا."
    assert [s for s, _ in _quotes(make_document, lexicon_v4, text)] == [None]


def test_a_quoted_name_right_after_the_cue_speaks_the_quote_after_it(make_document, lexicon_v4):
    text = 'وعلقت الشركة الرحلات أمس. وقالت «الخطوط الوطنية» "نظرا لاندلاع حريق علقت كل الرحلات".'
    assert _quotes(make_document, lexicon_v4, text, {}) == [
        ("الخطوط الوطنية", "نظرا لاندلاع حريق علقت كل الرحلات")]

"""Issue 15, speakers (quotes.cues.v3): continuations across paragraphs, titles and
collectives, relays, feminine speakers, a quote inside a quote, the person spoken about."""

import pytest

import khabar.stages.quotes  # noqa: F401  (registers the stages)
from khabar.pipeline import REGISTRY
from khabar.quotes import find_quotes
from khabar.quotes.extract import STAGE_V2

PEOPLE = {
    "e1": ("سامي الحربي", "الحربي"),
    "e2": ("هند العتيبي", "العتيبي"),
    "e3": ("خالد الزهراني", "الزهراني"),
    "e4": ("وزارة الصحة",),
    "e5": ("رويترز",),
    "e6": ("تويتر",),
}
TYPES = {"e4": "ORG", "e5": "ORG", "e6": "ORG"}


def _found(make_document, lexicon, text, **kwargs):
    doc = make_document(text, PEOPLE, types=TYPES)
    return doc, find_quotes(doc, lexicon, **kwargs)


def _speakers(make_document, lexicon, text):
    _, quotes = _found(make_document, lexicon, text)
    return [(q.speaker, q.speaker_text) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [
    (  # a continuation cue two paragraphs later, past a sentence about someone else
        "قال سامي الحربي إن الميزانية ستعلن الشهر المقبل.\n"
        "وكان الحربي قد التقى أمس بالمقاول خالد الزهراني في موقع المشروع.\n"
        "وأضاف أن العجز سيتراجع هذا العام.",
        [("e1", "سامي الحربي"), ("e1", "الحربي")],
    ),
    (  # a pronoun subject (وأكد أن) goes to the last speaker, not the last person named
        "قال سامي الحربي إن المشروع تأخر.\n"
        "وتعود ملكية الأرض إلى عائلة خالد الزهراني منذ عقود.\n"
        "وأكد أن التمويل سيصل قريبا.",
        [("e1", "سامي الحربي"), ("e1", "سامي الحربي")],
    ),
    (  # من جانبه after another speaker, and وتابعت for the woman who spoke before him
        "قالت هند العتيبي إن الحملة نجحت.\n"
        "من جانبه، قال سامي الحربي إن النتائج مشجعة.\n"
        "وتابعت العتيبي أن المرحلة الثانية تبدأ غدا.\n"
        "وأوضحت أن التسجيل مفتوح للجميع.",
        [("e2", "هند العتيبي"), ("e1", "سامي الحربي"), ("e2", "العتيبي"),
         ("e2", "العتيبي")],
    ),
    (  # a title opening the sentence before, unnamed and silent so far, is the antecedent
        "قال سامي الحربي إن الاتفاق قريب.\nوبعث رئيس مفوضية الاتحاد الأوروبي رسالة تهنئة للرئيس.\n"
        "وقال في الرسالة إن التعاون مهم.",
        [("e1", "سامي الحربي"), (None, "رئيس مفوضية الاتحاد الأوروبي")],
    ),
    (  # a verb joined by و goes on with the sentence's subject, not with the name before it
        "استنكر الدكتور خالد الزهراني تصريحات الحربي وقال إن العراقيين يرفضونها.",
        [("e3", "خالد الزهراني")],
    ),
    (  # a subject named before its verb in the previous sentence still introduces a speaker
        "التقت هند العتيبي بوفد من المستثمرين أمس.\nوقالت إن الاستثمارات ستتضاعف.",
        [("e2", "هند العتيبي")],
    ),
])
def test_v3_continuations_go_to_the_last_agreeing_speaker(make_document, lexicon, text,
                                                          expected):
    assert _speakers(make_document, lexicon, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قال وزير الخارجية إن المفاوضات مستمرة.", [(None, "وزير الخارجية")]),
    (  # the title's person when the article names them
        "استقبل وزير الخارجية سامي الحربي السفير أمس.\nوقال وزير الخارجية إن العلاقات متينة.",
        [("e1", "وزير الخارجية")],
    ),
    ("وقال المتحدث باسم الوزارة إن التحقيق جار.", [(None, "المتحدث باسم الوزارة")]),
    ("وقالت مصادر أمنية إن المشتبه به اعتقل.", [(None, "مصادر أمنية")]),
    ("وذكرت تقارير إعلامية أن الطائرة هبطت اضطراريا.", [(None, "تقارير إعلامية")]),
    ("وقال مسؤول أمريكي إن القوات ستنسحب.", [(None, "مسؤول أمريكي")]),
    ("وقالت الشرطة إن الحادث لم يسفر عن إصابات.", [(None, "الشرطة")]),
    ("وأكدت وزارة الصحة أن الوضع تحت السيطرة.", [("e4", "وزارة الصحة")]),
    (  # a collective counted out of a group (عدد من), and its participle after a comma
        "وأكد عدد من السكان أن الخدمة تحسنت، مشيرين إلى أن الانقطاع توقف.",
        [(None, "عدد من السكان"), (None, "عدد من السكان")],
    ),
    (  # the subject between كانت and its verb, over قد
        "وكانت الحكومة قد أعلنت أن الطريق سيغلق.", [(None, "الحكومة")],
    ),
    (  # a prepositional phrase before the subject set off by commas
        "وعقدت ندوة قال فيها، سامي الحربي، إن الطلب على المياه يتزايد.",
        [("e1", "سامي الحربي")],
    ),
    (  # a name in apposition to a title, that no entity stage found
        "وقالت مديرة المستشفى، لورنا ويلكنسون، إن المريض في حالة مستقرة.",
        [(None, "لورنا ويلكنسون")],
    ),
])
def test_v3_titles_organizations_and_collectives_speak(make_document, lexicon, text, expected):
    assert _speakers(make_document, lexicon, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (
        "ونقلت وكالة الأنباء الرسمية عن سامي الحربي قوله إن الاتفاق سيوقع قريبا.",
        [("e1", "سامي الحربي")],
    ),
    ("وقال الحربي في تغريدة على تويتر إن الطريق سيفتتح غدا.", [("e1", "الحربي")]),
    ("وكتبت هند العتيبي في تغريدة على تويتر: «الحملة مستمرة».", [("e2", "هند العتيبي")]),
    (  # the tweet speaks for whoever posted it
        "ونشرت الشرطة تغريدة على تويتر تقول «لا خطر على السكان».",
        [(None, "الشرطة")],
    ),
    (
        "وقالت وزارة الصحة في بيان نشرته وكالة الأنباء إن اللقاح آمن.",
        [("e4", "وزارة الصحة")],
    ),
    (  # the agency that relays a speaker is no second speaker
        "وقال الحربي إن الاتفاق سيوقع الأسبوع المقبل، بحسب ما نقلت رويترز.",
        [("e1", "الحربي")],
    ),
    (
        "وأفادت وكالة الأنباء الرسمية نقلا عن مصدر في الوزارة أن المفاوضات توقفت.",
        [(None, "مصدر")],
    ),
])
def test_v3_relays_are_not_speakers(make_document, lexicon, text, expected):
    assert _speakers(make_document, lexicon, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (  # a feminine title goes to the woman named with it, not to the man named later
        "التقت وزيرة التخطيط هند العتيبي بالمدير سامي الحربي.\n"
        "وقالت الوزيرة إن الخطة جاهزة.",
        [("e2", "الوزيرة")],
    ),
    (  # a feminine continuation skips the man who spoke last
        "قالت هند العتيبي إن الخطة جاهزة.\nوقال سامي الحربي إن التمويل متوفر.\n"
        "وأضافت أن التنفيذ يبدأ غدا.",
        [("e2", "هند العتيبي"), ("e1", "سامي الحربي"), ("e2", "هند العتيبي")],
    ),
])
def test_v3_feminine_speakers_agree(make_document, lexicon, text, expected):
    assert _speakers(make_document, lexicon, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (  # a document speaks as written when nobody posted it in the sentence
        "وكشفت مذكرة داخلية أن الخطة تأجلت إلى العام المقبل.", [(None, "مذكرة داخلية")],
    ),
    (  # a plural of things takes a feminine singular verb: the sources go on speaking
        "وذكرت مصادر أمنية أن المشتبه به اعتقل.\nوأوضحت أن التحقيق مستمر.",
        [(None, "مصادر أمنية"), (None, "مصادر أمنية")],
    ),
    (  # the figures are vouched for by the one named in their relative clause
        "وقتل عشرة مدنيين في المدينة، حسب الأرقام التي أكدتها وزارة الصحة.",
        [("e4", "وزارة الصحة")],
    ),
    (  # a subject ends before its relative clause
        "وقال اللاعب الشاب الذي فاز بالجائزة إن الفوز كان صعبا.", [(None, "اللاعب الشاب")],
    ),
    (  # a relay that opens the participle's content
        'وذكرت الوكالة أن القوات تقدمت، مشيرة، نقلا عن الجيش، إلى "السيطرة على التلال".',
        [(None, "الوكالة"), (None, "الجيش")],
    ),
    (  # an unnamed subject without the day or the outlet told after it
        'وذكرت مصادر لـ"صحيفة الوطن"، الخميس، أن الاتفاق قريب.', [(None, "مصادر")],
    ),
    (  # a name in quotation marks after باسم belongs to the subject
        'وقال المتحدث باسم "حركة النهضة"، إن الحوار مستمر.',
        [(None, 'المتحدث باسم "حركة النهضة"')],
    ),
    (  # the source after وفقا ل
        "وتراجعت الأسعار بنسبة عشرة بالمئة، وفقا لوزارة الصحة.", [("e4", "وزارة الصحة")],
    ),
    (  # a preposition with a pronoun before the subject: the one spoken about does not speak
        "قال سامي الحربي إن الخطة جاهزة. وقال عنه خالد الزهراني إنه رجل مخلص.",
        [("e1", "سامي الحربي"), ("e3", "خالد الزهراني")],
    ),
    (  # the outlet told comes between the verb and its subject
        'وقال لـ"الصحيفة" سامي الحربي إن المهرجان نجح.', [("e1", "سامي الحربي")],
    ),
    (  # a statement speaks for the body it belongs to, not for the subject of the sentence
        "ونشر الموقع الرسمي نص بيان لوزارة الصحة، يؤكد أن اللقاح آمن.",
        [("e4", "وزارة الصحة")],
    ),
    (  # a statement speaks for whoever issued it, before or after the verb that did
        "وأصدرت الوزارة بيانا قالت فيه إن اللقاح آمن.", [(None, "الوزارة")],
    ),
    (
        "ولم يحدد الوزير موعدا لكن رئاسة الأركان كانت أصدرت الخميس بيانا غامضا أشارت فيه "
        "إلى أن الاتصال جرى.",
        [(None, "رئاسة الأركان")],
    ),
    (  # someone's own site speaks for them: the speaker goes on
        "وقالت هند العتيبي إن العمل مستمر. وبدأت العمل قبل سنوات، وفقا لموقعها على الإنترنت.",
        [("e2", "هند العتيبي"), ("e2", "هند العتيبي")],
    ),
    (  # a subject cited after the words ends at its comma
        "تحطمت طائرة في الجبال، حسبما أعلن التلفزيون الرسمي، وكانت في طريقها إلى العاصمة.",
        [(None, "التلفزيون الرسمي")],
    ),
    (  # an unnamed source after وفقا ل is written without its ل
        "وارتفعت أسعار النفط في الأسواق العالمية أمس، وفقا للوكالة.", [(None, "الوكالة")],
    ),
    (  # a name after a chain of titles belongs to the title subject opening the sentence
        "وبين الوكيل المساعد لشؤون البيئة الدكتور خالد الزهراني، أن الغرامة كبيرة، "
        "مشيرا إلى أن العقوبات جديدة.",
        [("e3", "خالد الزهراني")],
    ),
    (  # a preposition after the verb: the subject was dropped, and nobody spoke before
        "وأشادت الصحيفة بالإمام، وكتبت بين قوسين: الصورة من الصحيفة.", [(None, None)],
    ),
])
def test_v3_documents_groups_and_clauses(make_document, lexicon, text, expected):
    assert _speakers(make_document, lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "وكشف الحربي عن خطة جديدة للنقل.",  # what was spoken about, not what was said
    "وأشار الحربي إلى اختيار العتيبي رئيسة للجنة.",
    "وأعلن مدير المطار، خالد عمر، عن عودة الرحلة إلى المطار.",
    "ونزع الحكم قميصه في الملعب، كاشفا عن إصابة في كتفه.",  # a participle never looks back
    "وأعلنت مصادر رسمية عن مقتل جنديين في الهجوم.",  # a subject read as content up to عن
])
def test_v3_a_noun_after_an_or_ila_is_no_quote(make_document, lexicon, text):
    assert _speakers(make_document, lexicon, text) == []


def test_v3_a_topic_after_ila_is_no_speaker_of_qawluh(make_document, lexicon):
    text = ("قال سامي الحربي إن الأسعار تراجعت.\n"
            "وتطرق إلى الجانب الفني بقوله: الاتجاه يدعم الهبوط.")
    assert _speakers(make_document, lexicon, text) == [("e1", "سامي الحربي")] * 2


def test_v3_a_participle_of_another_gender_is_not_the_named_speaker(make_document, lexicon):
    text = ("وقال سامي الحربي إن المنظمة كرمت المدينة على تجربتها، "
            "مؤكدة أنها تجربة رائدة.")
    assert _speakers(make_document, lexicon, text)[1] != ("e1", "سامي الحربي")


def test_v3_a_quote_inside_a_quote_has_its_own_speaker(make_document, lexicon):
    text = ('ونسبت وكالة الأنباء إلى سامي الحربي قوله "وصلنا إلى المكان متأخرين. '
            'قال خالد الزهراني إن الجسر انهار قبل وصولنا. ولم نجد أحدا".')
    doc, quotes = _found(make_document, lexicon, text)
    found = [(q.speaker, doc.span_text(q.content)) for q in quotes]
    assert found[0][0] == "e1" and found[0][1].startswith("وصلنا إلى المكان")
    assert found[0][1].endswith("ولم نجد أحدا")
    assert ("e3", "الجسر انهار قبل وصولنا") in found


def test_v3_an_inner_cue_needs_a_subject_that_names_someone(make_document, lexicon):
    text = ('وقال الحربي: "هذا ما تقول به الوزارة منذ سنوات، '
            'وما نفت ما هو منسوب إليها من أن الخطة فشلت".')
    _, quotes = _found(make_document, lexicon, text)
    assert [q.speaker for q in quotes] == ["e1"]


def test_v3_the_person_spoken_about_is_not_the_speaker(make_document, lexicon):
    text = "وقال سامي الحربي عن هند العتيبي إنها أدت عملا كبيرا."
    assert _speakers(make_document, lexicon, text) == [("e1", "سامي الحربي")]


def test_v3_an_outlet_named_in_quotes_is_no_quote(make_document, lexicon):
    text = 'وقال مدير المطار سامي الحربي "الرياض"، إنه فور تلقي البلاغ أعلنت حالة الطوارئ.'
    doc, quotes = _found(make_document, lexicon, text)
    assert [(q.speaker, doc.span_text(q.content), q.direct) for q in quotes] == [
        ("e1", "إنه فور تلقي البلاغ أعلنت حالة الطوارئ", False)]


def test_v3_an_unresolved_speaker_is_null_with_a_reason(make_document, lexicon):
    _, quotes = _found(make_document, lexicon, "وأضافت أن الاجتماع سيعقد غدا.")
    assert [(q.speaker, q.speaker_text, q.speaker_reason) for q in quotes] == [
        (None, None, "no_antecedent")]


def test_v2_keeps_its_old_reading(make_document, lexicon):
    text = "وقالت مديرة المستشفى، لورنا ويلكنسون، إن المريض في حالة مستقرة."
    _, quotes = _found(make_document, lexicon, text, stage=STAGE_V2)
    assert [(q.speaker_text, q.stage) for q in quotes] == [("مديرة المستشفى", STAGE_V2)]


def test_v3_is_registered_beside_v2():
    assert {"quotes.cues.v2", "quotes.cues.v3"} <= set(REGISTRY)
    assert REGISTRY["quotes.cues.v3"].produces == {"quotes"}

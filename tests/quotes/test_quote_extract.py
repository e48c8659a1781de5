"""find_quotes on short fictional articles: cues, quote marks, speakers and continuations."""

import pytest

from khabar.quotes import find_quotes

PEOPLE = {
    "e1": ("سامي الحربي", "الحربي"),
    "e2": ("هند العتيبي", "العتيبي"),
    "e3": ("وزارة الصحة",),
}
TYPES = {"e3": "ORG"}


def _quotes(make_document, lexicon, text, people=PEOPLE, **kwargs):
    doc = make_document(text, people, types=TYPES, **kwargs)
    return doc, [
        (q.speaker, q.speaker_text, doc.span_text(q.content), q.direct)
        for q in find_quotes(doc, lexicon)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'قال وزير النقل، سامي الحربي، إن "المشروع سيكتمل العام المقبل".',
            [("e1", "سامي الحربي", "المشروع سيكتمل العام المقبل", True)],
        ),
        (
            "قال وزير النقل سامي الحربي إن المشروع سيكتمل العام المقبل.",
            [("e1", "سامي الحربي", "المشروع سيكتمل العام المقبل", False)],
        ),
        (
            "أكدت هند العتيبي في مؤتمر صحفي أن الحملة نجحت في أسبوعها الأول.",
            [("e2", "هند العتيبي", "الحملة نجحت في أسبوعها الأول", False)],
        ),
        (
            "وأعلنت وزارة الصحة تسجيل ثلاث إصابات جديدة في المدينة.",
            [("e3", "وزارة الصحة", "تسجيل ثلاث إصابات جديدة في المدينة", False)],
        ),
        (
            "ونفى الحربي وجود أي تأخير في التنفيذ، لافتًا إلى أن «العمل يسير وفق الخطة».",
            [
                ("e1", "الحربي", "وجود أي تأخير في التنفيذ", False),
                ("e1", "الحربي", "العمل يسير وفق الخطة", True),
            ],
        ),
        (
            "حذّرت العتيبي من أنه \"لا يمكن الاستمرار بهذا الشكل\".",
            [("e2", "العتيبي", "لا يمكن الاستمرار بهذا الشكل", True)],
        ),
        (
            "قال مسؤولون في المدينة إن الطرق ستغلق يوم الجمعة.",
            [(None, "مسؤولون", "الطرق ستغلق يوم الجمعة", False)],
        ),
        (
            "وقال شهود عيان إن الحريق بدأ قبل الفجر.",
            [(None, "شهود عيان", "الحريق بدأ قبل الفجر", False)],
        ),
    ],
)
def test_quotes_attribute_the_subject_after_the_cue(make_document, lexicon, text, expected):
    assert _quotes(make_document, lexicon, text)[1] == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # masculine continuation after a feminine speaker goes back to the man
            'قال الحربي إن "الطريق جاهز".\nوقالت العتيبي إن "المستشفى جاهز".\n'
            'وأضاف أن "الافتتاح الأسبوع المقبل".',
            ["e1", "e2", "e1"],
        ),
        (  # a feminine verb goes to the woman even when a man spoke last
            'قالت العتيبي إن "الحملة بدأت".\nوقال الحربي إن "الطريق جاهز".\n'
            'وتابعت: "سنعلن النتائج غدًا".',
            ["e2", "e1", "e2"],
        ),
        (  # gender from a first name, and a participle continues the current speaker
            'من جانبه، أكد الحربي أن "العمل مستمر"، مضيفًا أن "التمويل متوفر".',
            ["e1", "e1"],
        ),
        (  # gender from a role title
            'وقالت منسقة البرنامج، رنا الشهري، إن "التسجيل مفتوح".\n'
            'وقال الحربي إن "الموعد ثابت".\nوأوضحت أن "الأماكن محدودة".',
            ["e4", "e1", "e4"],
        ),
    ],
)
def test_quotes_resolve_continuations_by_gender_and_recency(make_document, lexicon, text,
                                                             speakers):
    people = {**PEOPLE, "e4": ("رنا الشهري",)}
    _, found = _quotes(make_document, lexicon, text, people)
    assert [speaker for speaker, *_ in found] == speakers


@pytest.mark.parametrize(
    "text",
    [
        'وأضاف أن "الافتتاح الأسبوع المقبل".',  # no one has spoken yet
        'وقالت إن "الأمر محسوم".\n',
    ],
)
def test_quotes_keep_speaker_null_when_nobody_fits(make_document, lexicon, text):
    _, found = _quotes(make_document, lexicon, text)
    assert [(speaker, speaker_text) for speaker, speaker_text, *_ in found] == [(None, None)]


@pytest.mark.parametrize(
    "text",
    [
        'أقيم الحفل في قاعة "الملك فهد" بحضور الحربي.',  # a name in quotes, no cue
        "زار الحربي المعرض وتجول في أجنحته.",
        "قال الحربي.",  # a cue without content
        'وتابع الحربي "المباراة" من المدرجات.',  # تابع = watched; quoted name after a name
    ],
)
def test_quotes_ignore_quote_marks_and_verbs_that_report_nothing(make_document, lexicon, text):
    assert _quotes(make_document, lexicon, text)[1] == []


def test_quotes_inside_reported_content_belong_to_the_reporter(make_document, lexicon):
    text = "قال الحربي إن العتيبي أكدت له في اتصال هاتفي أن المشروع سيكتمل."
    _, found = _quotes(make_document, lexicon, text)
    assert [(s, d) for s, _, _, d in found] == [("e1", False)]


def test_quotes_close_an_unbalanced_quote_before_the_next_one(make_document, lexicon):
    text = 'وأكد الحربي أن "العمل مستمر رغم الصعوبات، مضيفًا "لن نتوقف".'
    _, found = _quotes(make_document, lexicon, text)
    assert [(s, c) for s, _, c, _ in found] == [
        ("e1", "العمل مستمر رغم الصعوبات"),
        ("e1", "لن نتوقف"),
    ]


def test_quotes_record_offsets_in_the_clean_text(make_document, lexicon):
    doc, _ = _quotes(make_document, lexicon, 'قال الحربي: «الطريق جاهز».')
    (quote,) = find_quotes(doc, lexicon)
    assert doc.span_text(quote.cue) == "قال"
    assert doc.span_text(quote.speaker_span) == "الحربي"
    assert doc.span_text(quote.content) == "الطريق جاهز"
    assert quote.stage == "quotes.cues.v3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a subject before its verb, after a conjunction that ends the earlier content
            "وأوضحت وزارة الصحة أن الحملة ستستمر أسبوعًا، لكن مسؤولين قالوا إنها مددت سرًا.",
            [("e3", "وزارة الصحة", "الحملة ستستمر أسبوعًا", False),
             (None, "مسؤولين", "إنها مددت سرًا", False)],
        ),
        (  # according to ..., at the start of a sentence
            "وبحسب الحربي فإن الطريق سيفتتح قبل نهاية العام.",
            [("e1", "الحربي", "الطريق سيفتتح قبل نهاية العام", False)],
        ),
        (  # an unknown name before the verb is kept as words, never replaced by a guess
            "وقال الحربي إن الطريق جاهز. إلا أن مسلم نفى أي علاقة له بالمشروع.",
            [("e1", "الحربي", "الطريق جاهز", False), (None, "مسلم", "أي علاقة له بالمشروع", False)],
        ),
        (  # the antecedent of a relative pronoun
            "وفاز الحربي (50 عاما) - الذي أشار أمس إلى أن الانتخابات نزيهة - بالمنصب.",
            [("e1", "الحربي", "الانتخابات نزيهة - بالمنصب", False)],
        ),
        (  # a verb and قائلا/قائلة are one speech act
            'وغرّدت الوزيرة السابقة هند العتيبي قائلة: "الخطوة مهمة".',
            [("e2", "هند العتيبي", "الخطوة مهمة", True)],
        ),
        (
            "وتابع الحربي قائلا إن الطريق جاهز، مضيفا أن الافتتاح قريب.",
            [("e1", "الحربي", "الطريق جاهز", False), ("e1", "الحربي", "الافتتاح قريب", False)],
        ),
        (  # the outlet told is not the speaker
            'وقالت لصحيفة "الرياض" إن الحملة نجحت.',
            [(None, None, "الحملة نجحت", False)],
        ),
        (  # a quote that opens with its own complementizer
            'وقال الحربي في تصريح "إن الطريق جاهز تمامًا".',
            [("e1", "الحربي", "إن الطريق جاهز تمامًا", True)],
        ),
    ],
)
def test_quotes_handle_subject_order_and_sources(make_document, lexicon, text, expected):
    assert _quotes(make_document, lexicon, text)[1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ويذكر أن الطريق افتتح قبل عامين.",  # impersonal: it is worth noting that
        "وعاد الحربي إلى منزله بعد أن انتهى الاجتماع.",  # بعد أن is not reported speech
        "وأعلن عنه المركز رسميًا.",
    ],
)
def test_quotes_skip_impersonal_and_temporal_uses(make_document, lexicon, text):
    assert _quotes(make_document, lexicon, text)[1] == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # a bare title later in the article goes to the person introduced with it
            'قال وزير النقل سامي الحربي إن "الطريق جاهز".\nوقالت العتيبي إن "الحملة بدأت".\n'
            'وأفاد الوزير بأن "الافتتاح قريب".',
            ["e1", "e2", "e1"],
        ),
        (  # but not to a man named next to a feminine title
            'وقال والد الطالبة سامي الحربي إن "القبول تأخر".\n'
            'وقالت الطالبة إن "الجامعة لم ترد".',
            ["e1", None],
        ),
        (  # a person introduced without a quote is the dropped subject of the next verb
            "رصدت هند العتيبي أدلة على ذلك.\nوقالت إن الأطفال يكتبون أقل.",
            ["e2"],
        ),
        (  # a plural verb goes to a group, never to a person
            "قدّر عدد من الخبراء حجم الخسائر بعد لقاء الحربي. وأكدوا أن السوق سيتعافى.",
            [None],
        ),
    ],
)
def test_quotes_resolve_titles_and_introduced_people(make_document, lexicon, text, speakers):
    _, found = _quotes(make_document, lexicon, text)
    assert [speaker for speaker, *_ in found] == speakers


def test_quotes_give_a_plural_verb_the_group_named_before(make_document, lexicon):
    text = "قدّر عدد من الخبراء حجم الخسائر بعد لقاء الحربي. وأكدوا أن السوق سيتعافى."
    _, found = _quotes(make_document, lexicon, text)
    assert [(speaker, speaker_text) for speaker, speaker_text, *_ in found] == [(None, "الخبراء")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"الطريق سيفتتح قريبا"، قال الحربي.', [("e1", "الحربي", "الطريق سيفتتح قريبا", True)]),
        (
            "سجلت المدينة ثلاث إصابات جديدة، كما أعلنت وزارة الصحة.",
            [("e3", "وزارة الصحة", "سجلت المدينة ثلاث إصابات جديدة", False)],
        ),
        (
            "الحربي يدرس جديا خيار الترشح حسبما أكد مصدر مقرب منه.",
            [(None, "مصدر مقرب منه", "الحربي يدرس جديا خيار الترشح", False)],
        ),
        (  # a one-word quote that closes its clause belongs to the name before it
            'قال الحربي "نعم"، حسب ما ذكرت وزارة الصحة.',
            [("e1", "الحربي", "نعم", True)],
        ),
        (  # a reported clause stops before the backward attribution of its own source
            "وقال الحربي إن الطريق جاهز بحسب ما ذكرت وزارة الصحة.",
            [("e1", "الحربي", "الطريق جاهز", False)],
        ),
    ],
)
def test_quotes_read_attributions_written_after_the_words(make_document, lexicon, text,
                                                          expected):
    assert _quotes(make_document, lexicon, text)[1] == expected



@pytest.mark.parametrize(
    "text",
    [
        "وقالت وكالة الرافدين إن الطريق سيغلق يوم الجمعة.",
        'وقالت صحيفة "الرافدين" المحلية إن الطريق سيغلق يوم الجمعة.',
    ],
)
def test_an_organization_named_after_its_head_noun_is_the_speaker(make_document, lexicon, text):
    doc = make_document(text, {"e5": ("الرافدين",)}, types={"e5": "ORG"})
    (quote,) = find_quotes(doc, lexicon)
    assert (quote.speaker, doc.span_text(quote.content)) == ("e5", "الطريق سيغلق يوم الجمعة")
    assert doc.span_text(quote.speaker_span).startswith(("وكالة", "صحيفة"))

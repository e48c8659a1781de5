import pytest

from khabar.document import HEADING, PARAGRAPH
from khabar.reading.blocks import Block, clean_blocks, collapse_glued, unescape_references
from khabar.reading.boilerplate import LineClassifier

BODY_1 = "أعلنت الحكومة اليوم عن حزمة إجراءات جديدة لدعم المزارعين المتضررين من موجة الجفاف الأخيرة."
BODY_2 = "وقال وزير الزراعة إن الحزمة تشمل قروضًا ميسرة وتعويضات مباشرة لأكثر من عشرة آلاف أسرة."


@pytest.fixture(scope="module")
def classifier():
    return LineClassifier.load()


def lines(*texts):
    return [Block(t) for t in texts]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("عنوان الخبرعنوان الخبر", "عنوان الخبر"),
        ("عنوان الخبر عنوان الخبر عنوان الخبر", "عنوان الخبر"),
        ("عنوان الخبر", "عنوان الخبر"),
        ("هههه", "هههه"),
        ("لا لا", "لا لا"),
    ],
)
def test_collapse_glued_keeps_one_copy(line, expected):
    assert collapse_glued(line) == expected


def test_one_title_survives_repeats_and_glued_copies(classifier):
    title = "الحكومة تدعم المزارعين"
    draft = clean_blocks(lines(title, title + title, title, BODY_1, BODY_2), classifier)
    assert draft.title == title
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_title_glued_to_the_first_paragraph_is_cut_off(classifier):
    title = "الحكومة تدعم المزارعين"
    draft = clean_blocks(lines(title, title + BODY_1, BODY_2), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_menu_lines_above_the_title_are_dropped(classifier):
    title = "الحكومة تدعم المزارعين المتضررين"
    draft = clean_blocks(lines("الرئيسية", "أخبار", "محليات", title, BODY_1), classifier)
    assert draft.title == title
    assert [b.text for b in draft.blocks] == [BODY_1]


def test_short_line_between_paragraphs_is_a_heading(classifier):
    draft = clean_blocks(lines("العنوان الرئيسي للخبر", BODY_1, "خطة الدعم", BODY_2), classifier)
    assert [(b.kind, b.text) for b in draft.blocks] == [
        (PARAGRAPH, BODY_1), (HEADING, "خطة الدعم"), (PARAGRAPH, BODY_2)]


@pytest.mark.parametrize(
    "furniture",
    [
        ["الأكثر قراءة", "منتخب الشباب يتأهل للنهائي", "No stories found."],
        ["اقرأ أيضاً:", "ارتفاع أسعار الوقود للمرة الثانية"],
        ["شارك", "فيسبوك", "تويتر"],
        ["تابعونا على فيسبوك وتويتر"],
        ["logo"],
        ["جميع الحقوق محفوظة © 2024"],
    ],
)
def test_boilerplate_goes_and_article_text_stays(classifier, furniture):
    draft = clean_blocks(lines("العنوان الرئيسي للخبر", BODY_1, *furniture, BODY_2), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_section_marker_swallows_links_until_prose_resumes(classifier):
    draft = clean_blocks(
        lines("العنوان الرئيسي للخبر", BODY_1, "اقرأ أيضا", "خبر آخر قصير", "وخبر ثالث", BODY_2),
        classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


@pytest.mark.parametrize(
    ("footer", "name", "domain"),
    [
        (["logo", "إرم نيوز", "www.eremnews.com"], "إرم نيوز", "eremnews.com"),
        (["صحيفة الوادي اليومية", "www.wadi-daily.example"], "صحيفة الوادي اليومية", "wadi-daily.example"),
        (["www.wadi-daily.example", "صحيفة الوادي اليومية"], "صحيفة الوادي اليومية", "wadi-daily.example"),
        (["www.aljazeera.net"], "الجزيرة", "aljazeera.net"),
        (["سكاي نيوز عربية"], "سكاي نيوز عربية", "skynewsarabia.com"),
    ],
)
def test_source_name_and_domain_come_from_footer_lines(classifier, footer, name, domain):
    draft = clean_blocks(lines("العنوان الرئيسي للخبر", BODY_1, BODY_2, *footer), classifier)
    assert (draft.source_name, draft.domain) == (name, domain)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_text_that_repeats_inside_an_article_is_kept(classifier):
    draft = clean_blocks(lines("العنوان الرئيسي للخبر", BODY_1, BODY_2, BODY_1), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2, BODY_1]


TITLE = "الحكومة تدعم المزارعين المتضررين من الجفاف"


@pytest.mark.parametrize(
    "footer",
    [
        # A share-link footer repeats the title, so it is often longer than any prompt.
        [f"رابط الخبر بصحيفة الوادي اليومية: {TITLE} في المحافظات الجنوبية والشرقية والوسطى"],
        ["للتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز (12) ثم مسافة ثم نص الرسالة إلى 55555 - شركة"],
        ["للتواصل أرسل sms إلى 44444 الاتصالات", "33333 موبايلي", "تبدأ بالرمز 15 مسافة ثم الرسالة"],
        ["** جميع المقالات المنشورة تمثل رأي كتابها فقط."],
    ],
)
def test_footer_lines_go_whatever_their_length(classifier, footer):
    draft = clean_blocks(lines(TITLE, BODY_1, BODY_2, *footer), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_footer_glued_after_the_last_sentence_is_cut_off(classifier):
    glued = f" رابط الخبر بصحيفة الوادي اليومية: {TITLE}"
    draft = clean_blocks(lines(TITLE, BODY_1, BODY_2 + glued), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_footer_glued_to_an_address_goes_with_it(classifier):
    signature = "name@wadi-daily.exampleللتواصل مع الكاتب أرسل رسالة تبدأ بالرمز (12) إلى 55555"
    draft = clean_blocks(lines(TITLE, BODY_1, BODY_2, signature), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_footer_words_inside_a_sentence_are_article_text(classifier):
    body = "وخصصت الصحيفة بريدا للتواصل مع الكاتب والرد على أسئلة القراء حول الحزمة الجديدة."
    draft = clean_blocks(lines(TITLE, BODY_1, body), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, body]


@pytest.mark.parametrize("bar", ["شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك ", "Next Previous "])
def test_share_or_pager_bar_glued_before_the_first_words_is_cut_off(classifier, bar):
    draft = clean_blocks(lines(TITLE, bar + BODY_1, BODY_2), classifier)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


@pytest.mark.parametrize(
    "body",
    [
        "شارك الآلاف في المسيرة التي دعت إليها النقابات أمام مبنى البرلمان صباح اليوم.",
        "شارك في المؤتمر ممثلون عن فيسبوك وتويتر وشركات ناشئة من عشر دول عربية.",
        "تويتر فيسبوك يوتيوب، ثلاث منصات قال الباحثون إنها غيرت طريقة متابعة الأخبار.",
    ],
)
def test_paragraphs_that_open_with_share_words_are_kept(classifier, body):
    draft = clean_blocks(lines(TITLE, body, BODY_2), classifier)
    assert [b.text for b in draft.blocks] == [body, BODY_2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال &quot;لن نتراجع&quot;", 'قال "لن نتراجع"'),
        ("رؤية &#8220;هلال شوال&#8221;", "رؤية “هلال شوال”"),
        ("&#x627;&#x644;", "ال"),
        ("AT&T و &copy بلا فاصلة", "AT&T و &copy بلا فاصلة"),
        ("&notareference; تبقى", "&notareference; تبقى"),
    ],
)
def test_character_references_in_plain_text_are_resolved(text, expected):
    assert unescape_references(text) == expected


def test_the_furniture_audit_counts_each_rule_and_checks_link_footers_against_the_title(classifier):
    from eval.furniture import GLUED_BAR, REFERENCE, audit

    record = {"title": "افتتاح &quot;سوق الوادي&quot;",
              "text": "شارك من خلال تويتر فيسبوك اكتب رأيك افتتح المحافظ السوق الجديد صباح اليوم.\n"
                      'رابط الخبر بصحيفة الوادي: افتتاح "سوق الوادي"'}
    pieces, touched, _found, (links, repeats) = audit([record], classifier)
    assert pieces == {REFERENCE: 2, GLUED_BAR: 1, "footer": 1}
    assert touched[REFERENCE] == 1 and (links, repeats) == (1, 1)


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ([BODY_1, BODY_2 + " سمات الزراعة الجفاف دعم المزارعين"], [BODY_1, BODY_2]),
        ([BODY_1, "كلمات دلالية: الزراعة، الجفاف", BODY_2], [BODY_1, BODY_2]),
        # A sentence that opens with the same word is article text.
        ([BODY_1, "سمات المرحلة المقبلة واضحة للجميع كما قال الوزير."],
         [BODY_1, "سمات المرحلة المقبلة واضحة للجميع كما قال الوزير."]),
    ],
)
def test_tag_lists_go_and_sentences_that_open_like_them_stay(classifier, blocks, expected):
    draft = clean_blocks(lines(TITLE, *blocks), classifier)
    assert [b.text for b in draft.blocks] == expected

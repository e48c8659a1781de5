import pytest

from khabar.document import HEADING, PARAGRAPH
from khabar.reading.blocks import Block, clean_blocks, collapse_glued
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

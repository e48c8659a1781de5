"""Lines judged by their form, the title chosen by agreement, and the reason codes of removals
(issue 16: pages from site templates khabar has never seen). Fixtures are fictional."""

from __future__ import annotations

import pytest

from khabar.inputs import RawPage
from khabar.reading.blocks import Block, clean_blocks
from khabar.reading.boilerplate import LineClassifier
from khabar.reading.lines import LineJudge
from khabar.stages.read import REMOVED, Cleaner

TITLE = "وزارة الزراعة تطلق برنامجا لدعم مزارعي النخيل في الواحات الجنوبية"
BODY_1 = ("أطلقت وزارة الزراعة اليوم برنامجا جديدا لدعم مزارعي النخيل في الواحات الجنوبية، "
          "يشمل قروضا ميسرة وشتلات محسنة لأكثر من ثلاثة آلاف مزارع.")
BODY_2 = ("وقال وكيل الوزارة إن البرنامج يمتد على ثلاث سنوات، وإن الدفعة الأولى من الشتلات "
          "ستوزع على المزارعين قبل نهاية الشهر المقبل.")
BODY_3 = "وأضاف أن الوزارة ستفتح مكاتب ميدانية في أربع واحات لاستقبال طلبات المزارعين."


@pytest.fixture(scope="module")
def classifier():
    return LineClassifier.load()


@pytest.fixture(scope="module")
def judge(classifier):
    return LineJudge.load(classifier.networks)


def read(classifier, judge, *lines, url=None):
    return clean_blocks([Block(line) for line in lines], classifier, judge=judge, url=url)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("الرئيسية | محليات | اقتصاد | رياضة | ثقافة", "menu"),
        ("أخبار  سياسة  اقتصاد  منوعات", "menu"),
        ("مجتمع", "menu"),
        ("الرئيسية » محليات » " + TITLE, "breadcrumb"),
        ("Home > World > Africa", "breadcrumb"),
        ("الرئيسية»أخبار»محليات", "breadcrumb"),
        ("نشر في: 12/03/2018 - 10:45 ص", "stamp"),
        ("آخر تحديث الأربعاء 14 مارس 2018", "stamp"),
        ("منذ 5 ساعات", "stamp"),
        ("شارك عبر: فيسبوك تويتر واتساب", "share_row"),
        ("Facebook Twitter WhatsApp", "share_row"),
        ("اشترك في نشرتنا البريدية ليصلك كل جديد", "ui_prompt"),
        ("التعليقات (7)", "ui_prompt"),
        ("سجل الآن لتصلك آخر الأخبار", "ui_prompt"),
        ("© 2018 صحيفة الواحة", "copyright"),
        ("اقتصاد | ارتفاع أسعار التمور في أسواق الجملة", "teaser"),
        ("اقرأ أيضاً: ارتفاع أسعار التمور في أسواق الجملة بالمنطقة الشرقية", "teaser"),
        ("المصدر: صحيفة الواحة", "field"),
    ],
)
def test_furniture_is_recognized_by_its_form(judge, line, reason):
    assert judge.reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY_1, BODY_2, BODY_3, TITLE,
        "تحديات التمويل",  # a subheading
        "وقال الوزير: إن البرنامج سيبدأ في 12/03/2018 في ثلاث محافظات.",
        "«النخيل» و«الواحات» في قلب الخطة",  # guillemets are no breadcrumb
        "«الزراعة» تنفي وقف دعم مزارعي النخيل",
        "شارك في الاجتماع ممثلون عن فيسبوك وتويتر وشركات ناشئة من عشر دول عربية.",
    ],
)
def test_article_lines_are_not_furniture(judge, line):
    assert judge.reason(line) is None


def test_title_is_the_line_that_agrees_with_the_body_not_the_first_line(classifier, judge):
    draft = read(classifier, judge, "صحيفة الواحة", "الرئيسية | محليات | اقتصاد", TITLE,
                 "نشر في: 12/03/2018 10:45", BODY_1, BODY_2)
    assert draft.title == TITLE
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_a_title_with_the_site_name_appended_loses_to_the_bare_title(classifier, judge):
    draft = read(classifier, judge, f"{TITLE} - صحيفة الواحة", "14.3.2018", TITLE, BODY_1, BODY_2)
    assert draft.title == TITLE


def test_a_section_label_before_the_title_is_the_title_when_it_agrees(classifier, judge):
    title = "زراعة: برنامج لدعم مزارعي النخيل في الواحات"
    draft = read(classifier, judge, "رياضة | المنتخب يفوز على ضيفه في المباراة الودية", title, BODY_1)
    assert draft.title == title


def test_headlines_after_the_body_go_even_when_they_end_like_sentences(classifier, judge):
    related = ["- هل تنجح خطة المياه الجديدة؟", "ارتفاع أسعار التمور في أسواق الجملة!",
               "اختتام مهرجان الواحات الثقافي"]
    draft = read(classifier, judge, TITLE, BODY_1, BODY_2, BODY_3, *related)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2, BODY_3]


def test_a_closing_list_of_statements_stays(classifier, judge):
    items = ["• قدم الطلب في مكتب الواحة.", "• أرفق صورة الهوية."]
    draft = read(classifier, judge, TITLE, BODY_1, BODY_2, *items)
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2, *items]


def test_every_removed_line_has_a_reason_code(classifier, judge):
    lines = ["صحيفة الواحة", "الرئيسية | محليات | اقتصاد", TITLE, "منذ 3 ساعات", BODY_1, BODY_2,
             "فيسبوك تويتر واتساب", "© 2018 صحيفة الواحة"]
    draft = read(classifier, judge, *lines)
    assert {(r.line, r.reason) for r in draft.removals} == {
        (0, "above_title"), (1, "menu"), (2, "title"), (3, "stamp"), (6, "share_row"), (7, "copyright")}


def test_the_reader_explains_removals_as_warnings_only_when_asked():
    page = RawPage("\n".join(["الرئيسية | محليات | اقتصاد", TITLE, BODY_1, BODY_2]).encode(), format="text")
    assert Cleaner()(page).warnings == ()
    warnings = Cleaner(explain_removals=True)(page).warnings
    assert [w.code for w in warnings] == [REMOVED, REMOVED]
    assert "(menu)" in warnings[0].message and "(title)" in warnings[1].message
    assert [(r.line, r.reason) for r in Cleaner().explain(page)] == [(0, "menu"), (1, "title")]


def test_an_unparsable_url_gives_no_slug_words():
    from khabar.reading.title import slug_vocabulary

    assert not slug_vocabulary("http://[broken/أخبار-اليوم").words

"""Datelines: never the title, kept above the body as a `dateline` paragraph."""

from __future__ import annotations

import pytest

from khabar.document import DATELINE, HEADING, PARAGRAPH
from khabar.inputs import RawPage
from khabar.reading.dateline import is_dateline
from khabar.stages.read import Cleaner

READ = Cleaner()
BODY = ("أعلنت وزارة الزراعة في المنطقة الشرقية اليوم عن إطلاق برنامج جديد لدعم صغار المزارعين "
        "بتمويل ميسر، وذلك ضمن خطة تمتد خمس سنوات وتشمل تدريب ألف مزارع على أساليب الري الحديثة.")
SECOND = "وقال مدير البرنامج إن التسجيل يبدأ الأسبوع المقبل عبر فروع الوزارة في المحافظات كافة."


@pytest.mark.parametrize(
    "line",
    [
        "الدمام 12 رمضان 1437 هـ الموافق 17 يونيو 2016 م واس",
        "الدمام 12 رمضان 1437هـ الموافق 17 يونيو 2016م واس",
        "\u200fالدمام 12 رمضان 1437 هـ الموافق 17 يونيو 2016 م واس",
        "القاهرة في 3 مارس 2014 (أ ش أ)",
        "بيروت 3 مارس 2014 - رويترز:",
        "صحيفة النهار – الدمام",
        "سارة الخالدي – صحيفة النهار",
        "الأحساء - فهد المطيري:",
        "صحيفة النهار – متابعات",
    ],
)
def test_a_dateline_is_read_by_its_shape(line):
    assert is_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "وزير الزراعة يطلق برنامجا لدعم المزارعين",
        "افتتاح المعرض الزراعي في 17 يونيو 2016 بحضور الوزير",  # a headline with a date
        "الدمام تستضيف ملتقى المزارعين في 17 يونيو 2016",  # four words before the date
        "كاريكاتير 2016/6/17",  # a numeric date: a caption
        "ملتقى الزراعة 7 محرم بالأحساء",  # no year
        "الأمير يرعى حفل التخرج – الدمام",  # too many words on one side
        "المزارعون: الموسم جيد – الأحساء",  # a colon inside
        "سوق الأسهم - (التقرير الأسبوعي)",  # brackets
        "الخرج",
        "",
    ],
)
def test_a_headline_is_not_a_dateline(line):
    assert not is_dateline(line)


def read_text(text: str):
    return READ(RawPage(text.encode("utf-8"), format="text", id="t"))


def test_a_page_without_headline_keeps_its_dateline_instead_of_taking_it_as_title():
    doc = read_text(f"الدمام 12 رمضان 1437 هـ الموافق 17 يونيو 2016 م واس\n{BODY}\n{SECOND}\n")
    assert doc.title is None
    first = doc.paragraphs[0]
    assert first.kind == DATELINE
    assert doc.text[first.start:first.end] == "الدمام 12 رمضان 1437 هـ الموافق 17 يونيو 2016 م واس"
    assert [p.kind for p in doc.paragraphs[1:]] == [PARAGRAPH, PARAGRAPH]


def test_the_title_is_still_taken_and_the_dateline_under_or_above_it_stays():
    title = "وزارة الزراعة تطلق برنامجا لدعم صغار المزارعين"
    for lines in ([title, "صحيفة النهار – الدمام"], ["صحيفة النهار – الدمام", title]):
        doc = read_text("\n".join([*lines, BODY, SECOND]))
        assert doc.title == title
        assert doc.paragraphs[0].kind == DATELINE
        assert doc.text.startswith("صحيفة النهار – الدمام\n\n")


def test_a_dateline_shape_after_the_body_starts_is_a_subheading():
    doc = read_text("\n".join([BODY, "صحيفة النهار – الدمام", SECOND]))
    assert [p.kind for p in doc.paragraphs] == [PARAGRAPH, HEADING, PARAGRAPH]


def test_the_dateline_day_is_the_publication_date_only_when_the_page_gives_none():
    text = f"الدمام 12 رمضان 1437هـ الموافق 17 يونيو 2016م واس\n{BODY}\n{SECOND}\n"
    assert read_text(text).published == "2016-06-17"
    given = READ(RawPage(text.encode("utf-8"), format="text", id="t", published="2016-06-18"))
    assert given.published == "2016-06-18"
    assert read_text(f"صحيفة النهار – الدمام\n{BODY}\n{SECOND}\n").published is None

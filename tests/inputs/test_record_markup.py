"""Text fields of JSON records that carry HTML markup are read as the text it shows (issue 14)."""

from __future__ import annotations

import pytest

from khabar.inputs.records import page_from_record, without_markup


@pytest.mark.parametrize(
    ("field", "shown", "hidden"),
    [
        ('قال الوزير <img src="a.jpg" alt="أحمد الزهراني" /> إن الخطة جاهزة.', "إن الخطة جاهزة",
         "أحمد الزهراني"),
        ('وأضاف <a href="https://example.com/x" title="خالد العتيبي">رضوان</a> أن الحوار مستمر.',
         "وأضاف رضوان أن الحوار مستمر.", "خالد العتيبي"),
        ("السطر الأول<br/>السطر الثاني<!-- تعليق -->", "السطر الثاني", "تعليق"),
    ],
)
def test_record_text_with_markup_keeps_only_what_the_markup_shows(field, shown, hidden):
    page = page_from_record({"text": field, "title": "عنوان <b>الخبر</b>"}, origin="t")
    content = page.content.decode("utf-8")
    assert shown in content
    assert hidden not in content and "<" not in content
    assert page.title == "عنوان الخبر"


@pytest.mark.parametrize(
    "field",
    ["ارتفع العدد إلى أكثر من 5 < 7 حالات.", "قال <<الوزير>> إن الخطة جاهزة.", "نص عادي بلا وسوم."],
)
def test_record_text_without_markup_is_left_as_it_is(field):
    assert without_markup(field) == field
    assert page_from_record({"text": field}, origin="t").content.decode("utf-8") == field

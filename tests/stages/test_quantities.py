"""quantities.v1: numbers with scale and counted noun, percentages and money; dates left out."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.stages.quantities import make_quantities

FIND = make_quantities()


def counted(text: str) -> list[tuple[str, float, str | None]]:
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    doc = FIND(Document(id="t", text=text, sentences=sentences))
    return [(text[q.start:q.end], q.value, q.unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تستعد المنظمات لنحو 2.4 مليون نازح.", ("2.4 مليون نازح", 2_400_000, "نازح")),
        ("شارك ممثلون من 30 دولة في الاجتماع.", ("30 دولة", 30, "دولة")),
        ("وصل ٤٥ طبيبا إلى المدينة.", ("٤٥ طبيبا", 45, "طبيبا")),
        ("نزح ٢٫٤ مليون شخص.", ("٢٫٤ مليون شخص", 2_400_000, "شخص")),
        ("سجلت البلدية 1,500 طلب.", ("1,500 طلب", 1500, "طلب")),
        ("أصيب ثلاثة أشخاص في الحادث.", ("ثلاثة أشخاص", 3, "أشخاص")),
        ("انتشر خمسة وعشرون جنديا.", ("خمسة وعشرون جنديا", 25, "جنديا")),
        ("عاد ثلاثة آلاف لاجئ.", ("ثلاثة آلاف لاجئ", 3000, "لاجئ")),
        ("يحتاج نصف مليون طفل إلى الغذاء.", ("نصف مليون طفل", 500_000, "طفل")),
        ("ارتفعت الأسعار 15% هذا الشهر.", ("15%", 15, "%")),
        ("ارتفعت الأسعار ١٥٪ هذا الشهر.", ("١٥٪", 15, "%")),
        ("ارتفعت الأسعار 15 في المئة هذا الشهر.", ("15 في المئة", 15, "%")),
        ("ارتفعت الأسعار 7.5 بالمائة هذا الشهر.", ("7.5 بالمائة", 7.5, "%")),
        ("خصصت الحكومة مليار دولار للإعمار.", ("مليار دولار", 1e9, "دولار")),
        ("خصصت الحكومة 3 مليارات يورو للإعمار.", ("3 مليارات يورو", 3e9, "يورو")),
        ("عاد مليون من اللاجئين.", ("مليون من اللاجئين", 1e6, "اللاجئين")),
    ],
)
def test_quantities_reads_value_and_unit(text, expected):
    assert counted(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "تأسست الجمعية عام 2014 في المدينة.",
        "وقع الاتفاق في 20 يوليو 2016 بعد مفاوضات.",
        "نشر القرار بتاريخ 2016/07/20 رسميا.",
        "فرّ عشرات الآلاف من المدنيين.",
        "فرّ آلاف النازحين من القرى.",
        "وصلوا في وقت واحد.",
        "جرى ذلك في 15 رمضان 1437 هـ.",
    ],
)
def test_quantities_skips_dates_and_vague_amounts(text):
    assert counted(text) == []


def test_quantities_reads_a_number_joined_to_the_conjunction_wa():
    assert counted("أصيب بين 10 و20 شخصا.") == [("20 شخصا", 20, "شخصا")]


def test_quantities_finds_several_in_one_sentence():
    text = "قتل 12 شخصا وأصيب 40 آخرون في 3 مدن."
    assert [(v, u) for _, v, u in counted(text)] == [(12, "شخصا"), (40, "آخرون"), (3, "مدن")]


_PIECES = st.sampled_from([
    "2.4", "مليون", "نازح", "30", "دولة", "٢٫٤", "ثلاثة", "آلاف", "%", "في", "المئة", "مليار",
    "دولار", "عام", "2014", "نصف", "و", "عشرون", "1,500", ".", "،", "من", "٪", "\n", "هـ",
])


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join))
def test_quantities_offsets_always_fall_inside_the_text(text):
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    doc = FIND(Document(id="t", text=text, sentences=sentences))
    for quantity in doc.quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert quantity.value >= 0


@pytest.mark.parametrize(
    "text",
    ["تنص المادة 103 من القانون على ذلك.", "انظر الصفحة 12 من التقرير.", "1 - يحق للعامل الإجازة.",
     "صدر البيان رقم ( 61 ) أمس."],
)
def test_quantities_leaves_out_labels_and_bare_numbers(text):
    assert counted(text) == []


def _lines_run(call, *args) -> int:
    """How many Python lines `call(*args)` executes (a count, not a time)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local)
    try:
        call(*args)
    finally:
        sys.settrace(previous)
    return count


def test_amounts_are_checked_against_dates_in_work_linear_in_the_sentence():
    """One long sentence of amounts and dates: each amount is checked against the dates by
    bisection, not against every date of the sentence (that made the stage quadratic)."""

    def sentence(parts: int) -> Document:
        text = " و".join(f"وصل {k % 40 + 3} زائرا في 20 يوليو 2016" for k in range(parts))
        return Document(id="t", text=text, sentences=(Sentence(0, len(text)),))

    short, long = sentence(200), sentence(800)
    assert len(FIND(long).quantities) == 4 * len(FIND(short).quantities) == 800
    assert _lines_run(FIND, long) <= 6 * _lines_run(FIND, short)

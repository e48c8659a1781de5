"""dates.v1: dates normalized to ISO; relative dates resolved against the publication date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.stages.dates import make_dates

FIND = make_dates()


def dated(text: str, published: str | None = "2016-07-20") -> Document:
    """A Document with sentences; 2016-07-20 was a Wednesday."""
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    return FIND(Document(id="t", text=text, sentences=sentences, published=published))


def found(doc: Document) -> list[tuple[str, str | None, bool]]:
    return [(doc.text[d.start:d.end], d.value, d.relative) for d in doc.dates]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("أعلن التحالف في آب/أغسطس 2014 بدء العمليات.", "آب/أغسطس 2014", "2014-08"),
        ("أعلن التحالف في آب/ أغسطس 2014 بدء العمليات.", "آب/ أغسطس 2014", "2014-08"),
        ("بدأت الحملة في أغسطس 2014.", "أغسطس 2014", "2014-08"),
        ("بدأت الحملة في آب 2014.", "آب 2014", "2014-08"),
        ("وقّع الاتفاق في 20 يوليو 2016.", "20 يوليو 2016", "2016-07-20"),
        ("وقّع الاتفاق في 3 تشرين الأول 2015.", "3 تشرين الأول 2015", "2015-10-03"),
        ("عقدت الجلسة في كانون الثاني ٢٠١٧.", "كانون الثاني ٢٠١٧", "2017-01"),
        ("بدأت المفاوضات في حزيران (يونيو) 2013.", "حزيران (يونيو) 2013", "2013-06"),
        ("انتهت المهلة يوم 5 أوت 2019.", "5 أوت 2019", "2019-08-05"),
        ("نشر التقرير بتاريخ 2016/07/20 صباحا.", "2016/07/20", "2016-07-20"),
        ("نشر التقرير بتاريخ 20-07-2016 صباحا.", "20-07-2016", "2016-07-20"),
        ("تأسس المركز عام 1998 في عمّان.", "عام 1998", "1998"),
        ("تأسس المركز في ٢٠١٤ بدعم أوروبي.", "٢٠١٤", "2014"),
        ("يعمل المصنع منذ 2009 دون توقف.", "2009", "2009"),
        # the era letter after the year, glued or spaced, as Gulf news writes it
        ("افتتح المعرض في 10 أغسطس 2015م بحضور الوزير.", "10 أغسطس 2015م", "2015-08-10"),
        ("افتتح المعرض في 10 أغسطس 2015 م بحضور الوزير.", "10 أغسطس 2015 م", "2015-08-10"),
        ("تأسست الجمعية عام 1998م في جدة.", "عام 1998م", "1998"),
        ("يعمل المصنع منذ 2009م دون توقف.", "2009", "2009"),
        ("تأسس المركز عام 2015 مستفيدا من منحة.", "عام 2015", "2015"),
    ],
)
def test_dates_normalizes_an_absolute_date(text, words, value):
    assert found(dated(text)) == [(words, value, False)]


@pytest.mark.parametrize(
    "text",
    [
        "قتل 2014 شخصا في الحروب.",  # a count, not a year
        "يبدأ الموسم في مارس عادة.",  # a month name counts only with a day or a year
        "في 1850 كانت المدينة صغيرة.",  # outside 1900–2100
        "قال الأب إن ابنه بخير.",  # أب is not آب
        "جرى الاحتفال في 15 رمضان 1437 هـ.",  # Hijri dates are skipped
        "اتفق الاثنين على التعاون.",  # الاثنين as "the two"
        "كان اليوم الأول هادئا.",  # اليوم as "the day"
    ],
)
def test_dates_finds_no_date_in_a_sentence_without_one(text):
    assert dated(text).dates == ()


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("قال الوزير، الأربعاء، إن المحادثات انتهت.", "الأربعاء", "2016-07-20"),
        ("التقى الوفد يوم الخميس بالمسؤولين.", "يوم الخميس", "2016-07-14"),
        ("وصل الوفد الأحد الماضي.", "الأحد الماضي", "2016-07-17"),
        ("وصل الوفد الأربعاء الماضي.", "الأربعاء الماضي", "2016-07-13"),
        ("سيصل الوفد الخميس المقبل.", "الخميس المقبل", "2016-07-21"),
        ("من المقرر أن يصل الوفد السبت.", "السبت", "2016-07-23"),
        ("قال الوزير، الاثنين، إن الحدود مفتوحة.", "الاثنين", "2016-07-18"),
        ("تحدث الوزير أمس مع نظيره.", "أمس", "2016-07-19"),
        ("تحدث الوزير بالأمس مع نظيره.", "الأمس", "2016-07-19"),
        ("يجتمع المجلس اليوم لمناقشة الخطة.", "اليوم", "2016-07-20"),
        ("يجتمع المجلس غدا لمناقشة الخطة.", "غدا", "2016-07-21"),
        ("عقد الاجتماع الأسبوع الماضي.", "الأسبوع الماضي", "2016-W28"),
        ("ارتفعت الأسعار الشهر الماضي.", "الشهر الماضي", "2016-06"),
        ("تراجع النمو العام الماضي.", "العام الماضي", "2015"),
        ("وصل الوفد بعد غد.", "بعد غد", "2016-07-22"),
        ("وصل الوفد أول أمس.", "أول أمس", "2016-07-18"),
    ],
)
def test_dates_resolves_a_relative_date_against_publication(text, words, value):
    assert found(dated(text)) == [(words, value, True)]


@pytest.mark.parametrize("text", ["تحدث الوزير أمس مع نظيره.", "قال الوزير، الأربعاء، إن الحدود مفتوحة."])
def test_dates_leaves_a_relative_date_unresolved_without_publication(text):
    (date,) = dated(text, published=None).dates
    assert (date.value, date.relative) == (None, True)


def test_dates_reads_today_and_the_weekday_after_it_as_two_dates():
    assert found(dated("يجتمع المجلس اليوم الأربعاء لمناقشة الخطة.")) == [
        ("اليوم", "2016-07-20", True), ("الأربعاء", "2016-07-20", True)]
    assert found(dated("يجتمع المجلس اليوم الإثنين.", published="2016-07-18")) == [
        ("اليوم", "2016-07-18", True), ("الإثنين", "2016-07-18", True)]


def test_dates_resolves_a_day_and_month_with_the_publication_year():
    assert found(dated("وقع الاتفاق في 3 مارس.", published="2016-07-20T08:00:00+03:00")) == [
        ("3 مارس", "2016-03-03", True)]


def test_dates_warns_about_a_publication_date_it_cannot_read():
    doc = dated("تحدث الوزير أمس مع نظيره.", published="الأربعاء")
    assert [w.code for w in doc.warnings] == ["date_unparsed"]
    assert doc.dates[0].value is None


def test_dates_searches_only_inside_sentences():
    text = "عام 2014 خارج الجمل. وفي عام 2015 داخلها."
    doc = FIND(Document(id="t", text=text, sentences=(Sentence(21, len(text)),)))
    assert found(doc) == [("عام 2015", "2015", False)]


_PIECES = st.sampled_from([
    "آب", "/", "أغسطس", "2014", "٢٠١٤", "20", "يوليو", "عام", "في", "أمس", "الأربعاء", "يوم",
    "الماضي", "المقبل", "2016/07/20", "-", "هـ", "رمضان", "،", ".", "اليوم", "غدًا", "\n", "ب", "و",
])


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join), st.sampled_from([None, "2016-07-20"]))
def test_dates_offsets_always_fall_inside_the_text(text, published):
    doc = dated(text, published)
    for date in doc.dates:
        assert 0 <= date.start < date.end <= len(text)
        assert date.value is None or date.value[:4].isdigit()

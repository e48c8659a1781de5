"""entities.roles.v5: occupations and positions written after a name without the article, and
feminine forms (text written for these tests; mentions given, so the tagger does not matter)."""

from __future__ import annotations

import pytest

from khabar.stages.entity_roles import (
    make_entities_merge_v2, make_entities_roles_v4, make_entities_roles_v5,
)


@pytest.fixture(scope="module")
def analyzers():
    merge = make_entities_merge_v2(gazetteer=False)
    v4, v5 = make_entities_roles_v4(), make_entities_roles_v5()
    return (lambda doc: v4(merge(doc))), (lambda doc: v5(merge(doc)))


def titles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [r.title for r in entity.roles]


@pytest.mark.parametrize(("text", "name", "v5_title", "v4_titles"), [
    ("وقال الدكتور سامي الفارس أستاذ العلوم السياسية إن الانتخابات ستجرى في موعدها.",
     "سامي الفارس", "أستاذ العلوم السياسية", ["الدكتور"]),
    ("ويرى فهد الراشد خبير الشؤون الاقتصادية أن الأسعار ستنخفض قريبا.",
     "فهد الراشد", "خبير الشؤون الاقتصادية", []),
    ("واشترى سالم العتيبي، رجل الأعمال، حصة في الشركة.",
     "سالم العتيبي", "رجل الأعمال", []),
    ("وأوضحت الدكتورة منى الحربي أن العيادة تستقبل المراجعين يوميا.",
     "منى الحربي", "الدكتورة", []),
])
def test_roles_v5_reads_occupations_after_the_name_and_feminine_forms(
        analyzers, mentions_doc, text, name, v5_title, v4_titles):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")])
    assert titles_of(v4(doc), name) == v4_titles
    assert titles_of(v5(doc), name) == [v5_title]


def test_roles_v5_reads_no_title_in_the_preposition_amam(analyzers, mentions_doc):
    v5 = analyzers[1]
    text = "وتحدث خالد السالم أمام مجلس الشورى عن خطة الوزارة."
    assert titles_of(v5(mentions_doc(text, [("خالد السالم", "PER")])), "خالد السالم") == []


@pytest.mark.parametrize(("text", "name", "title"), [
    ("وقال سامي الفارس، الذي يشغل منصب وزير العدل، إن القانون سيصدر قريبا.",
     "سامي الفارس", "وزير العدل"),
    ("وحضر الاجتماع فهد الراشد بصفته رئيس اللجنة المنظمة.", "فهد الراشد", "رئيس"),
])
def test_roles_v5_reads_a_title_past_the_words_that_say_it_is_held(
        analyzers, mentions_doc, text, name, title):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")])
    assert titles_of(v4(doc), name) == []
    assert titles_of(v5(doc), name) == [title]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("وأكد المستشار القانوني د. سامي الفارس أن القرار نهائي.", "سامي الفارس", "المستشار القانوني"),
    ("وقال مدير عام التعليم م. فهد الراشد إن المدارس جاهزة.", "فهد الراشد", "مدير عام التعليم"),
    ("ودعا العميد أ.د. خالد السالم الطلاب إلى الحضور.", "خالد السالم", "العميد"),
])
def test_roles_v5_reads_a_title_past_an_abbreviated_honorific(
        analyzers, mentions_doc, text, name, title):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")])
    assert titles_of(v4(doc), name) == []
    assert titles_of(v5(doc), name) == [title]

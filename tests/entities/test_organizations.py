"""entities.merge.v2: organizations and landmarks named by a head noun (issue 14)."""

from __future__ import annotations

import pytest

from khabar.stages.entity_roles import make_entities_merge_v2


@pytest.fixture(scope="module")
def merge():
    return make_entities_merge_v2(gazetteer=False)


def named(doc, kind):
    return [doc.text[e.mentions[0].start:e.mentions[0].end] for e in doc.entities if e.type == kind]


@pytest.mark.parametrize(
    ("text", "gold", "expected"),
    [
        ("أعلنت وزارة الصحة والسكان عن حملة جديدة للتطعيم.", [], "وزارة الصحة والسكان"),
        ("قالت الهيئة العامة للطيران المدني إن الرحلات مستمرة.", [], "الهيئة العامة للطيران المدني"),
        ("اجتمع مجلس الشؤون الاقتصادية أمس في العاصمة.", [], "مجلس الشؤون الاقتصادية"),
        ("نظمت جامعة الشارقة مؤتمرا علميا.", [("الشارقة", "LOC")], "جامعة الشارقة"),
        ("افتتح مركز الملك سلمان فرعا جديدا.", [("سلمان", "PER")], "مركز الملك سلمان"),
        ("رفعت الدعوى إلى المحكمة الأوروبية لحقوق الإنسان في ستراسبورغ.", [("ستراسبورغ", "LOC")],
         "المحكمة الأوروبية لحقوق الإنسان"),
        ("صوت برلمان إقليم كاتالونيا على القرار.", [("كاتالونيا", "LOC")], "برلمان إقليم كاتالونيا"),
        ("قال متحدث باسم البرلمان البريطاني إن الجلسة تأجلت.", [], "البرلمان البريطاني"),
        ("أعلنت إدارة التعليم بمحافظة ينبع موعد الاختبارات.", [("ينبع", "LOC")],
         "إدارة التعليم بمحافظة ينبع"),
    ],
)
def test_merge_v2_finds_a_body_by_its_head_noun(merge, mentions_doc, text, gold, expected):
    doc = merge(mentions_doc(text, gold))
    assert expected in named(doc, "ORG")
    assert not named(doc, "PER")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هبطت الطائرة في مطار الملك خالد الدولي مساء أمس.", "مطار الملك خالد الدولي"),
        ("أقيم الحفل في قصر السلام بجدة.", "قصر السلام"),
    ],
)
def test_merge_v2_finds_a_landmark_as_a_place(merge, mentions_doc, text, expected):
    assert expected in named(merge(mentions_doc(text, [])), "LOC")


@pytest.mark.parametrize(
    "text",
    [
        "قالت القوات التركية إنها قصفت مواقع للمسلحين.",  # a generic force, not a name
        "وقعت شركة أمريكية عقدا مع الحكومة.",  # a kind of company
        "حذر التنظيم الإرهابي من الرد.",  # a generic adjective
        "دخل المستشفى لتلقي العلاج.",  # a purpose, not a name
        "وصلت الوزارة متأخرة.",  # a head alone
    ],
)
def test_merge_v2_leaves_generic_bodies_untagged(merge, mentions_doc, text):
    assert named(merge(mentions_doc(text, [])), "ORG") == []


def test_merge_v2_keeps_a_person_after_the_body_name(merge, mentions_doc):
    text = "قال المتحدث باسم هيئة الهلال الأحمر السعودي عادل النمري إن الفرق جاهزة."
    doc = merge(mentions_doc(text, [("عادل النمري", "PER")]))
    assert named(doc, "PER") == ["عادل النمري"]
    assert "هيئة الهلال الأحمر السعودي" in named(doc, "ORG")


def test_merge_v2_never_cuts_a_tagged_name_in_two(merge, mentions_doc):
    text = "أعلنت وزارة الصحة والسكان الجدد خطة."
    doc = merge(mentions_doc(text, [("السكان الجدد خطة", "MISC")]))
    assert named(doc, "ORG") == []
    assert named(doc, "MISC") == ["السكان الجدد خطة"]


def test_merge_v2_drops_a_place_or_organization_that_is_a_title_alone(merge, mentions_doc):
    text = "قدم الوزير أوراق اعتماده للسفير في الرياض."
    doc = merge(mentions_doc(text, [("للسفير", "ORG"), ("الرياض", "LOC")]))
    assert named(doc, "ORG") == []
    assert named(doc, "LOC") == ["الرياض"]


def test_merge_v2_reads_a_department_after_its_title_as_part_of_the_title(merge, mentions_doc):
    text = "وقال مدير إدارة العلاقات العامة والإعلام سعد الناصر إن الخدمة عادت."
    doc = merge(mentions_doc(text, [("سعد الناصر", "PER")]))
    assert named(doc, "ORG") == []


@pytest.mark.parametrize(
    "text",
    [
        "وطالب رئيس شركة الطيران بتعويض المسافرين.",  # the airline already named, a common noun
        "تساعد الخدمة الطلاب على إدارة الوقت بكفاءة.",  # time management
        "ازدحمت الشوارع في مركز المدينة مساء الخميس.",  # the city centre
        "حضر المعزون إلى مجلس العزاء بعد الصلاة.",  # a mourning gathering
    ],
)
def test_merge_v2_leaves_a_common_noun_phrase_untagged(merge, mentions_doc, text):
    assert named(merge(mentions_doc(text, [])), "ORG") == []


def test_merge_v2_keeps_a_longer_name_that_starts_with_a_common_phrase(merge, mentions_doc):
    text = "أعلنت شرطة المدينة المنورة أمس القبض على المشتبه به."
    assert "شرطة المدينة المنورة" in named(merge(mentions_doc(text, [])), "ORG")


def test_merge_v2_reads_an_indefinite_head_and_a_nisba_as_a_kind(merge, mentions_doc):
    text = "قال المحامي إنها ليست محكمة سورية بل محكمة خاصة."
    doc = merge(mentions_doc(text, [("سورية", "LOC")]))
    assert named(doc, "ORG") == []


def test_merge_v2_leaves_a_phrase_news_writes_indefinite_untagged(merge, mentions_doc):
    # `شرطة المحافظة` is in common_phrases.tsv (news writes `شرطة محافظة` more often)
    text = "وأبلغ السكان شرطة المحافظة أمس عن الحادث."
    assert named(merge(mentions_doc(text, [])), "ORG") == []

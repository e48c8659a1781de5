"""entities.merge.v3: a body's name stops before a person, and a person's span ends before a title.

Issue 14: a head-noun organization ran over the honorific, rank, title or name that follows it
(`مجلس الوزراء الأمير فلان`), and a person's span kept the title head that starts the words after
the name (`تشارلز أمير ويلز` read as the person `تشارلز أمير`).
"""

from __future__ import annotations

import pytest

from khabar.arabic import fold
from khabar.document import Document
from khabar.entities.article import load_article_lexicons, merge_article
from khabar.stages.entities import make_entities_merge_v3
from khabar.stages.entity_roles import make_entities_merge_v2, make_entities_roles_v3


@pytest.fixture(scope="module")
def merge():
    return make_entities_merge_v3(gazetteer=False)


@pytest.fixture(scope="module")
def roles():
    return make_entities_roles_v3()


def named(doc: Document, kind: str) -> list[str]:
    return [e.name for e in doc.entities if e.type == kind]


@pytest.mark.parametrize(
    ("text", "gold", "body"),
    [
        ("وقال رئيس مجلس الوزراء الأمير فيصل بن سعد إن الحكومة ماضية في خطتها.",
         [("فيصل بن سعد", "PER")], "مجلس الوزراء"),
        ("وأوضحت شرطة محافظة جدة اللواء سامي الحربي أن التحقيق مستمر.",
         [("سامي الحربي", "PER"), ("جدة", "LOC")], "شرطة محافظة جدة"),
        ("وقالت اللجنة النائب المعارض خالد منصور إن الجلسة تأجلت.",
         [("خالد منصور", "PER")], None),  # a head alone names no body
        ("وأعلنت هيئة الرقابة العامة والدكتور سليم ناصر أن التقرير جاهز.",
         [("سليم ناصر", "PER")], "هيئة الرقابة العامة"),
    ],
)
def test_merge_v3_ends_a_body_before_a_person_or_title(merge, mentions_doc, text, gold, body):
    doc = merge(mentions_doc(text, gold))
    bodies = [name for name in named(doc, "ORG") + named(doc, "LOC") if name != "جدة"]
    assert bodies == ([body] if body else [])


def test_merge_v3_ends_a_body_before_a_person_the_tagger_found(merge, mentions_doc):
    text = "وأكد مجلس إدارة الجمعية الفيصل الجديد أن الموسم ناجح."
    doc = merge(mentions_doc(text, [("الفيصل الجديد", "PER")]))
    assert named(doc, "ORG") == ["مجلس إدارة الجمعية"]
    assert named(doc, "PER") == ["الفيصل الجديد"]


@pytest.mark.parametrize(
    ("text", "gold", "body"),
    [
        ("تخرج في جامعة الأمير سلطان بالرياض.", [("سلطان", "PER")], "جامعة الأمير سلطان"),
        ("افتتح مركز الملك سلمان فرعا جديدا.", [("سلمان", "PER")], "مركز الملك سلمان"),
        ("أعلن الحزب الحاكم فوزه في الانتخابات.", [], None),
    ],
)
def test_merge_v3_keeps_a_royal_a_body_is_named_after(merge, mentions_doc, text, gold, body):
    assert named(merge(mentions_doc(text, gold)), "ORG") == ([body] if body else [])


def test_merge_v2_still_runs_a_body_over_the_person(mentions_doc):
    text = "وقال رئيس مجلس الوزراء الأمير فيصل بن سعد إن الحكومة ماضية في خطتها."
    doc = make_entities_merge_v2(gazetteer=False)(mentions_doc(text, [("فيصل بن سعد", "PER")]))
    assert named(doc, "ORG") == ["مجلس الوزراء الأمير فيصل بن سعد"]


def test_merge_v3_leaves_the_person_their_title(merge, roles, mentions_doc):
    text = "وقال رئيس مجلس الوزراء الأمير فيصل بن سعد إن الحكومة ماضية في خطتها."
    doc = roles(merge(mentions_doc(text, [("فيصل بن سعد", "PER")])))
    person = next(e for e in doc.entities if e.type == "PER")
    assert person.name == "فيصل بن سعد"
    assert [r.title for r in person.roles] == ["رئيس مجلس الوزراء"]


@pytest.mark.parametrize(
    ("text", "gold", "person"),
    [
        ("وزار تشارلز أمير ويلز المستشفى أمس.", [("تشارلز أمير", "PER"), ("ويلز", "LOC")], "تشارلز"),
        ("والتقى جون سفير الدنمارك بالوزير.", [("جون سفير", "PER"), ("الدنمارك", "LOC")], "جون"),
        ("واستقبل سلمان بن فهد الأمير الضيوف.", [("سلمان بن فهد الأمير", "PER")], "سلمان بن فهد"),
        ("وقال العقيد ماهر سعيد اللواء إن القوات انسحبت.", [("ماهر سعيد اللواء", "PER")], "ماهر سعيد"),
    ],
)
def test_merge_v3_ends_a_person_before_a_title(merge, mentions_doc, text, gold, person):
    assert named(merge(mentions_doc(text, gold)), "PER") == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال حسين الشيخ إن الاجتماع انتهى.", "حسين الشيخ"),  # a family name, not a title
        ("وقال خالد القاضي إن الاجتماع انتهى.", "خالد القاضي"),
        ("وقال المفتي عبدالعزيز آل الشيخ إن الاجتماع انتهى.", "عبدالعزيز آل الشيخ"),
        ("وقال محمد أمين إن الاجتماع انتهى.", "محمد أمين"),  # a name, no complement after it
    ],
)
def test_merge_v3_keeps_a_family_name_that_is_a_title_word(merge, mentions_doc, text, person):
    assert named(merge(mentions_doc(text, [(person, "PER")])), "PER") == [person]


@pytest.mark.parametrize("text", [
    "وصلت القوات الألمانية إلى المنطقة أمس.",
    "وأعلنت الشركة الإكوادورية خسائرها.",
])
def test_merge_v3_lexicons_know_every_form_of_a_nationality(mentions_doc, text):
    lexicons = load_article_lexicons()
    assert {fold("الألمانية"), fold("الإكوادورية")} <= lexicons.heads.nisba
    entities = merge_article(text, mentions_doc(text, []).entities, lexicons, stage="test",
                             gazetteer=False)
    assert [e.name for e in entities] == []  # a kind of force or company, no body's name


@pytest.mark.parametrize(("text", "gold", "body"), [
    ("واجتمع المجلس الأوروبي أمس.", [], "المجلس الأوروبي"),  # an organization's adjective
    ("وأعلن جيش بوروندي انسحابه.", [("بوروندي", "LOC")], "جيش بوروندي"),  # a country's name
])
def test_merge_v3_lexicons_keep_a_body_named_by_a_place_or_organization(mentions_doc, text, gold,
                                                                         body):
    entities = merge_article(text, mentions_doc(text, gold).entities, load_article_lexicons(),
                             stage="test", gazetteer=False)
    assert [e.name for e in entities] == [body]

"""entities.roles.v4: titles held in bodies whose names hold a place or a purpose, past a
state's noun, in regions the tagger left untagged, and for a ruler named by his epithet (text
written for these tests; mentions given, so the tagger does not matter)."""

from __future__ import annotations

import pytest

from khabar.stages.entity_roles import (
    make_entities_merge_v2, make_entities_roles_v3, make_entities_roles_v4,
)


@pytest.fixture(scope="module")
def analyzers():
    merge = make_entities_merge_v2(gazetteer=False)
    v3, v4 = make_entities_roles_v3(), make_entities_roles_v4()
    return (lambda doc: v3(merge(doc))), (lambda doc: v4(merge(doc)))


def roles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [(r.title, r.affiliation) for r in entity.roles]


CASES = [
    # a body whose name holds a place adjective, then an honorific before the name
    ("وقال المدير الطبي للعيادات التخصصية السعودية الدكتور سامي الفارس إن العمل مستمر.",
     [("سامي الفارس", "PER"), ("السعودية", "LOC")],
     "سامي الفارس", ("المدير الطبي", "العيادات التخصصية السعودية"), ("الدكتور", None)),
    # a body's purpose joined by ل, then a place after في
    ("وأوضح المدير الإقليمي للحملة الوطنية لإغاثة المنكوبين في اليمن الدكتور فارس الحمد أن "
     "التوزيع انتهى.",
     [("فارس الحمد", "PER"), ("اليمن", "LOC")],
     "فارس الحمد", ("المدير الإقليمي", "الحملة الوطنية لإغاثة المنكوبين"), ("الدكتور", None)),
    # a region named by its noun, the place untagged
    ("وأكد مدير الشؤون الصحية بمنطقة السهول نادر العمري أن المستشفى جاهز.",
     [("نادر العمري", "PER")],
     "نادر العمري", ("مدير الشؤون الصحية", "منطقة السهول"), None),
    # a ruler's epithet stands for his country; a state's noun before the place it is held in
    ("واستنكر سفير خادم الحرمين الشريفين لدى دولة الكويت الدكتور وليد الناصر الهجوم.",
     [("وليد الناصر", "PER"), ("الكويت", "LOC")],
     "وليد الناصر", ("سفير", "السعودية"), ("الدكتور", None)),
]


@pytest.mark.parametrize("text, gold, name, v4_role, v3_role", CASES)
def test_roles_v4_reads_the_title_where_v3_keeps_an_honorific_or_nothing(
        analyzers, mentions_doc, text, gold, name, v4_role, v3_role):
    v3, v4 = analyzers
    assert roles_of(v4(mentions_doc(text, gold)), name) == [v4_role]
    assert roles_of(v3(mentions_doc(text, gold)), name) == ([v3_role] if v3_role else [])


def test_roles_v4_keeps_the_rulers_own_title_whole(analyzers, mentions_doc):
    text = "ووجه خادم الحرمين الشريفين الملك سالم بن فهد بصرف المكافآت."
    doc = analyzers[1](mentions_doc(text, [("سالم بن فهد", "PER")]))
    assert roles_of(doc, "سالم بن فهد") == [("خادم الحرمين الشريفين", None)]


def test_roles_v4_body_stops_at_a_verb_and_a_clause(analyzers, mentions_doc):
    # `للمؤتمر` starts no body that runs into `أمس`, and the person after a verb gets no title
    text = "وقدم المدير العام للمؤتمر الوطني أمس الدكتور ماهر السالم الشكر."
    doc = analyzers[1](mentions_doc(text, [("ماهر السالم", "PER")]))
    assert roles_of(doc, "ماهر السالم") == [("الدكتور", None)]

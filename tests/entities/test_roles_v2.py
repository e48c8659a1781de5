"""entities.roles.v2 (issue 14): full titles over honorifics, quotes, modifiers, compound titles."""

from __future__ import annotations

import pytest

from khabar.stages.entity_roles import (
    make_entities_merge, make_entities_merge_v2, make_entities_roles, make_entities_roles_v2,
)


@pytest.fixture(scope="module")
def analyze():
    merge, roles = make_entities_merge_v2(gazetteer=False), make_entities_roles_v2()
    return lambda doc: roles(merge(doc))


@pytest.fixture(scope="module")
def analyze_v1():
    merge, roles = make_entities_merge(gazetteer=False), make_entities_roles()
    return lambda doc: roles(merge(doc))


def roles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [(r.title, r.affiliation) for r in entity.roles]


CASES = [
    # an honorific between the title and the name never replaces the title
    ("استقبل ولي العهد السعودي الأمير فيصل بن ماجد الوفد في الرياض.",
     [("فيصل بن ماجد", "PER"), ("الرياض", "LOC")], "فيصل بن ماجد", [("ولي العهد", "السعودية")]),
    ("نقل تحيات العاهل المغربي الملك حسن الأول إلى الضيوف.",
     [("حسن الأول", "PER")], "حسن الأول", [("العاهل", "المغرب")]),
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوزير.",
     [("سلمان بن عبدالعزيز", "PER")], "سلمان بن عبدالعزيز", [("خادم الحرمين الشريفين", None)]),
    # a modifier after the affiliation
    ("يواجه الرئيس الفرنسي السابق جان دوبوا محاكمة جديدة.",
     [("جان دوبوا", "PER")], "جان دوبوا", [("الرئيس", "فرنسا")]),
    # the name in parentheses or quotes after its title
    ("قال وزير الخارجية الكوبي (خوان بيريز) إن بلاده ترفض العقوبات.",
     [("خوان بيريز", "PER")], "خوان بيريز", [("وزير الخارجية", "كوبا")]),
    ('وصلت تحيات الرئيس المصري "عادل منصور" إلى القمة.',
     [("عادل منصور", "PER")], "عادل منصور", [("الرئيس", "مصر")]),
    # a rank before the name and a full title after it
    ("أشاد الجنرال بول هاريس قائد قوات الحلف الأطلسي بالجنود.",
     [("بول هاريس", "PER"), ("قوات الحلف الأطلسي", "ORG")], "بول هاريس",
     [("قائد", "قوات الحلف الأطلسي")]),
    # a title after a closing quote
    ("وحافظ على صلة وثيقة «بسالم الهادي» زعيم تنظيم الشباب في المنطقة.",
     [("سالم الهادي", "PER"), ("تنظيم الشباب", "ORG")], "سالم الهادي",
     [("زعيم", "تنظيم الشباب")]),
    # a compound title is one title
    ("قال نائب رئيس الوزراء وزير الداخلية سالم الكعبي إن الأمن مستتب.",
     [("سالم الكعبي", "PER")], "سالم الكعبي", [("نائب رئيس الوزراء وزير الداخلية", None)]),
    # feminine titles
    ("وقالت المتحدثة ليلى حداد إن القاعة مغلقة.",
     [("ليلى حداد", "PER")], "ليلى حداد", [("المتحدثة", None)]),
    # an honorific is the role when nothing else is given
    ("تبرع الأمير خالد بن فهد للمستشفى.",
     [("خالد بن فهد", "PER")], "خالد بن فهد", [("الأمير", None)]),
]


@pytest.mark.parametrize(("text", "gold", "person", "roles"), CASES)
def test_roles_v2_reads_the_full_title(analyze, mentions_doc, text, gold, person, roles):
    assert roles_of(analyze(mentions_doc(text, gold)), person) == roles


def test_roles_v1_still_takes_the_honorific(analyze_v1, mentions_doc):
    text, gold, person, _ = CASES[0]
    assert roles_of(analyze_v1(mentions_doc(text, gold)), person) == [("الأمير", None)]


def test_roles_v2_keeps_a_bare_title_out_when_a_fuller_one_says_it(analyze, mentions_doc):
    text = ("قال وزير الخارجية الأردني سامر الحديدي إن الزيارة مهمة. وأضاف الوزير سامر الحديدي "
            "أن الحوار مستمر.")
    doc = analyze(mentions_doc(text, [("سامر الحديدي", "PER")]))
    assert roles_of(doc, "سامر الحديدي") == [("وزير الخارجية", "الأردن")]


def test_roles_v2_reaches_every_mention_of_the_person(analyze, mentions_doc):
    text = "وصل وزير المالية المغربي رشيد العلمي إلى باريس. وقال العلمي إن المفاوضات صعبة."
    doc = analyze(mentions_doc(text, [("رشيد العلمي", "PER"), ("العلمي", "PER"), ("باريس", "LOC")]))
    person = next(e for e in doc.entities if e.name == "رشيد العلمي")
    assert len(person.mentions) == 2
    assert [(r.title, r.affiliation) for r in person.roles] == [("وزير المالية", "المغرب")]


@pytest.mark.parametrize(
    ("text", "tagged", "person"),
    [
        ("ومن المقرر أن يمثل القاضي مراد الزين أمام المحكمة.", "القاضي مراد الزين", "مراد الزين"),
        ("والتقى الوفد الأمير هاري دوق ساسكس في لندن.", "هاري دوق ساسكس", "هاري"),
    ],
)
def test_merge_v2_cuts_a_title_out_of_a_person_span(analyze, mentions_doc, text, tagged, person):
    doc = analyze(mentions_doc(text, [(tagged, "PER")]))
    assert [e.name for e in doc.entities if e.type == "PER"] == [person]


def test_roles_v2_gives_coordinated_names_the_shared_title(analyze, mentions_doc):
    text = "التقى الوزيرين المصري سامي رضوان والأردني فارس العمري في عمان."
    doc = analyze(mentions_doc(text, [("سامي رضوان", "PER"), ("فارس العمري", "PER"), ("عمان", "LOC")]))
    assert roles_of(doc, "سامي رضوان") == [("وزير", "مصر")]
    assert roles_of(doc, "فارس العمري") == [("وزير", "الأردن")]


def test_roles_v2_reads_a_body_named_earlier_as_the_affiliation(analyze, mentions_doc):
    text = ("اجتمعت منظمة التعاون الإسلامي في جدة. وقال الأمين العام للمنظمة حسين العلي إن "
            "القرار اتخذ بالإجماع.")
    doc = analyze(mentions_doc(text, [("حسين العلي", "PER"), ("جدة", "LOC")]))
    assert roles_of(doc, "حسين العلي") == [("الأمين العام", "منظمة التعاون الإسلامي")]

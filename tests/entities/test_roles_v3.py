"""entities.roles.v3 (issue 14): every role category on text written for these tests."""

from __future__ import annotations

import pytest

from khabar.arabic import fold
from khabar.entities.nisba import load_role_lexicon
from khabar.stages.entity_roles import (
    make_entities_merge_v2, make_entities_roles_v2, make_entities_roles_v3,
)


@pytest.fixture(scope="module")
def analyze():
    merge, roles = make_entities_merge_v2(gazetteer=False), make_entities_roles_v3()
    return lambda doc: roles(merge(doc))


@pytest.fixture(scope="module")
def analyze_v2():
    merge, roles = make_entities_merge_v2(gazetteer=False), make_entities_roles_v2()
    return lambda doc: roles(merge(doc))


def roles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [(r.title, r.affiliation) for r in entity.roles]


CASES = [
    # titles shared by coordinated names: a dual head with one country per name
    ("اجتمع وزيرا خارجية مصر والأردن سامح فهمي وخالد سعيد في القاهرة.",
     [("سامح فهمي", "PER"), ("خالد سعيد", "PER"), ("مصر", "LOC"), ("الأردن", "LOC"),
      ("القاهرة", "LOC")],
     {"سامح فهمي": [("وزير الخارجية", "مصر")], "خالد سعيد": [("وزير الخارجية", "الأردن")]}),
    ("التقى الوزيران المصري سامح فهمي والأردني خالد سعيد أمس.",
     [("سامح فهمي", "PER"), ("خالد سعيد", "PER")],
     {"سامح فهمي": [("وزير", "مصر")], "خالد سعيد": [("وزير", "الأردن")]}),
    # the name in parentheses after its title; the title after the name, with or without a comma
    ("صرح وزير الخارجية الفرنسي (جان مارتان) بأن الاتفاق قريب.",
     [("جان مارتان", "PER")], {"جان مارتان": [("وزير الخارجية", "فرنسا")]}),
    ("قال كريم بناني، وزير المالية المغربي، إن العجز تراجع.",
     [("كريم بناني", "PER")], {"كريم بناني": [("وزير المالية", "المغرب")]}),
    ("وأوضح كريم بناني وزير المالية المغربي أن العجز تراجع.",
     [("كريم بناني", "PER")], {"كريم بناني": [("وزير المالية", "المغرب")]}),
    ("ونعى البيان سالم الحارثي «القائد الميداني في تنظيم الأنصار» بعد الغارة.",
     [("سالم الحارثي", "PER"), ("تنظيم الأنصار", "ORG")],
     {"سالم الحارثي": [("القائد الميداني", "تنظيم الأنصار")]}),
    # long compound titles, before and after the name
    ("ترأس نائب رئيس مجلس الوزراء وزير الداخلية سالم الفهد الاجتماع.",
     [("سالم الفهد", "PER")], {"سالم الفهد": [("نائب رئيس مجلس الوزراء وزير الداخلية", None)]}),
    ("ترأس الأمير سالم الفهد ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية، الاجتماع.",
     [("سالم الفهد", "PER")],
     {"سالم الفهد": [("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية", None)]}),
    ("حضر ولي ولي العهد النائب الثاني لرئيس الوزراء الأمير فيصل بن سعد الحفل.",
     [("فيصل بن سعد", "PER")],
     {"فيصل بن سعد": [("ولي ولي العهد النائب الثاني لرئيس الوزراء", None)]}),
    # complements joined by و
    ("افتتح وزير الثقافة والإعلام الدكتور ماجد الحربي المعرض.",
     [("ماجد الحربي", "PER")], {"ماجد الحربي": [("وزير الثقافة والإعلام", None)]}),
    # affiliations that are organizations, and where the title is held
    ("وصل مبعوث الجامعة العربية إلى ليبيا حسن عمر إلى طرابلس.",
     [("حسن عمر", "PER"), ("الجامعة العربية", "ORG"), ("ليبيا", "LOC"), ("طرابلس", "LOC")],
     {"حسن عمر": [("مبعوث", "الجامعة العربية")]}),
    ("وقال المتحدث باسم وزارة الخارجية القطرية ناصر الكواري إن الوفد وصل.",
     [("ناصر الكواري", "PER"), ("وزارة الخارجية القطرية", "ORG")],
     {"ناصر الكواري": [("المتحدث باسم", "وزارة الخارجية القطرية")]}),
    ("وأكد مدير التعليم بمنطقة جازان الدكتور فهد سالم أن الدراسة تبدأ الأحد.",
     [("فهد سالم", "PER"), ("جازان", "LOC")], {"فهد سالم": [("مدير التعليم", "منطقة جازان")]}),
    ("وأكد المفتش العام للقوات المسلحة بدولة قطر اللواء ركن فهد سالم أن التدريب انتهى.",
     [("فهد سالم", "PER"), ("قطر", "LOC")], {"فهد سالم": [("المفتش العام", "القوات المسلحة")]}),
    ("وقال المتحدث الرسمي بقيادة حرس الحدود بالمنطقة الشرقية النقيب عمر سالم إن الطفل نجا.",
     [("عمر سالم", "PER"), ("حرس الحدود", "ORG"), ("المنطقة الشرقية", "LOC")],
     {"عمر سالم": [("المتحدث الرسمي", "قيادة حرس الحدود")]}),
    ("وصل المبعوث الأممي إلى اليمن خالد منصور إلى عدن.",
     [("خالد منصور", "PER"), ("اليمن", "LOC"), ("عدن", "LOC")],
     {"خالد منصور": [("المبعوث", "الأمم المتحدة")]}),
    # feminine forms
    ("قالت المستشارة الألمانية هيلغا براون إن الحوار مستمر.",
     [("هيلغا براون", "PER")], {"هيلغا براون": [("المستشارة", "ألمانيا")]}),
    ("وطالبت مندوبة كندا لدى الأمم المتحدة سارة لين بهدنة.",
     [("سارة لين", "PER"), ("كندا", "LOC"), ("الأمم المتحدة", "ORG")],
     {"سارة لين": [("مندوبة", "كندا")]}),
    ("وصرحت المتحدثة الرسمية باسم الهيئة منى العتيبي بأن النتائج جاهزة.",
     [("منى العتيبي", "PER")], {"منى العتيبي": [("المتحدثة الرسمية باسم الهيئة", None)]}),
    ("التقت رئيسة الوزراء النرويجية إنغريد سولبرغ بالوفد.",
     [("إنغريد سولبرغ", "PER")], {"إنغريد سولبرغ": [("رئيسة الوزراء", "النرويج")]}),
    # an honorific never replaces a full title, before or after the name
    ("أكد الدكتور سامي حداد وزير الصحة اللبناني أن اللقاح متوفر.",
     [("سامي حداد", "PER")], {"سامي حداد": [("وزير الصحة", "لبنان")]}),
    ("ترأس نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير مقرن بن سعد الجلسة.",
     [("مقرن بن سعد", "PER")], {"مقرن بن سعد": [("نائب خادم الحرمين الشريفين", None)]}),
    # two titles joined by و are both the person's
    ("وقال وزير الدولة وعضو مجلس الوزراء السعودي، ماجد سعد، إن الميزانية أقرت.",
     [("ماجد سعد", "PER")],
     {"ماجد سعد": [("عضو", "مجلس الوزراء السعودي"), ("وزير الدولة", None)]}),
    # a title before someone else's honorific stays with its own person
    ("وتسلم الرئيس المصري والأمير فيصل بن سعد الهدايا.",
     [("فيصل بن سعد", "PER")], {"فيصل بن سعد": [("الأمير", None)]}),
]


@pytest.mark.parametrize(("text", "gold", "expected"), CASES)
def test_issue_14_roles_v3_reads_each_role_category(analyze, mentions_doc, text, gold, expected):
    doc = analyze(mentions_doc(text, gold))
    assert {name: roles_of(doc, name) for name in expected} == expected


def test_issue_14_roles_v3_title_in_the_headline_reaches_the_bare_name_later(analyze, mentions_doc):
    text = ("وزير الصحة الكويتي فهد العلي يفتتح مستشفى جديدا\n"
            "افتتح فهد العلي المستشفى أمس. وقال العلي إن المستشفى يخدم المنطقة.")
    doc = analyze(mentions_doc(text, [("فهد العلي", "PER"), ("العلي", "PER")]))
    person = next(e for e in doc.entities if e.name == "فهد العلي")
    assert len(person.mentions) == 3
    [role] = person.roles
    assert (role.title, role.affiliation) == ("وزير الصحة", "الكويت")
    assert text[role.evidence.start:role.evidence.end] == "وزير الصحة الكويتي"


def test_issue_14_roles_v2_is_unchanged_by_the_v3_lexicons(analyze_v2, mentions_doc):
    text = "افتتح وزير الثقافة والإعلام الدكتور ماجد الحربي المعرض."
    doc = analyze_v2(mentions_doc(text, [("ماجد الحربي", "PER")]))
    assert roles_of(doc, "ماجد الحربي") == [("الدكتور", None)]


@pytest.mark.parametrize(("form", "country"), [
    ("الكوبي", "كوبا"), ("الكوبية", "كوبا"), ("الكوبيين", "كوبا"), ("الكوبيون", "كوبا"),
    ("كوبي", "كوبا"), ("كوبية", "كوبا"), ("الكوبيات", "كوبا"),
    ("الألمانية", "ألمانيا"), ("الألمان", "ألمانيا"), ("الأوروغوياني", "أوروغواي"),
    ("الغانية", "غانا"), ("الأممي", "الأمم المتحدة"),
])
def test_issue_14_v3_nationality_forms_name_their_country(form, country):
    assert load_role_lexicon(version=3).nisba[(fold(form),)] == country


def test_issue_14_v3_lexicon_reads_no_title_for_a_common_noun():
    # `آمر` (commander) folds to `أمر` (an order): not a title head
    assert ("امر",) not in load_role_lexicon(version=3).titles

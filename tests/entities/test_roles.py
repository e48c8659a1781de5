"""entities.roles.v1: titles attach to persons with the affiliation they carry."""

from __future__ import annotations

import pytest

from khabar.entities.nisba import load_role_lexicon
from khabar.stages.entity_roles import make_entities_merge, make_entities_roles


@pytest.fixture(scope="module")
def analyze():
    merge, roles = make_entities_merge(gazetteer=False), make_entities_roles()
    return lambda doc: roles(merge(doc))


def roles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [(r.title, r.affiliation) for r in entity.roles]


@pytest.mark.parametrize(
    ("text", "gold", "person", "role"),
    [
        ("قال وزير الخارجية المصري، سامي رضوان، إن المحادثات مثمرة.",
         [("سامي رضوان", "PER")], "سامي رضوان", ("وزير الخارجية", "مصر")),
        ("أعلنت وزيرة الصحة الأردنية هالة النمر خطة جديدة.",
         [("هالة النمر", "PER")], "هالة النمر", ("وزيرة الصحة", "الأردن")),
        ("وصل الرئيس الأميركي دانيال موريس إلى المطار.",
         [("دانيال موريس", "PER")], "دانيال موريس", ("الرئيس", "الولايات المتحدة")),
        ("قال رئيس الوزراء العراقي كريم الجبوري إن القوات تتقدم.",
         [("كريم الجبوري", "PER")], "كريم الجبوري", ("رئيس الوزراء", "العراق")),
        ("التقى وزير خارجية قطر فهد المري بالوفد.",
         [("فهد المري", "PER"), ("قطر", "LOC")], "فهد المري", ("وزير الخارجية", "قطر")),
        ("قالت المتحدثة باسم وزارة الخارجية الروسية يلينا سوروكينا إن موسكو ترفض.",
         [("يلينا سوروكينا", "PER"), ("موسكو", "LOC")], "يلينا سوروكينا",
         ("المتحدثة باسم وزارة الخارجية", "روسيا")),
        ("وقال اللواء سمير الحلبي إن الوضع هادئ.",
         [("سمير الحلبي", "PER")], "سمير الحلبي", ("اللواء", None)),
        ("أكدت منسقة الأمم المتحدة في اليمن سارة لوبيز أن المساعدات وصلت.",
         [("سارة لوبيز", "PER"), ("الأمم المتحدة", "ORG"), ("اليمن", "LOC")], "سارة لوبيز",
         ("منسقة", "الأمم المتحدة")),
        ("أجرى نائب وزير خارجية روسيا ميخائيل بوريسوف محادثات.",
         [("ميخائيل بوريسوف", "PER"), ("روسيا", "LOC")], "ميخائيل بوريسوف",
         ("نائب وزير الخارجية", "روسيا")),
        ("قال الأمين العام لحزب الأمة السيد كمال داود إن الحزب سيشارك.",
         [("كمال داود", "PER"), ("حزب الأمة", "ORG")], "كمال داود", ("الأمين العام", "حزب الأمة")),
        ("قال سفير الولايات المتحدة توماس غرين إن بلاده تدعم الحوار.",
         [("توماس غرين", "PER"), ("الولايات المتحدة", "LOC")], "توماس غرين",
         ("سفير", "الولايات المتحدة")),
    ],
)
def test_roles_reads_a_title_before_the_name(analyze, mentions_doc, text, gold, person, role):
    assert roles_of(analyze(mentions_doc(text, gold)), person) == [role]


@pytest.mark.parametrize(
    ("text", "gold", "person", "role"),
    [
        ("حذرت آنا بيرغ منسقة الشؤون الإنسانية للأمم المتحدة في السودان من المجاعة.",
         [("آنا بيرغ", "PER"), ("الأمم المتحدة", "ORG"), ("السودان", "LOC")], "آنا بيرغ",
         ("منسقة الشؤون الإنسانية", "الأمم المتحدة")),
        ("حذرت آنا بيرغ منسقة الشؤون الإنسانية للأمم المتحدة في السودان من المجاعة.",
         [("آنا بيرغ", "PER"), ("للأمم المتحدة", "ORG"), ("السودان", "LOC")], "آنا بيرغ",
         ("منسقة الشؤون الإنسانية", "الأمم المتحدة")),  # the tagger keeps `لل` in the span
        ("قال عماد السويطي، عضو المكتب السياسي في حركة حماس، إن الحركة توافق.",
         [("عماد السويطي", "PER"), ("حركة حماس", "ORG")], "عماد السويطي",
         ("عضو المكتب السياسي", "حركة حماس")),
        ("قال عماد السويطي، القيادي في حركة حماس، إن الحركة توافق.",
         [("عماد السويطي", "PER"), ("حماس", "ORG")], "عماد السويطي", ("القيادي", "حماس")),
        ("وقال باولو ريتشي، الأمين العام للاتحاد الأوروبي للنقابات، إن الإضراب مستمر.",
         [("باولو ريتشي", "PER"), ("الاتحاد الأوروبي للنقابات", "ORG")], "باولو ريتشي",
         ("الأمين العام", "الاتحاد الأوروبي للنقابات")),
    ],
)
def test_roles_reads_a_title_in_apposition_after_the_name(analyze, mentions_doc, text, gold, person, role):
    assert roles_of(analyze(mentions_doc(text, gold)), person) == [role]


@pytest.mark.parametrize(
    ("text", "counterpart", "role"),
    [
        ("اتصل وزير الدفاع الكندي، مارك ديلون، بنظيره الإيطالي ماركو فيراري.",
         "ماركو فيراري", ("وزير الدفاع", "إيطاليا")),
        ("استقبلت وزيرة الخارجية السويدية إنغريد لوند نظيرتها الفنلندية آنا كوسكي.",
         "آنا كوسكي", ("وزيرة الخارجية", "فنلندا")),
        ("قال وزير المالية المصري حسن عادل إن نظيره فريد سالم سيزور القاهرة.",
         "فريد سالم", ("وزير المالية", None)),
    ],
)
def test_roles_gives_a_counterpart_the_title_of_the_person_before_it(analyze, mentions_doc, text,
                                                                     counterpart, role):
    names = ["مارك ديلون", "ماركو فيراري", "إنغريد لوند", "آنا كوسكي", "حسن عادل", "فريد سالم"]
    doc = analyze(mentions_doc(text, [(n, "PER") for n in names]))
    assert roles_of(doc, counterpart) == [role]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("قال سامي رضوان الرئيس التنفيذي والمدير العام للشركة إن الأرباح ارتفعت.", "سامي رضوان",
         ("الرئيس التنفيذي", None)),
        ("قال سامي رضوان رئيس قسم التخطيط بوزارة الاقتصاد إن الخطة جاهزة.", "سامي رضوان",
         ("رئيس قسم التخطيط", None)),
        ("قارن المقال بين خطابي سامي رضوان وأمين عام الحزب.", "سامي رضوان", None),
        ("واستقبل سامي رضوان رئيس الوزراء العراقي في بغداد.", "سامي رضوان", None),
        ("واستقبل سامي رضوان، رئيس البرلمان، الوفد في بغداد.", "سامي رضوان", ("رئيس البرلمان", None)),
    ],
)
def test_roles_stops_a_title_where_a_new_phrase_begins(analyze, mentions_doc, text, person, role):
    doc = analyze(mentions_doc(text, [(person, "PER")]))
    assert roles_of(doc, person) == ([role] if role else [])


def test_roles_gives_a_title_before_the_next_name_to_that_person_not_the_previous(analyze, mentions_doc):
    text = "التقى جيمس كولينز رئيس الوزراء العراقي كريم الجبوري في بغداد."
    doc = analyze(mentions_doc(text, [("جيمس كولينز", "PER"), ("كريم الجبوري", "PER"), ("بغداد", "LOC")]))
    assert roles_of(doc, "جيمس كولينز") == []
    assert roles_of(doc, "كريم الجبوري") == [("رئيس الوزراء", "العراق")]


@pytest.mark.parametrize(
    "text",
    [
        "قال سامي رضوان إن المحادثات مثمرة.",
        "وقال رئيس الوزراء. سامي رضوان غادر القاعة.",
        "التقى الوفد بسامي رضوان في القاهرة.",
    ],
)
def test_roles_finds_no_title_where_the_text_gives_none(analyze, mentions_doc, text):
    doc = analyze(mentions_doc(text, [("سامي رضوان", "PER")]))
    assert roles_of(doc, "سامي رضوان") == []


def test_roles_evidence_covers_the_title_phrase(analyze, mentions_doc):
    text = "قال وزير الخارجية المصري، سامي رضوان، إن المحادثات مثمرة."
    doc = analyze(mentions_doc(text, [("سامي رضوان", "PER"), ("سامي", "PER")]))
    (role,) = doc.entities[0].roles
    assert text[role.evidence.start:role.evidence.end] == "وزير الخارجية المصري"


def test_roles_records_one_role_once_for_a_person_titled_twice(analyze, mentions_doc):
    text = "قال وزير الخارجية المصري سامي رضوان إن وزير الخارجية المصري سامي رضوان سيسافر."
    doc = analyze(mentions_doc(text, [("سامي رضوان", "PER")]))
    assert roles_of(doc, "سامي رضوان") == [("وزير الخارجية", "مصر")]


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("الأمريكي", "الولايات المتحدة"), ("الأمريكية", "الولايات المتحدة"),
        ("الأميركي", "الولايات المتحدة"), ("الأمريكيون", "الولايات المتحدة"),
        ("الأمريكيين", "الولايات المتحدة"), ("التركي", "تركيا"), ("التركية", "تركيا"),
        ("الأتراك", "تركيا"), ("الروسي", "روسيا"), ("الروس", "روسيا"), ("السعودي", "السعودية"),
        ("السعودية", "السعودية"), ("المصري", "مصر"), ("المصريون", "مصر"), ("الفرنسية", "فرنسا"),
        ("الكوري الجنوبي", "كوريا الجنوبية"), ("الإيراني", "إيران"), ("الايراني", "إيران"),
    ],
)
def test_nisba_lexicon_maps_masculine_feminine_and_plural_forms_to_the_country(form, country):
    from khabar.arabic import fold

    assert load_role_lexicon().nisba[tuple(fold(form).split())] == country


def test_nisba_lexicon_covers_at_least_sixty_countries():
    assert len(set(load_role_lexicon().nisba.values())) >= 60

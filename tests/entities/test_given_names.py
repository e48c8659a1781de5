"""entities.merge.v5: given names the tagger left out before a person's name, and nationality
adjectives it took into one (text written for these tests; the mentions are given, as the
tagger makes them)."""

from __future__ import annotations

import pytest

from khabar.lexicons import read_rows
from khabar.stages.entities import make_entities_merge_v3, make_entities_merge_v5


@pytest.fixture(scope="module")
def mergers():
    return make_entities_merge_v3(gazetteer=False), make_entities_merge_v5(gazetteer=False)


def persons(doc):
    return sorted(e.name for e in doc.entities if e.type == "PER")


@pytest.mark.parametrize(("text", "given", "whole"), [
    ("وأوضح مدير فرع الهيئة بالمنطقة زاهر محمد الشهري أن الجولات مستمرة.",
     "محمد الشهري", "زاهر محمد الشهري"),
    ("وسجل ليبرون جيمس ثلاثين نقطة في المباراة.", "جيمس", "ليبرون جيمس"),
    ("وقال رئيس البرلمان علي لاريجاني إن الجلسة تأجلت.", "لاريجاني", "علي لاريجاني"),
    # a given name that is also a title head, before a family name
    ("ووافق الأعضاء على تعيين مساعد الحربي رئيسا للنادي.", "الحربي", "مساعد الحربي"),
])
def test_v5_takes_the_given_name_left_out_before_a_person(mergers, mentions_doc, text, given,
                                                           whole):
    v3, v5 = mergers
    assert persons(v3(mentions_doc(text, [(given, "PER")]))) == [given]
    assert persons(v5(mentions_doc(text, [(given, "PER")]))) == [whole]


@pytest.mark.parametrize(("text", "given"), [
    ("وفي أيام عيد الفطر زار ماجد الحربي أقاربه.", "ماجد الحربي"),  # a feast, not a name
    ("وفي الاجتماع طالب سامي العنزي بزيادة الدعم.", "سامي العنزي"),  # a verb
    ("وتحدث الوفد عن ناصر الحمد وقال إنه غادر.", "ناصر الحمد"),  # a preposition
    ("وكشف مساعد فولر السابق أن الحملة تواصلت مع المنافسين.", "فولر"),  # Fuller's aide
])
def test_v5_leaves_common_words_before_a_person(mergers, mentions_doc, text, given):
    _, v5 = mergers
    assert persons(v5(mentions_doc(text, [(given, "PER")]))) == [given]


def test_v5_takes_ali_after_and_without_the_conjunction(mergers, mentions_doc):
    _, v5 = mergers
    text = "وسجل للفريق ماجد الرويس (54) وعلي عمرو (90)."
    doc = v5(mentions_doc(text, [("ماجد الرويس", "PER"), ("عمرو", "PER")]))
    assert persons(doc) == ["علي عمرو", "ماجد الرويس"]
    ali = next(e for e in doc.entities if e.name == "علي عمرو")
    assert text[ali.mentions[0].start:ali.mentions[0].end] == "علي عمرو"


def test_v5_cuts_a_nationality_the_tagger_took_into_a_name(mergers, mentions_doc):
    v3, v5 = mergers
    text = "ودفع المدرب الروماني فلورين باللاعبين البدلاء، وغاب المهاجم والكولومبي راميرو."
    given = [("الروماني فلورين", "PER"), ("والكولومبي راميرو", "PER")]
    assert persons(v3(mentions_doc(text, given))) == ["الروماني فلورين", "والكولومبي راميرو"]
    assert persons(v5(mentions_doc(text, given))) == ["راميرو", "فلورين"]


def test_given_names_hold_names_and_no_common_words():
    names = {row[0] for row in read_rows("given_names.tsv")}
    assert {"محمد", "زاهر", "ليبرون", "خالد"} <= names
    assert not names & {"عيد", "طالب", "امين", "على", "من", "ان", "كان", "فرد"}


@pytest.mark.parametrize(("text", "given", "whole"), [
    # a first name the article never writes alone, then the rest of the name
    ("وقال وزير المالية الفرنسي، برونو لو مير، إن النمو تحسن.",
     [("برونو", "PER"), ("لو مير", "PER")], "برونو لو مير"),
    # a last name after a name without a family name in ال
    ("وحضر المهندس سامر خليل اسماعيل الحفل.", [("سامر خليل", "PER"), ("اسماعيل", "PER")],
     "سامر خليل اسماعيل"),
    # `daughter of` ends no name
    ("وتعرضت الطفلة زينب بنت محمد الدوسري لحادث.", [("زينب بنت", "PER"), ("محمد الدوسري", "PER")],
     "زينب بنت محمد الدوسري"),
])
def test_v5_joins_a_name_the_tagger_cut_in_two(mergers, mentions_doc, text, given, whole):
    v3, v5 = mergers
    assert len(persons(v3(mentions_doc(text, given)))) == 2
    assert persons(v5(mentions_doc(text, given))) == [whole]


@pytest.mark.parametrize(("text", "given"), [
    # two persons: a name of a list after و
    ("وشارك في الهجوم نيمار وغابرييل خيسوس.", [("نيمار", "PER"), ("وغابرييل خيسوس", "PER")]),
    # a name the article writes alone elsewhere is whole: two persons side by side
    ("وقال ترامب إن القمة ناجحة. وتحدث ترامب كيم جونغ أون طويلا.",
     [("ترامب", "PER"), ("ترامب", "PER"), ("كيم جونغ أون", "PER")]),
    # a subject and its object side by side, the object named elsewhere by its last name
    ("وقال دونالد ترامب إن القمة ناجحة. وانتقد جون ماكين ترامب بشدة.",
     [("دونالد ترامب", "PER"), ("جون ماكين", "PER"), ("ترامب", "PER")]),
    # a full name with its family name, then a month read as a person
    ("ويعرض مسلسل ماجد العبيد رمضان المقبل.", [("ماجد العبيد", "PER"), ("رمضان", "PER")]),
    # a title read as a person before the name
    ("وفاز الفارس عبدالله الشربتلي بالمركز الثاني.",
     [("الفارس", "PER"), ("عبدالله الشربتلي", "PER")]),
])
def test_v5_keeps_persons_side_by_side_apart(mergers, mentions_doc, text, given):
    _, v5 = mergers
    doc = v5(mentions_doc(text, given))
    assert len({e.id for e in doc.entities if e.type == "PER"}) >= 2


def test_v5_takes_a_compound_given_name_of_abd_written_as_one_word(mergers, mentions_doc):
    v3, v5 = mergers
    text = "وطالب الرئيس عبدربه منصور هادي بدعم الحكومة."
    assert persons(v3(mentions_doc(text, [("منصور هادي", "PER")]))) == ["منصور هادي"]
    assert persons(v5(mentions_doc(text, [("منصور هادي", "PER")]))) == ["عبدربه منصور هادي"]


@pytest.mark.parametrize(("text", "given"), [
    ("وأكد سموه أن المملكة ماضية في دعم المشروع.", [("سموه", "PER")]),  # his highness
    ("وقال باحثون إن النتائج مشجعة.", [("باحثون", "PER")]),
])
def test_v5_drops_a_person_named_only_by_words_seldom_in_a_name(mergers, mentions_doc, text,
                                                                 given):
    v3, v5 = mergers
    assert persons(v3(mentions_doc(text, given))) != []
    assert persons(v5(mentions_doc(text, given))) == []


def test_v5_keeps_a_person_with_one_word_a_name_part(mergers, mentions_doc):
    # `سموه` is seldom a name, `سلمان` is one
    text = "وأكد سموه سلمان أن المملكة ماضية في دعم المشروع."
    assert persons(mergers[1](mentions_doc(text, [("سموه سلمان", "PER")]))) == ["سموه سلمان"]


def test_seldom_names_hold_no_wikidata_name_part():
    seldom = {row[0] for row in read_rows("seldom_names.tsv")}
    parts = {row[0] for row in read_rows("name_parts.tsv")}
    assert len(seldom) > 1000 and not seldom & parts


def test_v5_cuts_a_complementizer_the_tagger_took_into_a_name(mergers, mentions_doc):
    v3, v5 = mergers
    text = "وقال ولي العهد إن جاريد سيزور الرياض، والتقى الأمين العام بان كي مون."
    given = [("إن جاريد", "PER"), ("بان كي مون", "PER")]
    assert persons(v3(mentions_doc(text, given))) == ["إن جاريد", "بان كي مون"]
    assert persons(v5(mentions_doc(text, given))) == ["بان كي مون", "جاريد"]

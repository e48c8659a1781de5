"""entities.merge.v3: bodies named without a head noun, and persons that are no name (issue 14)."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.document import Document, Entity, Mention
from khabar.stages.entities import make_entities_merge_v3
from khabar.stages.entity_roles import make_entities_merge_v2


@pytest.fixture(scope="module")
def merge():
    return make_entities_merge_v3(gazetteer=False)


def named(doc, kind):
    return [doc.text[m.start:m.end] for e in doc.entities if e.type == kind for m in e.mentions]


def scored(doc: Document, score: float) -> Document:
    """The same raw mentions with another tagger score."""
    entities = tuple(dataclasses.replace(e, mentions=tuple(dataclasses.replace(m, score=score)
                                                           for m in e.mentions))
                     for e in doc.entities)
    return dataclasses.replace(doc, entities=entities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الخارجية الأمريكية أمس فرض عقوبات جديدة.", ["الخارجية الأمريكية"]),
        ("وقالت الداخلية البحرينية إنها أوقفت خلية.", ["الداخلية البحرينية"]),
        ("قالت وزيرة الخارجية الأمريكية إن المحادثات جيدة.", []),  # a title's portfolio
        ("انتقد الكاتب السياسة الخارجية الأمريكية في مقاله.", []),  # an adjective of a noun
    ],
)
def test_merge_v3_reads_a_ministry_named_by_its_portfolio(merge, mentions_doc, text, expected):
    assert named(merge(mentions_doc(text, [])), "ORG") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فاز الهلال على النصر في مباراة الدوري مساء أمس، وسجل اللاعب هدفا.", ["الهلال", "النصر"]),
        ("قال مدرب الاتحاد بعد المباراة إن الفريق قدم أداء جيدا في الدوري.", ["الاتحاد"]),
        # no club outside an article about sport: a victory, a union
        ("حقق المقاتلون النصر بعد معركة طويلة، وأعلن الاتحاد ذلك.", []),
        # sport, but no word that announces a club before the name
        ("انتهت المباراة في الدوري، وعاد الشباب إلى بيوتهم.", []),
    ],
)
def test_merge_v3_reads_a_club_by_its_name_in_sports_news(merge, mentions_doc, text, expected):
    assert named(merge(mentions_doc(text, [])), "ORG") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" واس- جدة: استقبل المسؤول الوفد أمس.", ["واس"]),
        (" سالم الحربي- سبق- الطائف: أعلن المسؤول الخطة.", ["سبق"]),
        ("دبي (CNN)— أعلنت الشركة نتائجها.", ["CNN"]),
        ("وقال لـ«الحياة» مسؤول إن القرار نهائي.", ["الحياة"]),
        ("ونشرت صحيفة «المساء» التقرير كاملا.", ["المساء"]),
        ("خرجوا دعما لـ«عاصفة الحزم» في الساحة.", []),  # an operation, not an outlet
        ("وصف الأمر بأنه «خطير جدا» ثم غادر.", []),
    ],
)
def test_merge_v3_reads_an_outlet_in_a_dateline_a_byline_or_quote_marks(merge, mentions_doc, text,
                                                                       expected):
    assert named(merge(mentions_doc(text, [])), "ORG") == expected


def test_merge_v3_keeps_a_person_in_a_byline_without_an_outlet(merge, mentions_doc):
    text = " سالم الحربي - الطائف: أعلن المسؤول الخطة."
    doc = merge(mentions_doc(text, [("سالم الحربي", "PER")]))
    assert named(doc, "PER") == ["سالم الحربي"]
    assert named(doc, "ORG") == []


@pytest.mark.parametrize(
    "text",
    [
        "زار الأمير مستشفيات المنطقة أمس.",  # a plural head with a common noun
        "قصفت القوات الموالية للحكومة مواقع المسلحين.",  # a kind of force
        "اجتمع الحزب الحاكم أمس.",
        "أشرف الفريق على تنظيم الأمسيات الشعرية.",  # a verbal noun
    ],
)
def test_merge_v3_leaves_a_kind_of_body_untagged(merge, mentions_doc, text):
    assert named(merge(mentions_doc(text, [])), "ORG") == []


def test_merge_v3_reads_a_plural_head_with_a_name(merge, mentions_doc):
    text = "تخرجت الطالبة من مدارس الرياض قبل عامين."
    assert named(merge(mentions_doc(text, [("الرياض", "LOC")])), "ORG") == ["مدارس الرياض"]


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("وأطلقت الشركة تطبيق SmartThinQ للهواتف.", [("SmartThinQ", "PER")]),  # a product
        ("وحمل الأغنية من متجر iTunes أمس.", [("iTunes", "PER")]),
        ("ووقف الجمهور خاويًا أمام المسرح.", [("خاويًا", "PER")]),  # tanween: a common word
        ("وخرج متظاهرون إلى الشوارع.", [("متظاهرون", "PER")]),  # a participle's plural
        ("وقال المصدر إن الاجتماع تأجل.", [("المصدر", "PER")]),  # a definite common noun
    ],
)
def test_merge_v3_drops_a_person_that_is_no_name(merge, mentions_doc, text, gold):
    doc = scored(mentions_doc(text, gold), 0.6)
    assert named(merge(doc), "PER") == []
    assert named(make_entities_merge_v2(gazetteer=False)(doc), "PER") != []


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("وقال كيخال كنتارسي إن الفريق جاهز.", [("كيخال كنتارسي", "PER")]),  # unknown, no shape
        ("وقال سالم المريبض إن الفريق جاهز.", [("سالم المريبض", "PER")]),  # one known part
        ("وقال عبدالله المريبض إن الفريق جاهز.", [("عبدالله المريبض", "PER")]),  # a compound
    ],
)
def test_merge_v3_keeps_a_name_the_tagger_was_unsure_of(merge, mentions_doc, text, gold):
    assert named(merge(scored(mentions_doc(text, gold), 0.6)), "PER") == [gold[0][0]]


def test_merge_v3_keeps_a_common_shaped_person_the_tagger_is_sure_of(merge, mentions_doc):
    doc = scored(mentions_doc("وقال المصدر إن الاجتماع تأجل.", [("المصدر", "PER")]), 0.95)
    assert named(merge(doc), "PER") == ["المصدر"]


def test_merge_v3_gives_a_weak_person_that_is_a_listed_place_its_place_type():
    text = "وزار الوفد مدينة وكراتشي أمس."
    start = text.index("وكراتشي")
    raw = Entity("m1", "PER", "وكراتشي", (Mention(start, start + 7, "ner.crf.v2", 0.4),))
    doc = make_entities_merge_v3(gazetteer=False)(Document(id="t", text=text, entities=(raw,)))
    assert [(e.type, e.id) for e in doc.entities] == [("LOC", "e1")]


def test_merge_v3_numbers_entities_in_order_after_dropping_a_person(merge, mentions_doc):
    text = "وقال المصدر إن سالم الحربي وصل إلى جدة."
    doc = scored(mentions_doc(text, [("المصدر", "PER"), ("سالم الحربي", "PER"), ("جدة", "LOC")]), 0.6)
    merged = merge(doc)
    assert [(e.id, e.name) for e in merged.entities] == [("e1", "سالم الحربي"), ("e2", "جدة")]


def test_merge_v3_rejects_a_gazetteer_option_that_is_not_a_flag():
    with pytest.raises(Exception, match="E103"):
        make_entities_merge_v3(gazetteer="yes")


def occurrences(text: str, name: str, types: list[str], *, full: str | None = None) -> Document:
    """A Document whose raw mentions are the occurrences of `name`, typed in order, and of the
    person `full` (one mention, tagged PER) when given."""
    spans, at = [], 0
    if full is not None:
        start = text.index(full)
        spans.append((start, start + len(full), "PER"))
    for kind in types:
        at = text.index(name, at if not spans else max(at, spans[0][1]))
        spans.append((at, at + len(name), kind))
        at += len(name)
    spans.sort()
    entities = tuple(Entity(f"m{k}", kind, text[s:e], (Mention(s, e, "ner.crf.v2", 0.9),))
                     for k, (s, e, kind) in enumerate(spans, start=1))
    return Document(id="t", text=text, entities=entities)


@pytest.mark.parametrize(
    ("text", "name", "types", "full"),
    [
        # the last name of one person, read as a place once
        ("وصل المبعوث برناردينو ليون أمس، وقال ليون إن الحوار مستمر.", "ليون", ["LOC"],
         "برناردينو ليون"),
        # a one-word person, read as a place once and as a person twice
        ("ويعد مونتي أول جندي يقتل هناك، وقال مونتي قبل أيام إن مونتي بخير.", "مونتي",
         ["PER", "LOC", "PER"], None),
    ],
)
def test_merge_v3_reads_a_persons_name_tagged_as_a_place_as_the_person(merge, text, name, types, full):
    doc = merge(occurrences(text, name, types, full=full))
    assert [e.type for e in doc.entities] == ["PER"]


def test_merge_v3_keeps_a_place_that_a_person_was_read_as_once(merge):
    text = "دخل المقاتلون كوباني أمس. وتقع كوباني شمال سوريا، وقال كوباني إن المعارك مستمرة."
    doc = merge(occurrences(text, "كوباني", ["LOC", "LOC", "PER"]))
    assert sorted(e.type for e in doc.entities) == ["LOC", "PER"]


def test_merge_v3_reads_organizations_of_its_own_lexicon(mentions_doc):
    doc = mentions_doc("ونقلت أسوشيتد برس عن مسؤول قوله إن الاجتماع انتهى.", [])
    assert named(make_entities_merge_v3()(doc), "ORG") == ["أسوشيتد برس"]
    assert named(make_entities_merge_v2()(doc), "ORG") == []


@pytest.mark.parametrize(
    ("text", "gold", "kind", "expected"),
    [
        ("ازدحم طريق الملك فهد بالسيارات أمس.", [("الملك فهد", "PER")], "LOC", "طريق الملك فهد"),
        ("يقع المقهى في شارع هدى شعراوي وسط المدينة.", [("هدى شعراوي", "PER")], "LOC",
         "شارع هدى شعراوي"),
        ("فاز الكاتب بجائزة نوبل للآداب.", [("نوبل", "PER")], "MISC", "جائزة نوبل للآداب"),
        ("افتتح معرض باريس للطيران أبوابه.", [("باريس", "LOC")], "MISC", "معرض باريس للطيران"),
    ],
)
def test_merge_v3_reads_a_name_after_someone_or_somewhere_as_one_name(merge, mentions_doc, text, gold,
                                                                      kind, expected):
    doc = merge(mentions_doc(text, gold))
    assert named(doc, kind) == [expected]
    assert named(doc, gold[0][1]) == []  # the person or place inside it is no entity of its own


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("وصل المقاتلون عن طريق إسطنبول.", [("إسطنبول", "LOC")]),  # by way of, no road
        ("عرض الفيلم من بطولة تشاك نوريس.", [("تشاك نوريس", "PER")]),  # starring, no tournament
        ("تستضيف الدولة كأس العالم.", []),  # no name after the head
    ],
)
def test_merge_v3_leaves_a_head_without_a_name_after_it_alone(merge, mentions_doc, text, gold):
    doc = merge(mentions_doc(text, gold))
    assert [e.type for e in doc.entities] == [kind for _, kind in gold]


@pytest.mark.parametrize(
    ("text", "gold", "expected"),
    [
        # a club the tagger read as a person, in sports news, needs no cue
        ("وأوضح سوانزي عبر حسابه أن المباراة في الدوري تأجلت، وأن الفريق جاهز.", [("سوانزي", "PER")],
         ["سوانزي"]),
        ("سجل محرز مع ليستر سيتي هدفا في الدوري، وفاز الفريق.", [("ليستر", "PER")], ["ليستر سيتي"]),
        # a club the tagger read as a place, after a cue: the cue wins
        ("وقال لاعب برشلونة بعد المباراة إن الدوري صعب.", [("برشلونة", "LOC")], ["برشلونة"]),
    ],
)
def test_merge_v3_reads_a_club_the_tagger_read_otherwise_in_sports_news(merge, mentions_doc, text, gold,
                                                                        expected):
    doc = merge(mentions_doc(text, gold))
    assert named(doc, "ORG") == expected
    assert named(doc, gold[0][1]) == []


def test_merge_v3_keeps_a_club_name_read_as_a_person_outside_sports_news(merge, mentions_doc):
    doc = merge(mentions_doc("وأوضح سوانزي أن القرار نهائي.", [("سوانزي", "PER")]))
    assert named(doc, "PER") == ["سوانزي"]

"""entities.merge.v1: mentions of one article merge into entities."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.stages.entity_roles import make_entities_merge


@pytest.fixture(scope="module")
def merge():
    return make_entities_merge(gazetteer=False)


def names_by_id(doc):
    return {e.id: (e.type, e.name, [doc.text[m.start:m.end] for m in e.mentions]) for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "gold", "full", "short"),
    [
        ("التقى سليم العواد بالوفد، وقال العواد إن المحادثات جيدة.",
         [("سليم العواد", "PER"), ("العواد", "PER")], "سليم العواد", "العواد"),
        ("وصلت نادية فرحات إلى المدينة. وقالت نادية إنها متفائلة.",
         [("نادية فرحات", "PER"), ("نادية", "PER")], "نادية فرحات", "نادية"),
        ("قال عمر حسين الدباغ إن الاتفاق قريب، وأكد عمر الدباغ ذلك.",
         [("عمر حسين الدباغ", "PER"), ("عمر الدباغ", "PER")], "عمر حسين الدباغ", "عمر الدباغ"),
    ],
)
def test_merge_joins_a_short_person_name_to_the_fuller_one(merge, mentions_doc, text, gold, full, short):
    doc = merge(mentions_doc(text, gold))
    persons = [e for e in doc.entities if e.type == "PER"]
    assert len(persons) == 1
    assert persons[0].name == full
    assert short in [text[m.start:m.end] for m in persons[0].mentions]


def test_merge_keeps_a_short_name_apart_when_two_fuller_names_share_it(merge, mentions_doc):
    text = "التقى سليم العواد وسليم حداد، ثم غادر سليم."
    doc = merge(mentions_doc(text, [("سليم العواد", "PER"), ("سليم حداد", "PER"), ("سليم", "PER")]))
    assert sorted(e.name for e in doc.entities) == ["سليم", "سليم العواد", "سليم حداد"]


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("هنأ الأمير سامر بن نادر بن عادل أباه الملك نادر بن عادل، وقال نادر بن عادل إنه فخور.",
         [("سامر بن نادر بن عادل", "PER"), ("نادر بن عادل", "PER"), ("نادر بن عادل", "PER")]),
        ("ألقى كلمة الأسرة يوسف بن زاهر الحمدان، وشكر الحضور باسم والده زاهر الحمدان.",
         [("يوسف بن زاهر الحمدان", "PER"), ("زاهر الحمدان", "PER")]),
    ],
)
def test_merge_keeps_a_fathers_name_apart_from_the_sons_fuller_name(merge, mentions_doc, text,
                                                                     gold):
    """`سلمان بن عبدالعزيز` is not `محمد بن سلمان بن عبدالعزيز`: a name the fuller one gives
    after `بن` is the father's."""
    doc = merge(mentions_doc(text, gold))
    persons = sorted(e.name for e in doc.entities if e.type == "PER")
    assert persons == sorted({name for name, _ in gold})


@pytest.mark.parametrize(
    ("text", "gold", "name"),
    [
        ("وصل الوفد إلى الأمم المتحدة، وقالت الامم المتحده إنها ترحب.",
         [("الأمم المتحدة", "ORG"), ("الامم المتحده", "ORG")], "الأمم المتحدة"),
        ("شنّ داعش هجوما، وتبنى تنظيم داعش الهجوم، وقالت الدولة الإسلامية إنها ستواصل.",
         [("داعش", "ORG"), ("تنظيم داعش", "ORG"), ("الدولة الإسلامية", "ORG")], "الدولة الإسلامية"),
        ("رحبت الأمم المتحدة بالقرار، وقال ممثل للأمم المتحدة إنه مهم.",
         [("الأمم المتحدة", "ORG")], "الأمم المتحدة"),
        ("أعلنت الأونروا خطتها، وقالت أونروا إن التمويل ناقص.",
         [("الأونروا", "ORG"), ("أونروا", "ORG")], "الأونروا"),
        ("زار الوزير البنتاجون ثم عاد إلى البنتاغون.",
         [("البنتاجون", "ORG"), ("البنتاغون", "ORG")], "البنتاجون"),
    ],
)
def test_merge_joins_spellings_and_aliases_of_one_organization(merge, mentions_doc, text, gold, name):
    doc = merge(mentions_doc(text, gold))
    assert [e.name for e in doc.entities] == [name]
    assert len(doc.entities[0].mentions) >= 2


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("وصل الوزير إلى واشنطن قادما من الولايات المتحدة.",
         [("واشنطن", "LOC"), ("الولايات المتحدة", "LOC")]),
        ("أصدر البنتاغون بيانا، وقالت وزارة الدفاع الأمريكية إنها تتابع.",
         [("البنتاغون", "ORG"), ("وزارة الدفاع الأمريكية", "ORG")]),
        ("سافر الوفد من بغداد إلى دمشق.", [("بغداد", "LOC"), ("دمشق", "LOC")]),
    ],
)
def test_merge_keeps_distinct_names_apart(merge, mentions_doc, text, gold):
    doc = merge(mentions_doc(text, gold))
    assert len(doc.entities) == 2


def test_merge_never_joins_a_person_with_a_place_of_the_same_name(merge, mentions_doc):
    text = "قال جورج واشنطن كلمته، ثم سافر الوفد إلى واشنطن."
    doc = merge(mentions_doc(text, [("جورج واشنطن", "PER"), ("واشنطن", "LOC")]))
    assert [(e.type, e.name) for e in doc.entities] == [("PER", "جورج واشنطن"), ("LOC", "واشنطن")]


def test_merge_numbers_entities_in_order_of_first_mention(merge, mentions_doc):
    text = "قال كارتر في بغداد إن آشتون كارتر سيزور دمشق وبغداد."
    doc = merge(mentions_doc(text, [("آشتون كارتر", "PER"), ("كارتر", "PER"), ("بغداد", "LOC"),
                                    ("دمشق", "LOC")]))
    assert [(e.id, e.name) for e in doc.entities] == [
        ("e1", "آشتون كارتر"), ("e2", "بغداد"), ("e3", "دمشق")]
    assert [m.start for m in doc.entities[0].mentions] == sorted(m.start for m in doc.entities[0].mentions)


def test_merge_uses_the_majority_type_when_a_name_is_tagged_two_ways(merge, mentions_doc):
    doc = mentions_doc("قالت مصر إن مصر ترحب، وأكدت مصر ذلك.", [("مصر", "LOC")])
    retagged = (dataclasses.replace(doc.entities[0], type="ORG"),) + doc.entities[1:]
    merged = merge(dataclasses.replace(doc, entities=retagged))
    assert [(e.type, len(e.mentions)) for e in merged.entities] == [("LOC", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير إلى العراق ثم إلى تركيا.", ["العراق", "تركيا"]),
        ("قالت الأمم المتحدة إن الوضع صعب.", ["الأمم المتحدة"]),
        ("دعا إلى دعم مالي عاجل.", []),
    ],
)
def test_merge_gazetteer_adds_places_and_organizations_the_tagger_missed(mentions_doc, text, expected):
    doc = make_entities_merge()(mentions_doc(text, []))
    assert [e.name for e in doc.entities] == expected
    assert all(e.type in ("LOC", "ORG") for e in doc.entities)


def test_merge_gazetteer_leaves_existing_mentions_alone(mentions_doc):
    text = "قال رئيس الوزراء في مصر إن مصر مستقرة."
    doc = mentions_doc(text, [("مصر", "ORG")])
    merged = make_entities_merge()(doc)
    assert [(e.name, len(e.mentions)) for e in merged.entities] == [("مصر", 2)]
    assert all(m.stage == "ner.crf.v2" for m in merged.entities[0].mentions)


def test_merge_gazetteer_mention_leaves_out_the_proclitic(mentions_doc):
    text = "وصل الوفد وللأمم المتحدة رأي آخر، ثم زار والعراق."
    doc = make_entities_merge()(mentions_doc(text, []))
    spans = {e.name: [text[m.start:m.end] for m in e.mentions] for e in doc.entities}
    assert spans == {"الأمم المتحدة": ["لأمم المتحدة"], "العراق": ["العراق"]}


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        ("قال ممثل للأمم المتحدة إنه مهم.", "لأمم", "الأمم المتحدة"),
        ("قال ممثل للأمم المتحدة إنه مهم.", "للأمم", "الأمم المتحدة"),
        ("قال ممثل الأمم المتحدة إنه مهم.", "الأمم", "الأمم المتحدة"),
    ],
)
def test_merge_names_a_mention_after_the_particle_la_with_its_article(merge, text, start, name):
    from khabar.document import Document, Entity, Mention

    s = text.index(start)
    e = text.index("المتحدة") + len("المتحدة")
    doc = merge(Document(id="t", text=text, entities=(Entity("m1", "ORG", text[s:e], (Mention(s, e),)),)))
    assert [x.name for x in doc.entities] == [name]

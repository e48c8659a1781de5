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
    # past an abbreviated honorific
    ("وأكد المستشار القانوني د. سامي الفارس أن القرار نهائي.", "سامي الفارس", "المستشار القانوني"),
    ("وقال مدير عام التعليم م. فهد الراشد إن المدارس جاهزة.", "فهد الراشد", "مدير عام التعليم"),
    ("ودعا العميد أ.د. خالد السالم الطلاب إلى الحضور.", "خالد السالم", "العميد"),
])
def test_roles_v5_reads_a_title_past_the_words_that_say_it_is_held_or_abbreviate_an_honorific(
        analyzers, mentions_doc, text, name, title):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")])
    assert titles_of(v4(doc), name) == []
    assert titles_of(v5(doc), name) == [title]


def roles_of(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return [(r.title, r.affiliation) for r in entity.roles]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("وعبر أمين عام جمعية إبصار سامي الفارس عن شكره للشركة.", "سامي الفارس",
     ("أمين عام", "جمعية إبصار")),
    ("ورفع مدير التعليم في محافظة الأفلاج فهد الراشد التهنئة للقيادة.", "فهد الراشد",
     ("مدير التعليم", "محافظة الأفلاج")),
    ("وأوضح مدير إدارة التسويق بالبريد الممتاز خالد السالم كيفية الاستفادة من القسائم.",
     "خالد السالم", ("مدير إدارة التسويق", "البريد الممتاز")),
    # a rank between the phrase and the name is neither
    ("وأكد مدير إدارة التسويق بالبريد الممتاز العقيد طيار سالم العتيبي أن الخدمة بدأت.",
     "سالم العتيبي", ("مدير إدارة التسويق", "البريد الممتاز")),
])
def test_roles_v5_reads_a_title_through_an_untagged_body_or_place(
        analyzers, mentions_doc, text, name, role):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")])
    assert role not in roles_of(v4(doc), name)
    assert roles_of(v5(doc), name) == [role]


@pytest.mark.parametrize(("text", "name"), [
    ("واجتمع وزير الخارجية مع سامي الفارس أمس.", "سامي الفارس"),
    ("وقال وزير الخارجية إن الحكومة تدعم سامي الفارس.", "سامي الفارس"),
    ("وكان محافظ المدينة والشيخ سامي الفارس في الاستقبال.", "سامي الفارس"),
])
def test_roles_v5_reads_no_title_through_another_argument_or_a_person(
        analyzers, mentions_doc, text, name):
    v5 = analyzers[1]
    found = roles_of(v5(mentions_doc(text, [(name, "PER")])), name)
    assert all(title not in ("وزير الخارجية", "محافظ") for title, _ in found)


def test_roles_v5_takes_no_description_after_a_nationality_into_the_affiliation(
        analyzers, mentions_doc):
    text = "وهاجم المدرب البرتغالي الشهير سامي الفارس الحكام."
    assert roles_of(analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")])), "سامي الفارس") \
        in ([], [("المدرب", "البرتغال")])


@pytest.mark.parametrize(("text", "name", "role"), [
    ("وطلب مدرب الفريق الأول لكرة القدم سامي الفارس تدعيم الصفوف.", "سامي الفارس",
     ("مدرب", "الفريق الأول لكرة القدم")),
    ("وأكد مدير عام «مؤسسة النخيل» فهد الراشد أن الشراكة مهمة.", "فهد الراشد",
     ("مدير عام", "مؤسسة النخيل")),
])
def test_roles_v5_reads_through_a_field_in_construct_and_quotation_marks(
        analyzers, mentions_doc, text, name, role):
    assert roles_of(analyzers[1](mentions_doc(text, [(name, "PER")])), name) == [role]


def test_roles_v5_reads_no_second_occupation_as_an_affiliation(analyzers, mentions_doc):
    text = "وحضر الكاتب والصحافي سامي الفارس الندوة."
    found = roles_of(analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")])), "سامي الفارس")
    assert all(affiliation is None for _, affiliation in found)


@pytest.mark.parametrize(("text", "name", "title"), [
    # a comma before the name; a body's name going on after a nationality
    ("وقالت المتحدثة باسم البيت الأبيض، سارة العلي، إن الرئيس سيسافر.", "سارة العلي",
     "المتحدثة باسم"),
    ("وقال مدير المرصد السوري لحقوق الإنسان سامي الفارس إن القتال مستمر.", "سامي الفارس",
     "مدير المرصد"),
])
def test_roles_v5_reads_through_a_comma_and_a_body_named_after_a_nationality(
        analyzers, mentions_doc, text, name, title):
    found = roles_of(analyzers[1](mentions_doc(text, [(name, "PER")])), name)
    assert len(found) == 1 and found[0][0].startswith(title)


def test_roles_v5_reads_a_regional_service_named_by_its_field(analyzers, mentions_doc):
    text = "وزار مدير تعليم محافظة الخرج سامي الفارس المدارس."
    (title, affiliation), = roles_of(analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")])),
                                     "سامي الفارس")
    assert f"{title} {affiliation or ''}".split() == "مدير تعليم محافظة الخرج".split()


@pytest.mark.parametrize(("text", "name", "role", "others"), [
    # a supervisor's title governs `على`; its object is the affiliation
    ("وأكد المشرف العام على المهرجان الدكتور سامي الفارس أن الفعاليات ناجحة.", "سامي الفارس",
     ("المشرف العام", "المهرجان"), []),
    # an abbreviated honorific between an untagged phrase and the name
    ("وألقى مساعد مدير عام صحة الجوف للصحة العامة د. فهد الراشد كلمة.", "فهد الراشد",
     ("مساعد مدير عام الصحة", "الجوف للصحة العامة"), [("الجوف", "LOC")]),
    # a rank with its grade yields to the full title before it
    ("وحضر رئيس هيئة الأركان العامة الفريق أول ركن خالد السالم التمرين.", "خالد السالم",
     ("رئيس هيئة الأركان العامة", None), []),
])
def test_roles_v5_reads_a_supervisor_past_ala_and_a_title_past_abbreviations_and_ranks(
        analyzers, mentions_doc, text, name, role, others):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER")] + others)
    assert role not in roles_of(v4(doc), name)
    assert roles_of(v5(doc), name) == [role]


def test_roles_v5_reads_the_head_of_a_presidency_with_its_general(analyzers, mentions_doc):
    text = "وقال الرئيس العام لرعاية الشباب سامي الفارس إن الدوري سيبدأ."
    doc = mentions_doc(text, [("سامي الفارس", "PER"), ("الشباب", "ORG")])
    assert roles_of(analyzers[1](doc), "سامي الفارس") == [("الرئيس العام", "رعاية الشباب")]


@pytest.mark.parametrize(("text", "first_title", "second_title", "v4_second"), [
    # a title after a name stays its own, whether the next name comes after و or a comma
    ("ويقودها سامي الفارس، الأمين العام المساعد للحزب، وفهد الراشد، القيادي في الحزب.",
     "الأمين العام المساعد", "القيادي", ["الأمين العام المساعد للحزب"]),
    ("وكلف الأمير سامي الفارس الرئيس العام لرعاية الشباب، د. فهد الراشد وكيل الرئيس العام "
     "لرعاية الشباب عضوا في المجلس.", "الرئيس العام", "وكيل الرئيس العام", ["وكيل الرئيس"]),
])
def test_roles_v5_gives_a_title_in_apposition_to_the_name_before_it(
        analyzers, mentions_doc, text, first_title, second_title, v4_second):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER"), ("فهد الراشد", "PER"), ("الشباب", "ORG")])
    assert [t for t, _ in roles_of(v5(doc), "سامي الفارس")] == [first_title]
    assert [t for t, _ in roles_of(v5(doc), "فهد الراشد")] == [second_title]
    assert [t for t, _ in roles_of(v4(doc), "فهد الراشد")] == v4_second


def test_roles_v5_keeps_a_new_item_of_a_list_for_the_name_after_it(analyzers, mentions_doc):
    text = "ويضم الوفد الأستاذ سامي الفارس، والمستشار بالديوان الملكي، الأستاذ فهد الراشد."
    names = [("سامي الفارس", "PER"), ("فهد الراشد", "PER"), ("الديوان الملكي", "ORG")]
    assert roles_of(analyzers[1](mentions_doc(text, names)), "فهد الراشد") == [
        ("المستشار", "الديوان الملكي")]


@pytest.mark.parametrize("text", [
    "وقال سامي الفارس - مدير مركز الخليج للبحوث - إن السوق مستقرة.",
    "وغرد سامي الفارس ـ مدير مركز الخليج للبحوث ـ ناعيا الفقيد.",
])
def test_roles_v5_reads_a_title_set_off_by_dashes_after_the_name(analyzers, mentions_doc, text):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert roles_of(v4(doc), "سامي الفارس") == []
    (title, affiliation), = roles_of(v5(doc), "سامي الفارس")
    assert f"{title} {affiliation or ''}".split()[:2] == ["مدير", "مركز"]


@pytest.mark.parametrize(("text", "role"), [
    ("وحضر الرئيس المصري المحب للمملكة سامي الفارس الحفل.", [("الرئيس", "مصر")]),
    ("ورافقه قائد الأسطول الأمريكي الخامس الفريق سامي الفارس.",
     [("قائد الأسطول", "الولايات المتحدة")]),
    # after و, another person: no description
    ("وتسلم الرئيس المصري والأمير سامي الفارس الهدية.", [("الأمير", None)]),
])
def test_roles_v5_reads_a_title_past_a_description_after_its_nationality(
        analyzers, mentions_doc, text, role):
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert roles_of(analyzers[1](doc), "سامي الفارس") == role


def test_roles_v5_reads_the_mayor_of_a_city(analyzers, mentions_doc):
    v4, v5 = analyzers
    text = "وحضر الحفل وأمين الطائف المهندس سامي الفارس."
    doc = mentions_doc(text, [("سامي الفارس", "PER"), ("الطائف", "LOC")])
    assert roles_of(v4(doc), "سامي الفارس") == [("المهندس", None)]
    assert roles_of(v5(doc), "سامي الفارس") == [("أمين", "الطائف")]


@pytest.mark.parametrize(("text", "given", "name", "role"), [
    # the pronoun's antecedent is the affiliation: a place for `ها`, a body for `ه`
    ("وتتمسك فرنسا بموقفها، وقال رئيسها سامي الفارس إن القرار نهائي.", [("فرنسا", "LOC")],
     "سامي الفارس", ("رئيس", "فرنسا")),
    ("وخسر نادي النخيل مباراته، وقال مدربه سامي الفارس إن الفريق تعب.",
     [("نادي النخيل", "ORG")], "سامي الفارس", ("مدرب", "نادي النخيل")),
    # a nationality is no club: `ه` takes no place
    ("وتأهلت البرازيل، بينما اعتذر مدربه سامي الفارس عن المؤتمر.", [("البرازيل", "LOC")],
     "سامي الفارس", ("مدرب", None)),
    # the written ة is a feminine head, no pronoun
    ("وقالت نائبة رئيس الجمعية سارة العلي إن العمل مستمر.", [], "سارة العلي",
     ("نائبة رئيس الجمعية", None)),
])
def test_roles_v5_reads_a_head_with_a_possessive_pronoun(analyzers, mentions_doc, text, given,
                                                         name, role):
    doc = mentions_doc(text, [(name, "PER")] + given)
    assert roles_of(analyzers[1](doc), name) == [role]


@pytest.mark.parametrize(("text", "title"), [
    ("وذكر سامي الفارس، وهو مستشار تربوي، أن الأسرة مهمة.", "مستشار"),
    ("وقال سامي الفارس كبير مسؤولي الدفاع في السفارة إن التعاون مستمر.", "كبير مسؤولي الدفاع"),
])
def test_roles_v5_reads_a_title_after_wahuwa_and_a_chief_of_a_group(analyzers, mentions_doc,
                                                                    text, title):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert roles_of(v4(doc), "سامي الفارس") == []
    assert [t for t, _ in roles_of(v5(doc), "سامي الفارس")] == [title]


def test_roles_v5_prefers_a_title_before_the_name_to_one_after_wahuwa(analyzers, mentions_doc):
    text = "وأبدى السكرتير العام بالاتحاد الرياضي سامي الفارس وهو عضو في اللجنة تفاؤله."
    (title, _), = roles_of(analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")])),
                           "سامي الفارس")
    assert title == "السكرتير العام"


@pytest.mark.parametrize(("text", "given", "name", "v5_role", "v4_role"), [
    # a construct chain up to an honorific before the name: the full title, not the honorific
    ("وقال رئيس قسم شؤون السعوديين الأستاذ سامي الفارس إن التسجيل مفتوح.", [],
     "سامي الفارس", ("رئيس", "قسم شؤون السعوديين"), ("الأستاذ", None)),
    ("ورأى استشاري طب وجراحة العيون الدكتور سامي الفارس أن الحالة مستقرة.", [],
     "سامي الفارس", ("استشاري", "طب وجراحة العيون"), ("الدكتور", None)),
    # the mayor of the region or the capital, named by its seat
    ("وأوضح أمين المنطقة المهندس سامي الفارس أن الحدائق جاهزة.", [],
     "سامي الفارس", ("أمين المنطقة", None), ("المهندس", None)),
    # `لـ` written apart before a body in marks
    ("وقال الأمين العام لـ«حزب النخيل»، سامي الفارس، إن الحزب سيشارك.",
     [("حزب النخيل", "ORG")], "سامي الفارس", ("الأمين العام", "حزب النخيل"), None),
    # `صاحب السمو الملكي` and a mark before the name are no affiliation
    ('وهنأ المواطنون ولي العهد صاحب السمو الملكي "الأمير سامي الفارس" بالعيد.', [],
     "سامي الفارس", ("ولي العهد", None), ("الأمير", None)),
])
def test_roles_v5_reads_a_full_title_before_an_honorific_or_a_body_in_marks(
        analyzers, mentions_doc, text, given, name, v5_role, v4_role):
    v4, v5 = analyzers
    doc = mentions_doc(text, [(name, "PER"), *given])
    assert roles_of(v5(doc), name) == [v5_role]
    assert roles_of(v4(doc), name) == ([v4_role] if v4_role else [])


def test_roles_v5_reads_amin_before_a_word_that_is_no_seat_as_a_name(analyzers, mentions_doc):
    text = "وقال أمين الرفاعي إن الفريق جاهز."
    doc = mentions_doc(text, [("أمين الرفاعي", "PER")])
    assert roles_of(analyzers[1](doc), "أمين الرفاعي") == []


@pytest.mark.parametrize(("text", "given", "role"), [
    ("وأوضح المشرف على فرق الفنون الشعبية سامي الفارس أن المشاركة كبيرة.", [],
     ("المشرف", "فرق الفنون الشعبية")),
    ("وتلقى الوزير اتصالا من ملك المملكة الأردنية الهاشمية سامي الفارس.",
     [("المملكة", "LOC")], ("ملك", "المملكة الأردنية الهاشمية")),
])
def test_roles_v5_reads_a_supervisors_object_and_a_states_full_name(analyzers, mentions_doc,
                                                                     text, given, role):
    doc = mentions_doc(text, [("سامي الفارس", "PER"), *given])
    assert roles_of(analyzers[1](doc), "سامي الفارس") == [role]


@pytest.mark.parametrize(("text", "role"), [
    # up to an honorific before the name, a chain of nouns and a name is the title's
    ("وأوضح رئيس بلدية مدركة المهندس سامي الفارس أن المهرجان توعوي.", ("رئيس", "بلدية مدركة")),
    ("وبين المدير التنفيذي لسوق عكاظ الدكتور سامي الفارس أن الأنشطة متنوعة.",
     ("المدير التنفيذي", "لسوق عكاظ")),
    ("وألقى خطيب المسجد الحرام فضيلة الشيخ سامي الفارس خطبة الجمعة.", ("خطيب", "المسجد الحرام")),
])
def test_roles_v5_reads_a_chain_up_to_an_honorific(analyzers, mentions_doc, text, role):
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert roles_of(analyzers[1](doc), "سامي الفارس") == [role]


@pytest.mark.parametrize("text", [
    # a clause or a pronoun before the honorific: no chain
    "وبعد أن اعتزل المدرب بعدها الأستاذ سامي الفارس التدريب عاد إلى التعليم.",
    # a quoted work's name before its author
    "وأثار مسلسل \"أستاذ ورئيس قسم\" لسامي الفارس جدلا واسعا.",
])
def test_roles_v5_reads_no_title_through_a_clause_or_a_works_name(analyzers, mentions_doc, text):
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert all(title not in ("المدرب", "رئيس", "أستاذ")
               for title, _ in roles_of(analyzers[1](doc), "سامي الفارس"))


def test_roles_v5_reads_a_hashtag_as_prose(analyzers, mentions_doc):
    v4, v5 = analyzers
    text = "وقال وزير الخارجية #سامي_الفارس إن المحادثات كانت صريحة."
    doc = mentions_doc(text, [("سامي_الفارس", "PER")])
    roles = [[(r.title, r.affiliation) for e in analyzed.entities for r in e.roles]
             for analyzed in (v5(doc), v4(doc))]
    assert roles == [[("وزير الخارجية", None)], []]


@pytest.mark.parametrize(("text", "title"), [
    ("تنفيذا لتوجيهات خادم الحرمين الملك سامي الفارس صدر القرار.", "خادم الحرمين"),
    ("وأكد شيخ قبائل النخيل الشيخ سامي الفارس اعتزاز أبناء القبيلة.", "شيخ قبائل النخيل"),
])
def test_roles_v5_reads_the_kings_short_title_and_a_tribes_chief(analyzers, mentions_doc, text,
                                                                  title):
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert titles_of(analyzers[1](doc), "سامي الفارس") == [title]


def test_roles_v5_reads_a_supervisor_joined_by_wa_and_the_body_the_article_names(pipeline):
    # the default pipeline: entities.merge.v2 would join `والمشرف` to the court's name
    from khabar.inputs import RawPage
    text = ("عنوان الخبر\n\nأطلق مركز الملك سلمان للإغاثة برنامجا جديدا للأسر. وعبر المستشار "
            "بالديوان الملكي والمشرف العام على المركز الدكتور عبدالله بن عبدالعزيز الربيعة عن "
            "سعادته بالبرنامج.")
    doc = pipeline(RawPage(text.encode(), format="text", id="supervisor"))
    assert ("المشرف العام", "مركز الملك سلمان للإغاثة") in roles_of(
        doc, "عبدالله بن عبدالعزيز الربيعة")


@pytest.mark.parametrize(("text", "given", "role"), [
    ("وكتبت فنلندا في بيان نشره وزير خارجيتها سامي الفارس أن المحادثات مستمرة.",
     [("فنلندا", "LOC")], ("وزير الخارجية", "فنلندا")),
    ("وأبلغ العراق على لسان وزير دفاعه سامي الفارس رفضه للعملية.",
     [("العراق", "LOC")], ("وزير الدفاع", "العراق")),
    # a person named nearer: the minister is theirs, not the place's
    ("وفي تونس أقال الرئيس خالد السالم وزير خارجيته سامي الفارس أمس.",
     [("تونس", "LOC"), ("خالد السالم", "PER")], ("وزير الخارجية", None)),
])
def test_roles_v5_reads_a_portfolio_with_a_possessive_pronoun(analyzers, mentions_doc, text,
                                                               given, role):
    v4, v5 = analyzers
    doc = mentions_doc(text, given + [("سامي الفارس", "PER")])
    assert role not in roles_of(v4(doc), "سامي الفارس")
    assert roles_of(v5(doc), "سامي الفارس") == [role]


@pytest.mark.parametrize(("text", "role"), [
    ("وأوضح المنسق العام للجنة المحلية للانتخابات سامي الفارس أن المراكز جاهزة.",
     ("المنسق العام", "اللجنة المحلية للانتخابات")),
    ("وقال مدير الأمن العام اللواء سامي الفارس إن الحادث قيد التحقيق.",
     ("مدير الأمن العام", None)),
])
def test_roles_v5_reads_the_general_as_part_of_the_title(analyzers, mentions_doc, text, role):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert role not in roles_of(v4(doc), "سامي الفارس")
    assert roles_of(v5(doc), "سامي الفارس") == [role]


def test_roles_v5_keeps_a_bare_title_only_where_no_mention_says_where_it_is_held(
        analyzers, mentions_doc):
    text = "ودفع المدرب الكرواتي فلورين بالبدلاء. وقال المدرب فلورين إن الفريق جاهز."
    given = [("فلورين", "PER")]
    assert roles_of(analyzers[0](mentions_doc(text, given)), "فلورين") == [
        ("المدرب", "كرواتيا"), ("المدرب", None)]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "فلورين") == [("المدرب", "كرواتيا")]


@pytest.mark.parametrize(("text", "role"), [
    ("وقالت الصحيفة إن رئيس الوزراء الفنلندي -آنذاك سامي الفارس قد وافق على الخطة.",
     ("رئيس الوزراء", "فنلندا")),
    ("واتهم التقرير وزير الخارجية الفنلندي في ذلك الوقت، سامي الفارس، بإخفاء الوثائق.",
     ("وزير الخارجية", "فنلندا")),
])
def test_roles_v5_reads_a_title_past_a_time_aside(analyzers, mentions_doc, text, role):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert role not in roles_of(v4(doc), "سامي الفارس")
    assert roles_of(v5(doc), "سامي الفارس") == [role]


@pytest.mark.parametrize(("text", "role"), [
    ("وأوضح أمين الجمعية سامي الفارس أن الحملة بدأت.", ("أمين الجمعية", None)),
    ("وحضر عضو اللجنة وأمين الصندوق سامي الفارس الاجتماع.", ("أمين الصندوق", None)),
])
def test_roles_v5_reads_the_secretary_of_a_body(analyzers, mentions_doc, text, role):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert role not in roles_of(v4(doc), "سامي الفارس")
    assert role in roles_of(v5(doc), "سامي الفارس")


def test_roles_v5_takes_no_given_name_amin_for_a_title(analyzers, mentions_doc):
    text = "وقال أمين الفارس إن الفريق جاهز للمباراة."
    assert roles_of(analyzers[1](mentions_doc(text, [("أمين الفارس", "PER")])), "أمين الفارس") == []


def test_roles_v5_reads_a_spokesperson_for_the_body_the_pronoun_refers_to(analyzers,
                                                                          mentions_doc):
    text = ("ولم تتهم وزارة الداخلية في المدينة أي طرف، واكتفى الناطق باسمها سامي الفارس "
            "بالقول إن التحقيق مستمر.")
    given = [("وزارة الداخلية", "ORG"), ("المدينة", "LOC"), ("سامي الفارس", "PER")]
    assert roles_of(analyzers[0](mentions_doc(text, given)), "سامي الفارس") == []
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [
        ("الناطق", "وزارة الداخلية")]


@pytest.mark.parametrize(("text", "role"), [
    ("وتابع رئيس الاتحاد الدولي لكرة القدم (فيفا) سامي الفارس المباراة.",
     ("رئيس", "الاتحاد الدولي لكرة القدم")),
    ("وقال وزير الخارجية الفنلندي (سامي الفارس) إن بلاده مستعدة.", ("وزير الخارجية", "فنلندا")),
])
def test_roles_v5_reads_a_title_past_a_bracketed_abbreviation(analyzers, mentions_doc, text,
                                                               role):
    given = [("سامي الفارس", "PER"), ("الاتحاد الدولي لكرة القدم", "ORG"), ("فيفا", "ORG")]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [role]


def test_roles_v5_leaves_bism_before_the_affiliation_out_of_the_title(analyzers, mentions_doc):
    text = "وقال المتحدث باسم وزارة الخارجية سامي الفارس إن الزيارة تأجلت."
    given = [("سامي الفارس", "PER"), ("وزارة الخارجية", "ORG")]
    assert roles_of(analyzers[0](mentions_doc(text, given)), "سامي الفارس") == [
        ("المتحدث باسم", "وزارة الخارجية")]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [
        ("المتحدث", "وزارة الخارجية")]


def test_roles_v5_reads_an_ambassador_after_a_whole_title_as_an_honorific(pipeline):
    # the default pipeline: entities.merge.v2 would read `السفير` into the league's name
    from khabar.inputs import RawPage
    text = ("عنوان الخبر\n\nوقال نائب الأمين العام للجامعة العربية السفير سامي الفارس إن "
            "الاجتماع تأجل. وحضر نائب السفير الفنلندي ماجد العتيبي الحفل.")
    doc = pipeline(RawPage(text.encode(), format="text", id="ambassador"))
    assert roles_of(doc, "سامي الفارس") == [("نائب الأمين العام", "الجامعة العربية")]
    assert roles_of(doc, "ماجد العتيبي") == [("نائب السفير", "فنلندا")]  # a title of its own


@pytest.mark.parametrize(("text", "title"), [
    ("وأصدر سامي الفارس وزير الشؤون الاجتماعية قراراً يقضي بإعادة هيكلة الإدارات التقنية.",
     "وزير الشؤون الاجتماعية"),
    ("وأكد سامي الفارس وزير الدولة لشؤون الشورى إضافة أربع سنوات لخدمة الأفراد.",
     "وزير الدولة لشؤون الشورى"),
])
def test_roles_v5_ends_a_title_before_an_object_or_a_number(analyzers, mentions_doc, text, title):
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert titles_of(analyzers[1](doc), "سامي الفارس") == [title]


def test_roles_v5_reads_the_organization_named_in_construct_for_its_definite_head(
        analyzers, mentions_doc):
    text = ("وعقدت منظمة البلدان المنتجة اجتماعها، وقالت المنظمة للدفاع عن المستهلك إنها قلقة، "
            "فيما استبعد الأمين العام للمنظمة سامي الفارس خفض الإنتاج.")
    given = [("منظمة البلدان المنتجة", "ORG"), ("المنظمة للدفاع", "ORG"), ("سامي الفارس", "PER")]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [
        ("الأمين العام", "منظمة البلدان المنتجة")]


@pytest.mark.parametrize(("text", "v4_title", "v5_title"), [
    ("وكشف الصحفي العالمي سامي الفارس أن اللاعب تلقى عرضا.", "الصحفي العالمي", "الصحفي"),
    ("وكشف الشاعر المعروف سامي الفارس أن الديوان صدر.", "الشاعر المعروف", "الشاعر"),
    # `الكبير` is also a rank (a senior commander): it stays
    ("وقتل القائد العسكري الكبير سامي الفارس في الغارة.", "القائد العسكري الكبير",
     "القائد العسكري الكبير"),
])
def test_roles_v5_leaves_words_of_praise_out_of_the_title(analyzers, mentions_doc, text,
                                                          v4_title, v5_title):
    v4, v5 = analyzers
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert titles_of(v4(doc), "سامي الفارس") == [v4_title]
    assert titles_of(v5(doc), "سامي الفارس") == [v5_title]


def test_roles_v5_reads_a_teams_administrator(analyzers, mentions_doc):
    text = "ويضم الجهاز الإداري للفريق إداري الفريق سامي الفارس والمنسق الإعلامي."
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert titles_of(analyzers[0](doc), "سامي الفارس") == ["الفريق"]  # read as the rank
    assert titles_of(analyzers[1](doc), "سامي الفارس") == ["إداري"]


def test_roles_v5_ends_a_title_after_the_name_before_a_name_joined_by_wa(analyzers, mentions_doc):
    text = "وضمت البعثة سامي الفارس مدير الإدارة وعلي السبع ووهبي المرزوق."
    doc = mentions_doc(text, [("سامي الفارس", "PER")])
    assert titles_of(analyzers[0](doc), "سامي الفارس") == ["مدير الإدارة وعلي السبع ووهبي المرزوق"]
    assert titles_of(analyzers[1](doc), "سامي الفارس") == ["مدير الإدارة"]


def test_roles_v5_reads_the_body_a_title_is_affiliated_to(analyzers, mentions_doc):
    text = "وفر محافظ شبوة التابع لجماعة الحوثي، سامي الفارس، إلى جهة مجهولة."
    given = [("سامي الفارس", "PER"), ("جماعة الحوثي", "ORG")]
    assert roles_of(analyzers[0](mentions_doc(text, given)), "سامي الفارس") != [
        ("محافظ شبوة", "جماعة الحوثي")]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [
        ("محافظ شبوة", "جماعة الحوثي")]


def test_roles_v5_reads_a_title_through_a_bodys_name_in_brackets(analyzers, mentions_doc):
    text = "من ناحيته، قال مدير شركة (سيبرين) سامي الفارس، إنهم أجروا دراسة جديدة."
    given = [("سيبرين", "ORG"), ("سامي الفارس", "PER")]
    assert roles_of(analyzers[0](mentions_doc(text, given)), "سامي الفارس") == []
    assert roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس") == [
        ("مدير", "شركة سيبرين")]


def test_roles_v5_reads_no_title_in_brackets_after_another_name(analyzers, mentions_doc):
    text = "وضمت اللجنة سامي الفارس (رئيس اللجنة)، وماجد العنزي، وخالد الحربي."
    given = [("سامي الفارس", "PER"), ("ماجد العنزي", "PER"), ("خالد الحربي", "PER")]
    assert roles_of(analyzers[1](mentions_doc(text, given)), "ماجد العنزي") == []


@pytest.mark.parametrize(("text", "given", "role"), [
    ("وقررت لجنة المسابقات بالاتحاد الكويتي برئاسة الدكتور سامي الفارس تأجيل المباراة.",
     [("لجنة المسابقات", "ORG"), ("الاتحاد الكويتي", "ORG")], ("رئيس", "لجنة المسابقات")),
    ("ووصل إلى عدن فريق من الخبراء برئاسة سامي الفارس أمس.", [], ("رئيس", None)),
    ("وأكد سامي الفارس أخصائي العلاج الطبيعي أن الإصابة بسيطة.", [], ("أخصائي العلاج الطبيعي",
                                                                      None)),
])
def test_roles_v5_reads_the_chair_after_biriasat_and_a_specialist(analyzers, mentions_doc, text,
                                                                  given, role):
    doc = mentions_doc(text, given + [("سامي الفارس", "PER")])
    assert role not in roles_of(analyzers[0](doc), "سامي الفارس")
    assert roles_of(analyzers[1](doc), "سامي الفارس") == [role]


@pytest.mark.parametrize("text", [
    "وانضم لاعبا الفريق سامي الفارس وخالد العنزي إلى المعسكر.",
    "وتحدث عن الإصابة التي لحقت بمهاجم الفريق سامي الفارس.",
])
def test_roles_v5_reads_no_rank_in_the_team_after_a_players_noun(analyzers, mentions_doc, text):
    doc = mentions_doc(text, [("سامي الفارس", "PER"), ("خالد العنزي", "PER")])
    assert ("الفريق", None) in roles_of(analyzers[0](doc), "سامي الفارس")
    assert roles_of(analyzers[1](doc), "سامي الفارس") == []


def test_roles_v5_gives_a_title_between_two_names_to_the_first_when_the_second_has_its_own(
        analyzers, mentions_doc):
    text = ("التقى الدكتور سامي الفارس الأمين العام لمنظمة التعاون الخليجي خالد العنزي المبعوث "
            "الخاص للأمم المتحدة إلى اليمن في الرياض أمس.")
    given = [("سامي الفارس", "PER"), ("منظمة التعاون الخليجي", "ORG"), ("خالد العنزي", "PER"),
             ("الأمم المتحدة", "ORG"), ("اليمن", "LOC")]
    v4, v5 = (analyzer(mentions_doc(text, given)) for analyzer in analyzers)
    assert titles_of(v4, "خالد العنزي") == ["الأمين العام"]
    assert titles_of(v5, "سامي الفارس") == ["الأمين العام"]
    assert titles_of(v5, "خالد العنزي") == ["المبعوث الخاص"]
    # without a title after the second name, the title before it stays the second's
    alone = mentions_doc("التقى الدكتور سامي الفارس الأمين العام للمنظمة خالد العنزي في الرياض.",
                         [("سامي الفارس", "PER"), ("خالد العنزي", "PER")])
    # (the organization named by its head alone is where the title is held)
    assert roles_of(analyzers[1](alone), "خالد العنزي") == [("الأمين العام", "المنظمة")]


def test_roles_v5_links_a_title_said_unnamed_to_the_name_said_bare_after_it(analyzers,
                                                                            mentions_doc):
    text = ("أعلن رئيس الوزراء البلغاري أن بلاده لن تستدعي سفيرها.\n\n"
            "وقال سامي الفارس، بعد اجتماع الحكومة، إن القرار نهائي.")
    v4, v5 = (analyzer(mentions_doc(text, [("سامي الفارس", "PER")])) for analyzer in analyzers)
    assert roles_of(v4, "سامي الفارس") == []
    assert roles_of(v5, "سامي الفارس") == [("رئيس الوزراء", "بلغاريا")]
    [role] = next(e for e in v5.entities if e.name == "سامي الفارس").roles
    assert text[role.evidence.start:role.evidence.end] == "رئيس الوزراء البلغاري"


@pytest.mark.parametrize("text", [
    # someone unnamed said the first thing
    "وأكد مسؤول عسكري أميركي الخبر.\n\nوقال سامي الفارس إن التحقيق مستمر.",
    # another person is named between
    "وقال رئيس الوزراء إن الحكومة مستمرة، وقال خالد العنزي إنه يؤيدها.\n\nوقال سامي الفارس إنه يعارض.",
    # the verbs differ in gender: not the same speaker
    "وقالت وزيرة الصحة إن الوباء انحسر.\n\nوقال سامي الفارس إن الأرقام غير دقيقة.",
    # a title that says nothing of where it is held: the spokesman said before, unnamed
    "قال متحدث باسم الحكومة إن القوات ستنسحب.\n\nوقال المتحدث: «هدفنا الأمن».\n\n"
    "وقال سامي الفارس إن العملية انتهت.",
])
def test_roles_v5_links_no_title_to_a_later_name_it_cannot_be(analyzers, mentions_doc, text):
    doc = analyzers[1](mentions_doc(text, [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]))
    assert roles_of(doc, "سامي الفارس") == []


def test_roles_v5_links_no_title_to_a_name_in_its_own_sentence(analyzers, mentions_doc):
    text = "وقال رئيس الوزراء إن الحكومة مستمرة، وقال سامي الفارس إنه يؤيدها."
    assert roles_of(analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")])), "سامي الفارس") == []


def test_roles_v5_reads_a_title_through_the_place_where_its_body_sits():
    # entities.merge.v5 ends the body's name before `بمنطقة`; the title still runs through it
    from khabar import load_pipeline, process

    text = ("وأوضح نائب المتحدث الرسمي بمديرية الدفاع المدني بمنطقة الحدود الشمالية الرائد سامي "
            "الفارس أن الحريق أخمد، وفق جدول لجنة الكلى الفرعية بمنطقة عسير برئاسة الدكتور خالد العنزي.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert roles_of(doc, "سامي الفارس") == [
        ("نائب المتحدث الرسمي", "مديرية الدفاع المدني بمنطقة الحدود الشمالية")]
    assert roles_of(doc, "خالد العنزي") == [("رئيس", "لجنة الكلى الفرعية")]  # `برئاسة`: its chair


def test_roles_v5_reads_a_title_held_for_a_ruler_after_the_name_as_before_it(analyzers,
                                                                             mentions_doc):
    after = "وأكد الدكتور سامي الفارس سفير خادم الحرمين الشريفين لدى الأردن متانة العلاقات."
    before = "وأكد سفير خادم الحرمين الشريفين لدى الأردن الدكتور سامي الفارس متانة العلاقات."
    given = [("سامي الفارس", "PER"), ("الأردن", "LOC")]
    assert roles_of(analyzers[0](mentions_doc(after, given)), "سامي الفارس") != [
        ("سفير", "السعودية")]
    assert roles_of(analyzers[1](mentions_doc(after, given)), "سامي الفارس") == [
        ("سفير", "السعودية")] == roles_of(analyzers[1](mentions_doc(before, given)), "سامي الفارس")


def test_roles_v5_reads_the_body_named_after_the_name_by_min_or_fi(analyzers, mentions_doc):
    text = "وقتل الرقيب سامي الفارس من فوج المظلات في الانفجار، وتحدث الطبيب خالد العنزي في المستشفى."
    given = [("سامي الفارس", "PER"), ("فوج المظلات", "ORG"), ("خالد العنزي", "PER")]
    v4, v5 = (analyzer(mentions_doc(text, given)) for analyzer in analyzers)
    assert roles_of(v4, "سامي الفارس") == [("الرقيب", None)]
    assert roles_of(v5, "سامي الفارس") == [("الرقيب", "فوج المظلات")]
    assert roles_of(v5, "خالد العنزي") == [("الطبيب", None)]  # no body named there


def test_roles_v5_reads_a_governor_but_not_and_to_spelled_alike(analyzers, mentions_doc):
    # `والي` (governor) folds like `والى` (`و` + `الى`, and to), which heads no title
    text = ("وكان في استقبال الوفد والي طنجة سامي الفارس، وبعث رئيس الجمعية برقية شكر إلى "
            "الوزير والى صاحب السمو الأمير خالد العنزي.")
    given = [("طنجة", "LOC"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("والي", "طنجة")]
    assert "والى" not in [title for title, _ in roles_of(doc, "خالد العنزي")]


def test_roles_v5_reads_no_governor_in_and_to_written_with_its_hamza(analyzers, mentions_doc):
    text = "وأرسل التحية إلى سامي الفارس وإلى الشام وأهلها."
    given = [("سامي الفارس", "PER"), ("الشام", "LOC")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == []


def test_roles_v5_reads_the_body_where_it_sits_as_the_affiliation():
    from khabar import load_pipeline, process

    text = ("وأوضح مدير عام الدفاع المدني بمنطقة الجوف العقيد سامي الفارس أن الفرق جاهزة "
            "لمواجهة الأمطار.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert roles_of(doc, "سامي الفارس") == [("مدير عام", "الدفاع المدني بمنطقة الجوف")]


def test_roles_v5_reads_a_title_set_apart_by_a_comma_after_the_body_it_serves_in(analyzers,
                                                                                  mentions_doc):
    text = ("وأشار القيادي في صفوف حركة النهضة، سامي الفارس، إلى أن الحوار مستمر، وقال ممثل "
            "المنظمة في مجموعة الاتصال الخاصة بالأزمة الشرقية، خالد العنزي، إن المياه ستعود.")
    given = [("حركة النهضة", "ORG"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("القيادي", "حركة النهضة")]
    assert [title for title, _ in roles_of(doc, "خالد العنزي")] == ["ممثل المنظمة"]


def test_roles_v5_reads_a_long_title_up_to_the_honorific_before_the_name(analyzers, mentions_doc):
    text = ("وتطرق مدير عام التخطيط الاستراتيجي وتطوير الاستثمار بالهيئة الملكية بينبع المهندس "
            "سامي الفارس إلى المزايا.")
    given = [("الهيئة الملكية", "ORG"), ("ينبع", "LOC"), ("سامي الفارس", "PER")]
    [(title, affiliation)] = roles_of(analyzers[1](mentions_doc(text, given)), "سامي الفارس")
    assert title.startswith("مدير عام التخطيط") and "الهيئة الملكية" in affiliation


def test_roles_v5_reads_a_title_set_off_by_commas_before_an_honorific_and_the_name(analyzers,
                                                                                    mentions_doc):
    text = ("وشكر قائد قوات الطوارئ الخاصة، اللواء سامي الفارس، الجميع. وافتتح مستشار الأمير "
            "خالد العنزي، أمير المنطقة، الدكتور فهد الراشد الملتقى.")
    given = [("قوات الطوارئ الخاصة", "ORG"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER"),
             ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("قائد", "قوات الطوارئ الخاصة")]
    assert ("أمير المنطقة", None) not in roles_of(doc, "فهد الراشد")  # the prince's, set off


def test_roles_v5_reads_a_portfolio_joined_in_construct(analyzers, mentions_doc):
    text = "وقال وزير الخارجية وشؤون المغتربين سامي الفارس إن الحل سياسي، وحضر مدير الفريق الأول وعلي السبع."
    given = [("سامي الفارس", "PER"), ("علي السبع", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("وزير الخارجية وشؤون المغتربين", None)]
    assert roles_of(doc, "علي السبع") == []


def test_roles_v5_reads_the_title_an_appointment_gives_in_the_accusative(analyzers, mentions_doc):
    text = ("وصدرت أوامر بتعيين م. سامي الفارس أمينًا لمنطقة الرياض، وتعيين خالد العنزي وزيرًا "
            "للخارجية، والدكتور فهد الراشد نائبًا لرئيس مجلس الوزراء وزيرًا للداخلية، واختيار "
            "الأمير نايف السالم وليًا لولي العهد، وتعيين العقيد علي السبع قائدًا للواء الأول.")
    given = [("الرياض", "LOC"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER"),
             ("فهد الراشد", "PER"), ("نايف السالم", "PER"), ("علي السبع", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("أمين", "منطقة الرياض")]
    assert roles_of(doc, "خالد العنزي") == [("وزير الخارجية", None)]
    # a list goes on from the appointment's word; two titles in a row are one compound
    assert roles_of(doc, "فهد الراشد") == [("نائب رئيس مجلس الوزراء وزير الداخلية", None)]
    assert roles_of(doc, "نايف السالم") == [("ولي ولي العهد", None)]
    assert roles_of(doc, "علي السبع") == [("قائد اللواء الأول", None)]


def test_roles_v5_reads_no_appointment_without_its_word_or_in_a_capacity(analyzers, mentions_doc):
    text = ("وحضر سامي الفارس ممثلًا لوزارة العمل. وشارك خالد العنزي رئيسًا للجلسة. "
            "وتقرر تعيين فهد الراشد ممثلًا عن الوزارة.")
    given = [("وزارة العمل", "ORG"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER"),
             ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == roles_of(doc, "خالد العنزي") == []
    assert roles_of(doc, "فهد الراشد") == []  # a capacity, not a post


def test_roles_v5_gives_a_counterpart_no_plural_title_nor_an_aides(analyzers, mentions_doc):
    text = ("وسيبحث الوزير ومساعده لشؤون حقوق الإنسان سامي الفارس القضايا مع وزراء الخارجية، ثم "
            "يلتقي نظيره الروسي خالد العنزي.")
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert all("مساعد" not in title and "وزراء" not in title
               for title, _ in roles_of(doc, "خالد العنزي"))


def test_roles_v5_reads_a_colonel_as_a_rank_after_a_title_set_off(analyzers, mentions_doc):
    text = ("وقال المتحدث باسم وزارة الدفاع الأميركية (البنتاغون)، الكولونيل سامي الفارس، إن "
            "القوات جاهزة.")
    given = [("وزارة الدفاع الأميركية", "ORG"), ("البنتاغون", "ORG"), ("سامي الفارس", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("المتحدث", "وزارة الدفاع الأميركية")]


def test_roles_v5_reads_a_state_named_with_its_noun_as_the_affiliation(analyzers, mentions_doc):
    text = ("وحضر سفير جمهورية مصر العربية لدى المملكة سامي الفارس، واستقبله رئيس دولة الإمارات "
            "خالد العنزي، ثم التقى سفير المملكة الأردنية الهاشمية فهد الراشد.")
    given = [("مصر العربية", "LOC"), ("المملكة", "LOC"), ("الإمارات", "LOC"),
             ("سامي الفارس", "PER"), ("خالد العنزي", "PER"), ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس")[0] == ("سفير", "جمهورية مصر العربية")
    assert roles_of(doc, "خالد العنزي") == [("رئيس", "دولة الإمارات")]
    assert roles_of(doc, "فهد الراشد") == [("سفير", "المملكة الأردنية الهاشمية")]


def test_roles_v5_reads_the_post_a_decree_appoints_to(analyzers, mentions_doc):
    text = ("وقرر المجلس ما يلي: 1 ـ تعيين سامي الفارس على وظيفة (وكيل الوزارة لشؤون الأبحاث) "
            "بالمرتبة الخامسة عشرة بوزارة الزراعة. 2 ـ تعيين خالد العنزي على وظيفة (سفير) "
            "بوزارة الخارجية. وحصل فهد الراشد على وظيفة (مهندس) في الشركة.")
    given = [("وزارة الزراعة", "ORG"), ("وزارة الخارجية", "ORG"), ("سامي الفارس", "PER"),
             ("خالد العنزي", "PER"), ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("وكيل الوزارة لشؤون الأبحاث", "وزارة الزراعة")]
    assert roles_of(doc, "خالد العنزي") == [("سفير", "وزارة الخارجية")]
    assert roles_of(doc, "فهد الراشد") == []  # a job found, no appointment told


def test_roles_v5_reads_a_body_named_by_its_head_after_lil_as_the_affiliation(analyzers,
                                                                             mentions_doc):
    text = ("وأوضح المتحدث الرسمي للأمانة سامي الفارس أن العمل مستمر، وقال المدير العام للتعليم "
            "خالد العنزي إن الدراسة تبدأ غدا.")
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("المتحدث الرسمي", "الأمانة")]
    assert roles_of(doc, "خالد العنزي") == [("المدير العام للتعليم", None)]  # a field


def test_roles_v5_reads_the_deputy_crown_prince_in_construct_with_his_country(analyzers,
                                                                              mentions_doc):
    text = "وحضر الأمير سامي الفارس، ولي ولي عهد المملكة العربية السعودية، الحفل."
    given = [("سامي الفارس", "PER"), ("المملكة العربية السعودية", "LOC")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("ولي ولي عهد", "المملكة العربية السعودية")]


def test_roles_v5_gives_a_counterpart_the_title_of_the_one_it_refers_to(analyzers, mentions_doc):
    text = ("وتعهد نائب الرئيس الأمريكي، سامي الفارس، بالضغط، وتحدث الرئيس الأمريكي خالد العنزي "
            "مع نظيره الصيني، فهد الراشد. ويلتقي وزير الدفاع الأمريكي علي السبع رئيس الوزراء "
            "نايف السالم ونظيره العراقي ماجد الحربي.")
    given = [(name, "PER") for name in ("سامي الفارس", "خالد العنزي", "فهد الراشد", "علي السبع",
                                        "نايف السالم", "ماجد الحربي")]
    doc = analyzers[1](mentions_doc(text, given))
    assert [t for t, _ in roles_of(doc, "فهد الراشد")] == ["الرئيس"]
    # joined by و to the object, the counterpart is the subject's
    assert [t for t, _ in roles_of(doc, "ماجد الحربي")] == ["وزير الدفاع"]


def test_roles_v5_ends_a_title_before_an_errand_or_a_verb(analyzers, mentions_doc):
    text = ("وحضر سامي الفارس وزير الدفاع لعرض الصورة الحقيقية للمشروع، فيما بقي خالد العنزي "
            "الرئيس الحالي يتصدر قائمة المرشحين لمنصب الرئاسة.")
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("وزير الدفاع", None)]
    assert roles_of(doc, "خالد العنزي") == [("الرئيس الحالي", None)]


def test_roles_v5_a_relation_in_construct_with_a_name_is_someone_elses(analyzers, mentions_doc):
    text = ("ورفض خالد العنزي، محامي سامي الفارس، الطلب، فيما شكر رئيس النادي فهد الراشد "
            "ونائبه علي السبع، وسعت الحملة لمساعدة ماجد الحربي على الفوز.")
    given = [(name, "PER") for name in ("خالد العنزي", "سامي الفارس", "فهد الراشد", "علي السبع",
                                        "ماجد الحربي")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == roles_of(doc, "ماجد الحربي") == []
    assert [t for t, _ in roles_of(doc, "علي السبع")] == ["نائب"]  # his deputy: the holder


def test_roles_v5_reads_a_rank_after_the_name_where_it_is_held(analyzers, mentions_doc):
    text = ("ونقلت الوكالة عن سامي الفارس، اللواء بالجيش الروسي، قوله إن الممر مغلق، وحضر خالد "
            "العنزي، العقيد، الاجتماع.")
    given = [("سامي الفارس", "PER"), ("الجيش الروسي", "ORG"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("اللواء", "الجيش الروسي")]
    assert roles_of(doc, "خالد العنزي") == []  # a bare rank after the name says no more


def test_roles_v5_an_unnamed_expert_told_to_an_outlet_is_no_later_speakers_title(
        analyzers, mentions_doc):
    text = "وقال خبير لبي بي سي إن الأمر خطير. وقال سامي الفارس إن السوق هادئة."
    given = [("بي بي سي", "ORG"), ("سامي الفارس", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == []


def test_roles_v5_reads_coordinated_occupations_soldiers_and_a_body_in_braces(
        analyzers, mentions_doc):
    text = ("وأوضح المخرج والمؤلف سامي الفارس أن المسرح يتراجع، وأصيب الجندي خالد العنزي، "
            "ووجهت رسالة إلى زعيم {داعش} فهد الراشد.")
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER"), ("داعش", "ORG"),
             ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert set(roles_of(doc, "سامي الفارس")) == {("المخرج", None), ("المؤلف", None)}
    assert roles_of(doc, "خالد العنزي") == [("الجندي", None)]
    assert roles_of(doc, "فهد الراشد") == [("زعيم", "داعش")]


def test_roles_v5_reads_a_management_field_joined_by_wa(analyzers, mentions_doc):
    text = ("وقال أستاذ العلوم السياسية وإدارة الأزمات بجامعة الحديدة الدكتور سامي الفارس إن "
            "الحرب طويلة.")
    given = [("جامعة الحديدة", "ORG"), ("سامي الفارس", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("أستاذ العلوم السياسية وإدارة الأزمات", "جامعة الحديدة")]


def test_roles_v5_a_bodys_head_alone_in_a_title_is_the_body_the_article_names(
        analyzers, mentions_doc):
    text = ("وطالب الاتحاد الألماني للصلب بالرد. وقال رئيس الاتحاد سامي الفارس إن الرسوم ظالمة، "
            "وقال رئيس الوزراء خالد العنزي إن الحكومة مستقرة.")
    given = [("الاتحاد الألماني للصلب", "ORG"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("رئيس", "الاتحاد الألماني للصلب")]
    assert roles_of(doc, "خالد العنزي") == [("رئيس الوزراء", None)]


def test_roles_v5_reads_a_minister_of_state_in_construct(analyzers, mentions_doc):
    text = "وترأس الجانب الإماراتي سامي الفارس، وزير دولة، في الدورة الأولى للجنة."
    doc = analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")]))
    assert roles_of(doc, "سامي الفارس") == [("وزير دولة", None)]


def test_roles_v5_reads_no_title_across_a_message_to_someone_honoured(analyzers, mentions_doc):
    text = ("وبعث ولي العهد نائب رئيس مجلس الوزراء برقية تهنئة لجلالة السلطان سامي الفارس "
            "بمناسبة ذكرى توليه الحكم، وقال مدير إدارة القضايا بالوكالة خالد العنزي إن القضايا "
            "انخفضت.")
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("السلطان", None)]
    assert roles_of(doc, "خالد العنزي") == [("مدير إدارة القضايا", None)]


def test_roles_v5_prefers_the_fuller_title_after_the_name_to_its_bare_head_before(
        analyzers, mentions_doc):
    text = ("وثمن السفير سامي الفارس، سفير المملكة العربية السعودية في مصر، الدعم. واستجاب "
            "الرئيس خالد العنزي رئيس الجمهورية اليمنية للطلب، وقال الرئيس فهد الراشد إن "
            "الحكومة مستقرة.")
    given = [("سامي الفارس", "PER"), ("المملكة العربية السعودية", "LOC"), ("مصر", "LOC"),
             ("خالد العنزي", "PER"), ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("سفير", "المملكة العربية السعودية")]
    assert roles_of(doc, "خالد العنزي") == [("رئيس الجمهورية", "اليمن")]
    assert roles_of(doc, "فهد الراشد") == [("الرئيس", None)]


def test_roles_v5_reads_the_place_after_fi_where_the_office_is_held(analyzers, mentions_doc):
    text = ("وقال وزير الإعلام في بوركينا فاسو سامي الفارس إن الهجوم فشل، وترأس خالد العنزي "
            "مدير عام الشؤون الصحية في منطقة تبوك الاجتماع، وشرح مدير فرع الزراعة في بلقرن "
            "فهد الراشد جهود الوزارة.")
    given = [("بوركينا فاسو", "LOC"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER"),
             ("تبوك", "LOC"), ("بلقرن", "LOC"), ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("وزير الإعلام", "بوركينا فاسو")]
    assert roles_of(doc, "خالد العنزي") == [("مدير عام الشؤون الصحية", "منطقة تبوك")]
    assert roles_of(doc, "فهد الراشد") == [("مدير فرع الزراعة", "بلقرن")]


def test_roles_v5_reads_no_host_country_for_a_diplomat_nor_an_event_town_for_a_state_office(
        analyzers, mentions_doc):
    text = ("واستقبل الملحق العسكري في المغرب سامي الفارس الوفد، والتقى ولي العهد وزير الدفاع "
            "في جدة الأمير خالد العنزي رئيس الوزراء، وطالب محامي السفارة في كندا فهد الراشد "
            "بالإفراج عنه.")
    given = [("المغرب", "LOC"), ("سامي الفارس", "PER"), ("جدة", "LOC"), ("خالد العنزي", "PER"),
             ("كندا", "LOC"), ("فهد الراشد", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("الملحق العسكري", None)]
    assert ("محامي السفارة", "كندا") not in roles_of(doc, "فهد الراشد")
    assert ("ولي العهد وزير الدفاع", "جدة") not in roles_of(doc, "خالد العنزي")


def test_roles_v5_reads_the_corporals_rank(analyzers, mentions_doc):
    text = "وقدم المحافظ التعازي في الشهيد العريف سامي الفارس لأسرته أمس."
    doc = analyzers[1](mentions_doc(text, [("سامي الفارس", "PER")]))
    assert roles_of(doc, "سامي الفارس") == [("العريف", None)]


def test_roles_v5_reads_an_affiliation_without_the_preposition_that_tied_it(analyzers,
                                                                         mentions_doc):
    text = ("وأوضح مدير العلاقات العامة بإمارة منطقة الباحة سامي الفارس أن الحفل ناجح، وقال "
            "المدير الفني للفريق خالد العنزي إن اللاعبين جاهزون.")
    given = [("الباحة", "LOC"), ("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("مدير العلاقات العامة", "إمارة منطقة الباحة")]
    assert roles_of(doc, "خالد العنزي") == [("المدير الفني", "الفريق")]


@pytest.mark.parametrize(("name", "bare"), [
    ("بالأمانة", "الأمانة"), ("للفريق الأول", "الفريق الأول"),
    ("بجامعة الملك سعود", "جامعة الملك سعود"),
    ("بلدية القائم", "بلدية القائم"), ("لجنة الاحتراف", "لجنة الاحتراف"), ("بريطانيا", "بريطانيا"),
    ("بالي", "بالي"), ("لبنان", "لبنان"),
])
def test_without_proclitic_keeps_names_that_start_with_its_letters(name, bare):
    from khabar.entities.roles import without_proclitic
    assert without_proclitic(name) == bare


def test_roles_v5_reads_no_affiliation_in_an_event_after_a_title(analyzers, mentions_doc):
    # the match he sponsors is no body his title is held in, with ل or in construct
    text = "ويرعى سامي الفارس الرئيس العام لرعاية الشباب لقاء السوبر السعودي في لندن."
    given = [("سامي الفارس", "PER"), ("السوبر السعودي", "MISC"), ("لندن", "LOC")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("الرئيس العام لرعاية الشباب", None)]


def test_roles_v5_reads_a_list_of_names_each_with_the_title_after_it(analyzers, mentions_doc):
    text = "وحضر اللقاء سامي الفارس مدير التعليم، خالد العنزي مدير الصحة، وعدد من المسؤولين."
    given = [("سامي الفارس", "PER"), ("خالد العنزي", "PER")]
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, "سامي الفارس") == [("مدير التعليم", None)]
    assert roles_of(doc, "خالد العنزي") == [("مدير الصحة", None)]


def test_roles_v5_reads_a_given_name_spelled_like_a_nationality_as_the_name(analyzers,
                                                                          mentions_doc):
    # `تركي` (Turkish) is a common given name: after a title it starts the name, no nationality
    text = "وقال رئيس التحرير تركي العنزي إن الصحيفة مستمرة، وقال مسؤول تركي إن المحادثات مستمرة."
    doc = analyzers[1](mentions_doc(text, [("تركي العنزي", "PER")]))
    assert roles_of(doc, "تركي العنزي") == [("رئيس التحرير", None)]


@pytest.mark.parametrize(("text", "given", "name", "roles"), [
    # a semicolon sets a title off after the name as a comma does
    ("أكد سامي الفارس؛ نائب محافظ مؤسسة النقد، أن السيولة كافية.",
     [("سامي الفارس", "PER"), ("مؤسسة النقد", "ORG")], "سامي الفارس",
     [("نائب محافظ", "مؤسسة النقد")]),
    # a local body's head: the place after `في` is where it is held
    ("ونفى نائب رئيس الشرطة في دبي، الفريق سامي الفارس، ما تداوله مغردون.",
     [("دبي", "LOC"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("نائب رئيس الشرطة", "دبي")]),
    # `إمام` as written (folded it is `أمام`, before)
    ("اعتبر إمام الحرم المكي الشيخ سامي الفارس أن الاعتداء جريمة.",
     [("الحرم المكي", "LOC"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("إمام", "الحرم المكي")]),
    ("ووقف الشيخ سامي الفارس أمام المصلين يخطب فيهم.",
     [("سامي الفارس", "PER")], "سامي الفارس", [("الشيخ", None)]),
    ("وقال سامي الفارس بروفيسور الهندسة في جامعة النخيل إن النتائج مشجعة.",
     [("سامي الفارس", "PER"), ("جامعة النخيل", "ORG")], "سامي الفارس",
     [("بروفيسور الهندسة", "جامعة النخيل")]),
    # a clan's chief, as a tribe's
    ("وأكد شيخ عشيرة البونمر سامي الفارس أن العشائر جاهزة.", [("سامي الفارس", "PER")],
     "سامي الفارس", [("شيخ عشيرة البونمر", None)]),
    # the duties someone is charged with
    ("وقرر الوزير تكليف سامي الفارس بمهام مدير عام الإدارة العامة لرعاية المسنين.",
     [("سامي الفارس", "PER"), ("الإدارة العامة لرعاية المسنين", "ORG")], "سامي الفارس",
     [("مدير عام", "الإدارة العامة لرعاية المسنين")]),
    # a third field of a body's, joined by و after the second
    ("وحضر المدير التنفيذي للمكتب التعاوني للدعوة والإرشاد وتوعية الجاليات سامي الفارس الحفل.",
     [("سامي الفارس", "PER")], "سامي الفارس",
     [("المدير التنفيذي", "المكتب التعاوني للدعوة والإرشاد وتوعية الجاليات")]),
    # a title set off by a comma before a rank and its grade
    ("وترأس رئيس هيئة الأركان العامة للقوات المسلحة، اللواء الركن سامي الفارس، الاجتماع.",
     [("القوات المسلحة", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("رئيس هيئة الأركان العامة", "القوات المسلحة")]),
    # a slash after the honorific, as official lists write it
    ("وأجرى العملية أخصائي جراحة الأطفال الدكتور/ سامي الفارس بنجاح.",
     [("سامي الفارس", "PER")], "سامي الفارس", [("أخصائي جراحة الأطفال", None)]),
    ("وأعلنت القيادة استشهاد العريف/ سامي الفارس أمس.", [("سامي الفارس", "PER")], "سامي الفارس",
     [("العريف", None)]),
    # `ألباني` folds like `الباني` (the builder): Albanian only as written with its article
    ("وتحدث الملك المؤسس الباني سامي الفارس عن البلاد.", [("سامي الفارس", "PER")],
     "سامي الفارس", [("المؤسس الباني", None)]),
    # thanks conveyed to someone: the word before them is no title of the one thanked
    ("ورفع المهندس خالد العنزي المخرج الشكر والتقدير للأمير سامي الفارس على دعمه.",
     [("خالد العنزي", "PER"), ("سامي الفارس", "PER")], "سامي الفارس", [("الأمير", None)]),
    ("وقدم الأمير سامي الفارس أمير منطقة تبوك الشكر والتقدير للوزير على دعمه.",
     [("سامي الفارس", "PER"), ("تبوك", "LOC")], "سامي الفارس", [("أمير المنطقة", "تبوك")]),
])
def test_roles_v5_seventeenth_round_readings(analyzers, mentions_doc, text, given, name, roles):
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, name) == roles


def test_roles_v5_reads_offices_told_in_the_accusative_in_a_list_without_an_appointment(
        analyzers, mentions_doc):
    text = ("وضم مجلس الإدارة كلا من سامي الفارس نائبا للرئيس وخالد العنزي أمينا عاما وفهد الراشد "
            "عضوا وماجد الحربي عضوا، وعاد بدر السالم لاعبا إلى ناديه.")
    names = ["سامي الفارس", "خالد العنزي", "فهد الراشد", "ماجد الحربي", "بدر السالم"]
    doc = analyzers[1](mentions_doc(text, [(name, "PER") for name in names]))
    assert [roles_of(doc, name) for name in names] == [
        [("نائب الرئيس", None)], [("أمين عام", None)], [("عضو", None)], [("عضو", None)], []]


def test_roles_v5_gives_a_title_the_affiliation_the_article_gives_it_where_it_names_no_one(
        analyzers, mentions_doc):
    text = ("وقال اللواء سامي الفارس، مدير إدارة مكافحة المخدرات، إن الوضع تحت السيطرة. ويقول "
            "مدير إدارة مكافحة المخدرات بوزارة الداخلية إن التنسيق كامل. وقال الرئيس خالد "
            "العنزي إن البلاد بخير. واجتمع الرئيس التونسي أمس مع نائب رئيس مجلس النواب.")
    given = [("سامي الفارس", "PER"), ("وزارة الداخلية", "ORG"), ("خالد العنزي", "PER"),
             ("مجلس النواب", "ORG")]
    doc = analyzers[1](mentions_doc(text, given))
    assert ("مدير إدارة مكافحة المخدرات", "وزارة الداخلية") in roles_of(doc, "سامي الفارس")
    # `الرئيس` alone takes a country, and none from inside a longer title
    assert roles_of(doc, "خالد العنزي") == [("الرئيس", "تونس")]


@pytest.mark.parametrize(("text", "given", "name", "roles"), [
    # a compound title set off by commas, after the name and before it
    ("وبعث الأمير سامي الفارس، ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية برقية تهنئة.",
     [("سامي الفارس", "PER"), ("مجلس الوزراء", "ORG")], "سامي الفارس",
     [("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية", None)]),
    ("كما بعث ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية الأمير سامي الفارس برقية.",
     [("مجلس الوزراء", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية", None)]),
    # ... not when the title after the comma names the next person, nor a title after `و`
    ("وقلد الأمير سامي الفارس أمير منطقة تبوك، مدير جوازات المنطقة اللواء خالد العنزي رتبته.",
     [("سامي الفارس", "PER"), ("تبوك", "LOC"), ("خالد العنزي", "PER")], "سامي الفارس",
     [("أمير المنطقة", "تبوك")]),
    ("وأشار رئيس قسم الأرصاد، ومدير مركز التميز سامي الفارس إلى ارتفاع الحرارة.",
     [("مركز التميز", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("مدير", "مركز التميز")]),
    # ... nor the title of the one someone goes with (`المرافق لسمو`)
    ("ويضم الوفد المرافق لسمو ولي ولي العهد، المستشار في الديوان الملكي سامي الفارس.",
     [("الديوان الملكي", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("المستشار", "الديوان الملكي")]),
    # whom something is conveyed to is no word of a title
    ("ونقل تهنئة الأمير سامي الفارس وزير الداخلية لكافة منسوبي الدفاع المدني.",
     [("سامي الفارس", "PER"), ("الدفاع المدني", "ORG")], "سامي الفارس",
     [("وزير الداخلية", None)]),
    # a player's position with the club he plays for; alone or with a nationality none
    ("وتعاقد النادي مع مدافع نادي الشباب سامي الفارس لموسم واحد.",
     [("نادي الشباب", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("مدافع", "نادي الشباب")]),
    ("ونجح المهاجم السوري سامي الفارس في التسجيل.", [("سامي الفارس", "PER")], "سامي الفارس", []),
    ("وتواصل مدافع الميليشيات وقوات المخلوع سامي الفارس قصف القرى.",
     [("الميليشيات", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس", []),
    # occupations of science and space before a name
    ("وقال رائد الفضاء الإماراتي سامي الفارس إن الرحلة ناجحة.", [("سامي الفارس", "PER")],
     "سامي الفارس", [("رائد الفضاء", "الإمارات")]),
    ("وأكد عالم الآثار الدكتور سامي الفارس أن الاكتشاف مهم.", [("سامي الفارس", "PER")],
     "سامي الفارس", [("عالم الآثار", None)]),
    # an observatory named by its head alone is the one the article names
    ("وأفاد المرصد الوطني للرصد بارتفاع الحرارة. وقال مدير المرصد سامي الفارس إن الموجة طويلة.",
     [("المرصد الوطني للرصد", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("مدير", "المرصد الوطني للرصد")]),
    # a team (not the rank `الفريق`) and the club it plays for, a long title with a nationality
    ("وكشف المدير الفني للفريق الأول لكرة القدم بنادي الشباب، البرازيلي سامي الفارس، أنه باق.",
     [("نادي الشباب", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("المدير الفني", "الفريق الأول لكرة القدم بنادي الشباب")]),
    # the legitimacy a title is given, between it and the name
    ("وسيطرت قوات الرئيس اليمني المعترف به دوليا سامي الفارس على المطار.",
     [("سامي الفارس", "PER")], "سامي الفارس", [("الرئيس", "اليمن")]),
    # what a supervisor is over
    ("وقال المشرف العام على مركز النخيل للإغاثة سامي الفارس إن القافلة وصلت.",
     [("مركز النخيل للإغاثة", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("المشرف العام", "مركز النخيل للإغاثة")]),
    # a title held then, after a relative clause
    ("وكان بينهم سامي الفارس، الذي كان يتولى حينها منصب رئيس الوزراء.",
     [("سامي الفارس", "PER")], "سامي الفارس", [("رئيس الوزراء", None)]),
    # the post a decree appoints to, in quotation marks
    ("وتقرر تعيين سامي الفارس على وظيفة «مستشار» بالمرتبة الخامسة عشرة.",
     [("سامي الفارس", "PER")], "سامي الفارس", [("مستشار", None)]),
    # the subject of a meeting verb is no part of its object's title
    ("والتقى الوزير رئيس مجلس إدارة هيئة المهندسين سامي الفارس.",
     [("هيئة المهندسين", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("رئيس", "مجلس إدارة هيئة المهندسين")]),
    # `السفير` before the name is an honorific where a title follows it, or precedes it
    ("وأوضح السفير سامي الفارس رئيس المجلس الوطني للشؤون الخارجية أن الزيارة مهمة.",
     [("سامي الفارس", "PER"), ("المجلس الوطني للشؤون الخارجية", "ORG")], "سامي الفارس",
     [("رئيس", "المجلس الوطني للشؤون الخارجية")]),
    ("وأزاح مندوب المملكة الدائم لدى الأمم المتحدة السفير سامي الفارس الستار.",
     [("الأمم المتحدة", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("مندوب المملكة الدائم", "الأمم المتحدة")]),
    # ... but not a title after `و`, someone else's
    ("وحضر السفير سامي الفارس والأمين العام للأمم المتحدة خالد العنزي الحفل.",
     [("سامي الفارس", "PER"), ("الأمم المتحدة", "ORG"), ("خالد العنزي", "PER")], "سامي الفارس",
     [("السفير", None)]),
    # `بعثة` is a noun, no `ب` glued to `عثة`
    ("وقال السفير سامي الفارس، رئيس بعثة الاتحاد الأوروبي في مصر، إن البرنامج مستمر.",
     [("سامي الفارس", "PER"), ("الاتحاد الأوروبي", "ORG"), ("مصر", "LOC")], "سامي الفارس",
     [("رئيس البعثة", "الاتحاد الأوروبي")]),
    # the body a comma sets off before `برئاسة`
    ("وصدر عن الهيئة الوطنية للكتاب، برئاسة د. سامي الفارس، كتاب جديد.",
     [("الهيئة الوطنية للكتاب", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("رئيس", "الهيئة الوطنية للكتاب")]),
    # a holder just named, and the region named before, between a title and its name
    ("ويبدأ المبعوث الأممي الجديد إلى اليمن، سامي الفارس، جولته من الرياض.",
     [("اليمن", "LOC"), ("سامي الفارس", "PER"), ("الرياض", "LOC")], "سامي الفارس",
     [("المبعوث", "الأمم المتحدة")]),
    ("واستمع لشرح قدمه مدير فرع هيئة السياحة في المنطقة سامي الفارس.",
     [("هيئة السياحة", "ORG"), ("سامي الفارس", "PER")], "سامي الفارس",
     [("مدير الفرع", "هيئة السياحة")]),
])
def test_roles_v5_eighteenth_round_readings(analyzers, mentions_doc, text, given, name, roles):
    doc = analyzers[1](mentions_doc(text, given))
    assert roles_of(doc, name) == roles

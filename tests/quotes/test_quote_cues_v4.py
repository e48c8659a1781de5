"""quotes.cues.v4: more reporting verbs (`أبان`, `بيّن`, `أظهر`), and none where the same
spelling is a preposition or an impersonal (`بين الطرفين`, `تبين أن`); text written for these
tests."""

import dataclasses

import pytest

from khabar.quotes import find_quotes
from khabar.quotes.extract import STAGE_V3, STAGE_V4
from khabar.quotes.lexicon import load_lexicon

PEOPLE = {"e1": ("سامي الحربي", "الحربي"), "e2": ("هند العتيبي", "العتيبي")}


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicon(version=3), load_lexicon(version=4)


def _with_role(doc, title, affiliation, start, length):
    """The Document with its first person given the role `title` at text[start:start+length],
    as the roles stage would read it."""
    from khabar.document import Offsets, Role
    person = dataclasses.replace(doc.entities[0], roles=(
        Role(title, affiliation, Offsets(start, start + length)),))
    return dataclasses.replace(doc, entities=(person,) + doc.entities[1:])


def _quotes(make_document, lexicon, text, stage):
    doc = make_document(text, PEOPLE)
    return [(q.speaker_text, doc.text[q.content.start:q.content.end])
            for q in find_quotes(doc, lexicon, stage=stage)]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("وأبان سامي الحربي، أن المديريات التي ستستفيد من المساعدات هي الشمالية والوسطى.",
     "سامي الحربي", "المديريات التي ستستفيد من المساعدات هي الشمالية والوسطى"),
    ("وصلت القافلة أمس. وبيّن الحربي أن التوزيع سيستمر أسبوعا في القرى الجبلية.",
     "الحربي", "التوزيع سيستمر أسبوعا في القرى الجبلية"),
    ("وبينت هند العتيبي أن نسبة القبول ارتفعت هذا العام إلى ستين في المئة.",
     "هند العتيبي", "نسبة القبول ارتفعت هذا العام إلى ستين في المئة"),
    ("وأظهرت الدراسة أن نسبة المدخنين تراجعت خلال العام الماضي إلى أدنى مستوى.",
     "الدراسة", "نسبة المدخنين تراجعت خلال العام الماضي إلى أدنى مستوى"),
    ("وسئل عن موعد الافتتاح، فأجاب سامي الحربي: «سيكون المبنى جاهزا قبل نهاية العام».",
     "سامي الحربي", "سيكون المبنى جاهزا قبل نهاية العام"),
])
def test_v4_reads_more_reporting_verbs(make_document, lexicons, text, speaker, content):
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [(speaker, content)]
    assert _quotes(make_document, v3, text, STAGE_V3) == []


@pytest.mark.parametrize("text", [
    # the preposition, spelled like the verb, inside a clause
    "وجرى اللقاء بين سامي الحربي وهند العتيبي أمس، واتفقا على أن التعاون سيستمر.",
    "والفرق بين المدينتين وبين القرى أن الخدمات في المدن أفضل وأسرع.",
    # it turned out that: nobody's statement
    "وتبين أن الحريق نشب بسبب تماس كهربائي في الطابق الثاني من المبنى.",
    # أظهر with an object reports nothing
    "وأظهر سامي الحربي اهتماما كبيرا بالمشروع خلال الزيارة.",
    # زاد is increased, unless a colon or a quotation mark follows it
    "وزاد الاهتمام بالمشروع بعد أن أكدت هند العتيبي أن العمل سيكتمل في موعده.",
])
def test_v4_reads_no_quote_where_the_spelling_is_no_reporting_verb(make_document, lexicons,
                                                                     text):
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == _quotes(make_document, v3, text, STAGE_V3)


def test_v4_reads_zada_as_added_before_a_colon(make_document, lexicons):
    text = "قال سامي الحربي إن المشروع تأخر شهرين. وزاد: «سنعوض التأخير في الصيف المقبل»."
    v4 = lexicons[1]
    assert _quotes(make_document, v4, text, STAGE_V4)[-1] == ("سامي الحربي",
                                                          "سنعوض التأخير في الصيف المقبل")


def test_v4_attributes_what_a_source_said_to_the_source(make_document, lexicons):
    # `وفقا لما ذكره X`: the speaker is X, not `لما ذكره X`
    text = ("ولن يرافق أي صحفي الوفد الرسمي في زيارته إلى العاصمة هذه المرة، وفقا لما ذكرته "
            "وزارة الصحة.")
    doc = make_document(text, {"e4": ("وزارة الصحة",)}, types={"e4": "ORG"})
    v3, v4 = lexicons
    assert [(q.speaker, q.speaker_text) for q in find_quotes(doc, v4, stage=STAGE_V4)] == [
        ("e4", "وزارة الصحة")]
    assert [q.speaker_text for q in find_quotes(doc, v3, stage=STAGE_V3)] == ["لما ذكرته وزارة الصحة"]



@pytest.mark.parametrize(("text", "speaker", "content"), [
    # words in marks that close the clause after a title, an adjunct or a group
    ("وقال الوزير «ستبدأ الدراسة في موعدها المحدد دون تأخير».", "الوزير",
     "ستبدأ الدراسة في موعدها المحدد دون تأخير"),
    ("وتحدث سامي الحربي إلى الصحفيين. وقال في مؤتمر صحفي \"سنعيد بناء الجسر خلال شهرين\".",
     "سامي الحربي", "سنعيد بناء الجسر خلال شهرين"),
    ("وقالت الجمعية في بيان \"لن نتوقف عن مساعدة الأسر المحتاجة\".", "الجمعية",
     "لن نتوقف عن مساعدة الأسر المحتاجة"),
])
def test_v4_reads_words_in_marks_after_any_subject(make_document, lexicons, text, speaker,
                                                   content):
    v3, v4 = lexicons
    assert (speaker, content) in _quotes(make_document, v4, text, STAGE_V4)
    assert content not in [c for _, c in _quotes(make_document, v3, text, STAGE_V3)]


@pytest.mark.parametrize("text", [
    # a name in marks: a term in the clause, a title, the subject's body before a colon
    "ووصف سامي الحربي «الإصلاحات الجديدة» بأنها تاريخية.",
    "وقال سامي الحربي عن «مشروع المدينة الجديدة».",
    "وقال الحربي في جلسة «مستقبل النقل في المنطقة».",
    "وقالت هند العتيبي، المديرة التنفيذية لشركة \"النخيل للتقنية الحديثة\"، في بيان: "
    "\"نحن مستعدون\".",
])
def test_v4_reads_no_name_in_marks_as_what_was_said(make_document, lexicons, text):
    found = _quotes(make_document, lexicons[1], text, STAGE_V4)
    assert all(content not in ("الإصلاحات الجديدة", "مشروع المدينة الجديدة",
                               "مستقبل النقل في المنطقة", "النخيل للتقنية الحديثة")
               for _, content in found)


def test_v4_reads_no_words_in_marks_inside_a_reported_noun_phrase(make_document, lexicons):
    text = "وأكد سامي الحربي أهمية الحل السياسي “إعلاء للمصلحة الوطنية وحقنا للدماء”."
    assert "إعلاء للمصلحة الوطنية وحقنا للدماء" not in [
        content for _, content in _quotes(make_document, lexicons[1], text, STAGE_V4)]


@pytest.mark.parametrize("text", [
    "ونشر سامي الحربي صورة المنتخب، وكتب فوقها \"سيناريو قاس لكننا سنعود أقوى\".",
    "وسئل سامي الحربي عن المشروع، فقال جوابا عن سؤال \"سيكتمل العمل قبل نهاية العام\".",
])
def test_v4_reads_no_place_time_or_manner_word_as_the_speaker(make_document, lexicons, text):
    found = _quotes(make_document, lexicons[1], text, STAGE_V4)
    assert found and all(speaker not in ("فوقها", "جوابا") for speaker, _ in found)


@pytest.mark.parametrize(("text", "first", "second"), [
    # a cue that opens a clause and names its subject ends the reported words before it
    ("وأكدت الوزارة أن القافلة وصلت إلى المدينة حيث أكد سامي الحربي أن التوزيع يبدأ غدا.",
     ("الوزارة", "القافلة وصلت إلى المدينة"), ("سامي الحربي", "التوزيع يبدأ غدا")),
    ("قال سامي الحربي إن العمل تأخر بسبب الأمطار وأضافت هند العتيبي أن الطريق سيفتح قريبا.",
     ("سامي الحربي", "العمل تأخر بسبب الأمطار"), ("هند العتيبي", "الطريق سيفتح قريبا")),
])
def test_v4_ends_reported_words_at_a_named_speakers_cue(make_document, lexicons, text, first,
                                                        second):
    v3, v4 = lexicons
    doc = make_document(text, {**PEOPLE, "e4": ("الوزارة",)}, types={"e4": "ORG"})
    assert [(q.speaker_text, doc.text[q.content.start:q.content.end])
            for q in find_quotes(doc, v4, stage=STAGE_V4)] == [first, second]
    assert len(find_quotes(doc, v3, stage=STAGE_V3)) == 1


@pytest.mark.parametrize("text", [
    # the subject before the cue: the cue is part of what was reported
    "وقال سامي الحربي إن هند العتيبي أكدت له أن المشروع سيكتمل قبل نهاية العام.",
    # a name after what the cue says is no subject of it
    "وقال سامي الحربي إن المشروع تأخر وأوضح أن هند العتيبي ستتولى الإشراف عليه.",
])
def test_v4_keeps_a_cue_without_its_named_subject_inside_the_words(make_document, lexicons,
                                                                   text):
    found = _quotes(make_document, lexicons[1], text, STAGE_V4)
    assert found[0][0] == "سامي الحربي" and "هند العتيبي" in found[0][1]


def test_v4_follows_a_speaker_cited_aside_for_their_sentence_only(make_document, lexicons):
    text = ("وقال سامي الحربي إن المشروع يستند إلى دراسات سابقة حيث قال خالد المطيري إن الطلب "
            "على المساكن يزداد، مشيرا إلى أن الأسعار ارتفعت. وأضاف أن العمل يبدأ الشهر المقبل.")
    doc = make_document(text, {**PEOPLE, "e3": ("خالد المطيري",)})
    assert [q.speaker_text for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == [
        "سامي الحربي", "خالد المطيري", "خالد المطيري", "سامي الحربي"]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # a quoted name right after the cue, then a title or an adjunct, then what was said
    ("قال \"سامي الحربي\" مدير فريق الإنقاذ: إن البحث سيستمر حتى المساء.", "سامي الحربي",
     "إن البحث سيستمر حتى المساء"),
    ("وقالت \"الجمعية الخيرية\"، في بيان، إن التبرعات تضاعفت هذا العام.", "الجمعية الخيرية",
     "التبرعات تضاعفت هذا العام"),
])
def test_v4_reads_a_quoted_name_before_a_title_as_the_speaker(make_document, lexicons, text,
                                                              speaker, content):
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [(speaker, content)]
    assert (speaker, content) not in _quotes(make_document, v3, text, STAGE_V3)


@pytest.mark.parametrize(("text", "content"), [
    ("وتحدث سامي الحربي للاعبين. وأضاف \"سنعود أقوى\"، قبل أن يغادر القاعة معهم.", "سنعود أقوى"),
    ("وهناك مثل يقول \"الصبر مفتاح الفرج\"، ولذلك فإن علينا أن ننتظر.", "الصبر مفتاح الفرج"),
])
def test_v4_keeps_words_in_marks_before_a_conjunction_as_the_quote(make_document, lexicons,
                                                                   text, content):
    assert content in [c for _, c in _quotes(make_document, lexicons[1], text, STAGE_V4)]


def test_v4_gives_a_bare_title_to_no_one_of_another_nationality(make_document, lexicons):
    text = ("التقى وزير الخارجية سامي الحربي أمس في الرياض وزير الخارجية الألماني خالد المطيري. "
            "وقال وزير الخارجية السعودي إن المحادثات كانت مثمرة وصريحة.")
    doc = make_document(text, {**PEOPLE, "e3": ("خالد المطيري",)})
    v3, v4 = lexicons
    assert [q.speaker for q in find_quotes(doc, v4, stage=STAGE_V4)] == ["e1"]
    assert [q.speaker for q in find_quotes(doc, v3, stage=STAGE_V3)] == ["e3"]


@pytest.mark.parametrize("told", ["لرويترز", "لوكالة الأنباء الألمانية", "لإحدى الصحف المحلية"])
def test_v4_reads_the_one_told_as_no_speaker(make_document, lexicons, told):
    text = (f"وقال سامي الحربي إن فرق الإنقاذ وصلت إلى القرية. وذكر {told} أن عدد المصابين "
            "ارتفع إلى عشرين.")
    v3, v4 = lexicons
    assert [s for s, _ in _quotes(make_document, v4, text, STAGE_V4)] == ["سامي الحربي"] * 2


def test_v4_reads_a_tagged_name_after_la_as_the_one_told(make_document, lexicons):
    text = ("وقال سامي الحربي إن فرق الإنقاذ وصلت إلى القرية. وذكر لصور أن عدد المصابين ارتفع "
            "إلى عشرين.")
    doc = make_document(text, {**PEOPLE, "e5": ("صور",)}, types={"e5": "LOC"})
    v3, v4 = lexicons
    assert [q.speaker for q in find_quotes(doc, v4, stage=STAGE_V4)] == ["e1", "e1"]
    assert [q.speaker for q in find_quotes(doc, v3, stage=STAGE_V3)] != ["e1", "e1"]


def test_v4_keeps_a_name_that_starts_with_la(make_document, lexicons):
    text = "وقال لافروف إن المحادثات كانت صريحة."
    doc = make_document(text, {"e6": ("لافروف",)})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e6"]


def test_v4_reads_a_subject_in_marks_after_kana(make_document, lexicons):
    text = ("وقال سامي الحربي إن الفريق جاهز للمباراة. وكانت إذاعة «صوت المدينة» قد أشارت أمس "
            "إلى أن اللاعب وافق على البنود الشخصية.")
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4)[-1][0] == "إذاعة «صوت المدينة»"
    assert _quotes(make_document, v3, text, STAGE_V3)[-1][0] is None


def test_v4_reads_a_sentence_in_marks_after_a_naming_noun(make_document, lexicons):
    said = "يواصل المهرجان دعم المواهب الشابة في المنطقة كل عام"
    text = f"وقال مسؤولون في المهرجان \"{said}\"."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [("مسؤولون", said)]
    text = "وقال سامي الحربي في المهرجان \"ليالي الصيف\"."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_reads_a_cue_after_hadha_as_opening_its_sentence(make_document, lexicons):
    text = "هذا وبين سامي الحربي أن المشروع سيوفر مئات الوظائف للشباب."
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("سامي الحربي", "المشروع سيوفر مئات الوظائف للشباب")]
    assert _quotes(make_document, v3, text, STAGE_V3) == []


@pytest.mark.parametrize("stressed", [
    "على أهمية الالتزام بالأنظمة", "ضرورة الالتزام بالأنظمة", "من خطورة السباحة في الأودية",
    "في الوقت ذاته على الالتزام بالأنظمة", "في بيانه إلى الالتزام بالأنظمة"])
def test_v4_reads_what_is_stressed_or_warned_of_as_no_quote(make_document, lexicons, stressed):
    text = (f"وشدد سامي الحربي {stressed} خلال الموسم. وأضاف أن الفرق جاهزة لأي طارئ. "
            "وقالت هند العتيبي إن المراكز مفتوحة.")
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("سامي الحربي", "الفرق جاهزة لأي طارئ"), ("هند العتيبي", "المراكز مفتوحة")]
    assert len(_quotes(make_document, v3, text, STAGE_V3)) == 3


def test_v4_follows_the_subject_of_a_noun_phrase_that_quotes_nothing(make_document, lexicons):
    text = ("وقال سامي الحربي إن الموسم بدأ. وشدد مدير الدفاع المدني على أهمية الالتزام "
            "بالتعليمات. وأضاف أن الفرق جاهزة لأي طارئ.")
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "الموسم بدأ"), ("مدير الدفاع المدني", "الفرق جاهزة لأي طارئ")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وكانت الوزارة أعلنت أول من أمس أن المدارس ستفتح أبوابها.", "الوزارة"),
    ("وقال سامي الحربي صراحة إن الفريق لن يشارك في البطولة.", "سامي الحربي"),
])
def test_v4_reads_no_time_or_manner_adverb_as_the_speaker(make_document, lexicons, text,
                                                         speaker):
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [speaker]


@pytest.mark.parametrize("text", [
    "وقال علي الزهراني إن النحالين يستخدمون الدخان.",
    "ويؤكد علي الزهراني من أقدم مربي النحل أن العسل غال.",
])
def test_the_name_ali_is_a_subject_though_it_folds_like_the_preposition(make_document,
                                                                        lexicons, text):
    doc = make_document(text, {"e7": ("علي الزهراني",)})
    for lexicon, stage in zip(lexicons, (STAGE_V3, STAGE_V4)):
        assert [q.speaker for q in find_quotes(doc, lexicon, stage=stage)] == ["e7"]


def test_ali_before_a_name_the_tagger_cut_is_no_preposition(make_document, lexicons):
    doc = make_document("وقال علي عبدالله صالح إن الحرب مستمرة.", {"e8": ("عبدالله صالح",)})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e8"]


def test_v4_reads_no_reporting_verb_tagged_a_person_as_the_speaker(make_document, lexicons):
    text = "وقال سامي الحربي إن الفريق جاهز. واستطرد بقوله: «سنلعب من أجل الفوز»."
    doc = make_document(text, {**PEOPLE, "e9": ("واستطرد",)})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e1", "e1"]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # a source cited after the subject is an aside, not another cue
    ("وقال سامي الحربي بحسب صحيفة النهار إن الفريق جاهز للمباراة.", "سامي الحربي",
     "الفريق جاهز للمباراة"),
    ("وقال سامي الحربي إن الموسم بدأ. وأضاف بحسب وكالة الأنباء: «سنعود أقوى في الدور الثاني».",
     "سامي الحربي", "سنعود أقوى في الدور الثاني"),
    # a time clause after the subject is an aside
    ("وقالت هند العتيبي بعد أن علمت بالنتيجة \"كان يوما صعبا على الجميع\".", "هند العتيبي",
     "كان يوما صعبا على الجميع"),
    # a source cited between commas after a long subject
    ("وأوضح المتحدث الرسمي للنادي سامي الحربي، وفقاً لما نقلت عنه صحيفة النهار، أن التذاكر نفدت.",
     "سامي الحربي", "التذاكر نفدت"),
])
def test_v4_reads_past_a_source_or_a_time_clause_after_the_subject(make_document, lexicons,
                                                                  text, speaker, content):
    v3, v4 = lexicons
    assert (speaker, content) in _quotes(make_document, v4, text, STAGE_V4)
    assert (speaker, content) not in _quotes(make_document, v3, text, STAGE_V3)


def test_v4_reads_a_name_in_marks_after_the_complementizer_as_part_of_the_clause(
        make_document, lexicons):
    text = "وأكد سامي الحربي أن «النخيل» لا تعتزم خفض الإنتاج هذا العام."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "«النخيل» لا تعتزم خفض الإنتاج هذا العام")]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("وأقر سامي الحربي بأن الفريق ارتكب أخطاء كثيرة في الشوط الأول.", "سامي الحربي",
     "الفريق ارتكب أخطاء كثيرة في الشوط الأول"),
    ("وأفصحت هند العتيبي أن المشروع سيكتمل قبل نهاية العام.", "هند العتيبي",
     "المشروع سيكتمل قبل نهاية العام"),
])
def test_v4_reads_admitting_and_disclosing_that(make_document, lexicons, text, speaker, content):
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [(speaker, content)]
    assert _quotes(make_document, v3, text, STAGE_V3) == []


@pytest.mark.parametrize("text", [
    "وأقر مجلس الإدارة الميزانية الجديدة للنادي في اجتماعه أمس.",  # approved
    "ولن تجد من يقر تفجير المساجد إلا إن كان مختلا.",  # the present form: no one's statement
])
def test_v4_reads_no_approval_as_admitting(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_reads_a_letter_name_in_an_abbreviation_as_no_complementizer(make_document, lexicons):
    text = "وقالت شبكة إن.بي.سي إن الحسابات الحكومية لم تتعرض للاختراق."
    assert [content for _, content in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [
        "الحسابات الحكومية لم تتعرض للاختراق"]


@pytest.mark.parametrize("told", ["للصحافيين", "للوكالة"])
def test_v4_reads_the_speaker_after_the_definite_one_told(make_document, lexicons, told):
    text = (f"وقال سامي الحربي إن فرق الإنقاذ وصلت إلى القرية. وذكر {told} المتحدث باسم الدفاع "
            "المدني خالد المطيري أن عدد المصابين ارتفع إلى عشرين.")
    doc = make_document(text, {**PEOPLE, "e3": ("خالد المطيري",)})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e1", "e3"]


def test_v4_reads_the_speaker_after_an_outlet_told_in_marks(make_document, lexicons):
    text = "وأوضح لـ”النهار ” المتحدث الرسمي سامي الحربي بأن الفرقة باشرت الحادث فور البلاغ."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "الفرقة باشرت الحادث فور البلاغ")]


@pytest.mark.parametrize("text", [
    "وقال سامي الحربي إن الفريق جاهز. وقال الشهر الماضي إن المدرب باق.",
    "وقال سامي الحربي إن الفريق جاهز. وأكد يوم الأحد أن المدرب باق.",
    "وقال سامي الحربي إن الفريق جاهز. وأكد آنذاك أن المدرب باق.",
])
def test_v4_reads_no_time_of_two_words_as_the_speaker(make_document, lexicons, text):
    v3, v4 = lexicons
    assert [s for s, _ in _quotes(make_document, v4, text, STAGE_V4)] == ["سامي الحربي"] * 2
    assert [s for s, _ in _quotes(make_document, v3, text, STAGE_V3)] != ["سامي الحربي"] * 2


@pytest.mark.parametrize("text", [
    "وزار سامي الحربي المصنع أمس. ويتوقع أن تبدأ المرحلة الثانية الشهر المقبل.",
    "وزار سامي الحربي المصنع أمس، فيما يتوقع أن تبدأ المرحلة الثانية الشهر المقبل.",
])
def test_v4_reads_the_passive_it_is_expected_as_nobodys_statement(make_document, lexicons, text):
    v3, v4 = lexicons
    assert _quotes(make_document, v3, text, STAGE_V3) != []
    assert _quotes(make_document, v4, text, STAGE_V4) == []


def test_v4_still_reads_expecting_with_a_subject(make_document, lexicons):
    text = "ويتوقع محللون أن ترتفع أسعار النفط خلال الربع الأخير."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("محللون", "ترتفع أسعار النفط خلال الربع الأخير")]


def test_v4_reads_the_source_after_lima_according_to_what(make_document, lexicons):
    text = "ووفقا لما ذكرته الصحف المحلية فإن اللاعب يعاني إصابة في الركبة."
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("الصحف المحلية", "اللاعب يعاني إصابة في الركبة")]
    assert _quotes(make_document, v3, text, STAGE_V3) != _quotes(make_document, v4, text, STAGE_V4)


def test_v4_reads_no_note_after_alma_as_what_the_cue_reports(make_document, lexicons):
    text = "وأكدت هذه الاختبارات سلامة الشبكة من أي انقطاع علماً بأن الموقع مخدوم بدوائر احتياطية."
    v3, v4 = lexicons
    assert [c for _, c in _quotes(make_document, v3, text, STAGE_V3)] == [
        "الموقع مخدوم بدوائر احتياطية"]
    assert _quotes(make_document, v4, text, STAGE_V4) == []


def test_v4_reads_a_source_named_in_quotation_marks_after_bihasab(make_document, lexicons):
    text = 'وينعقد الاجتماع اليوم في الدوحة. وبحسب "واس" تستعرض اللجنة ما تم بخصوص تسعير الأدوية.'
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("واس", "تستعرض اللجنة ما تم بخصوص تسعير الأدوية")]
    assert _quotes(make_document, v3, text, STAGE_V3) == []


def test_v4_leaves_the_verb_after_an_attribution_its_own_quote(make_document, lexicons):
    text = 'وبحسب "رويترز"، قالت هند العتيبي أمس إن المبيعات هبطت بنسبة ثمانية في المئة.'
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("هند العتيبي", "المبيعات هبطت بنسبة ثمانية في المئة")]


def test_v4_ends_a_denied_noun_phrase_before_the_next_speech_verb(make_document, lexicons):
    text = "ونفى سامي الحربي وجود خلافات في النادي وقالت هند العتيبي إن الموسم سيبدأ قريبا."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "وجود خلافات في النادي"), ("هند العتيبي", "الموسم سيبدأ قريبا")]


def test_v4_reads_the_subject_of_a_noun_phrase_after_a_long_title_the_roles_stage_read(
        make_document, lexicons):
    from khabar.document import Offsets, Role

    text = ("حذر سماحة مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ سامي بن خالد الحربي "
            "المسلمين من فئة ضالة، مبينا أن هذه الفئة شذت عن الأمة.")
    doc = make_document(text, {"e1": ("سامي بن خالد الحربي",)})
    person = doc.entities[0]
    title = Offsets(text.index("مفتي"), text.index(" الشيخ"))
    doc = dataclasses.replace(doc, entities=(dataclasses.replace(
        person, roles=(Role("مفتي عام المملكة رئيس هيئة كبار العلماء", None, title),)),))
    v3, v4 = lexicons
    said = "هذه الفئة شذت عن الأمة"
    assert ("e1", said) in [(q.speaker, doc.text[q.content.start:q.content.end])
                            for q in find_quotes(doc, v4, stage=STAGE_V4)]
    assert ("e1", said) not in [(q.speaker, doc.text[q.content.start:q.content.end])
                                for q in find_quotes(doc, v3, stage=STAGE_V3)]


def test_v4_reads_words_in_marks_after_a_long_subject_named_right_after_the_cue(make_document,
                                                                              lexicons):
    text = ('وقال سامي الحربي كبير الخبراء الأمنيين لنظام الحماية في المؤتمر الأمني السنوي '
            '"الدرع" في مدينة جدة نهاية الأسبوع الماضي "أدركنا حاجتنا إلى التحرك بشكل أسرع".')
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "أدركنا حاجتنا إلى التحرك بشكل أسرع")]


def test_v4_reads_no_cue_inside_an_aside_in_brackets(make_document, lexicons):
    text = ("وقال سامي الحربي، عميد كلية الإعلام (كان صحفيا في صحيفة محلية، وكتب كتابا عن "
            "هند العتيبي): «رغم مرور السنوات ما زالت الصحافة مهنة صعبة».")
    v3, v4 = lexicons
    said = "رغم مرور السنوات ما زالت الصحافة مهنة صعبة"
    assert _quotes(make_document, v4, text, STAGE_V4) == [("سامي الحربي", said)]
    assert _quotes(make_document, v3, text, STAGE_V3) != [("سامي الحربي", said)]


def test_v4_reads_god_willing_as_no_complementizer_and_the_two_sides_as_a_speaker(
        make_document, lexicons):
    v4 = lexicons[1]
    text = "أعلنت الهيئة عن توقعات بافتتاح الطريق الرابط بين المدينتين نهاية العام إن شاء الله."
    assert _quotes(make_document, v4, text, STAGE_V4) == []
    text = "وفي ختام المباحثات أكد الطرفان أن العلاقات بين البلدين متينة وتاريخية."
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("الطرفان", "العلاقات بين البلدين متينة وتاريخية")]


def test_v4_reads_alladhi_as_the_person_past_a_body_in_their_title(make_document, lexicons):
    text = ("والتقينا الدكتور سامي الحربي استشاري أمراض القلب بمستشفى الملك فهد بجدة الذي أوضح "
            "أن أمراض القلب كثيرة ومتنوعة.")
    people = {"e1": ("سامي الحربي",), "e2": ("مستشفى الملك فهد بجدة",)}
    v3, v4 = lexicons
    doc = make_document(text, people, types={"e2": "ORG"})
    assert [q.speaker for q in find_quotes(doc, v4, stage=STAGE_V4)] == ["e1"]
    assert [q.speaker for q in find_quotes(doc, v3, stage=STAGE_V3)] == ["e2"]


def test_v4_reads_past_the_verb_of_a_source_cited_after_the_subject(make_document, lexicons):
    text = "وأوضحت الوزارة وفقاً لما ذكرت صحيفة محلية، أن المنشآت الكبيرة يمكنها التعاقد مع العمال."
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("الوزارة", "المنشآت الكبيرة يمكنها التعاقد مع العمال")]
    assert _quotes(make_document, v3, text, STAGE_V3) != _quotes(make_document, v4, text, STAGE_V4)


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # the subject after the verb, then the object described
    ('وكان الاجتماع صاخبا. ووصف سامي الحربي الاقتراح بأنه "خطوة إلى الوراء".',
     "سامي الحربي", "خطوة إلى الوراء"),
    # a title set off by commas before the name
    ('ووصفت وزيرة الصحة، هند العتيبي، الحملة بأنها "ناجحة جدا".', "هند العتيبي", "ناجحة جدا"),
    # the participle goes on from its sentence's verb
    ('وندد سامي الحربي أمس بالهجوم، واصفا إياه بأنه «عمل جبان».', "سامي الحربي", "عمل جبان"),
    # a subject left unsaid: the object alone stands between, the speaker is the one before
    ('وقال الحربي إن الخطة تأخرت. ووصف هند العتيبي بأنها "أفضل من يديرها".', "الحربي",
     "أفضل من يديرها"),
])
def test_v4_reads_words_in_marks_that_describe_after_a_verb_of_describing(
        make_document, lexicons, text, speaker, content):
    v3, v4 = lexicons
    assert (speaker, content) not in _quotes(make_document, v3, text, STAGE_V3)
    assert (speaker, content) in _quotes(make_document, v4, text, STAGE_V4)


@pytest.mark.parametrize("text", [
    'وحصلت الصورة على وصف بأنها "رياضة" في المسابقة.',  # the noun: nobody describes
    "ووصف سامي الحربي الاقتراح بأنه خطوة إلى الوراء.",  # no marks: no words of his own
])
def test_v4_reads_no_description_without_a_describing_verb_and_marks(make_document, lexicons,
                                                                     text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_reads_a_family_name_the_tagger_left_untagged_as_the_person_named_before(
        make_document, lexicons):
    text = ("وقال سامي الحربي إن الاجتماع كان مثمرا. وأكد الحربي أن الحوار مستمر.")
    doc = make_document(text, {"e1": ("سامي الحربي",)})  # the later `الحربي` is no mention
    v3 = find_quotes(doc, lexicons[0], stage=STAGE_V3)
    v4 = find_quotes(doc, lexicons[1], stage=STAGE_V4)
    assert [q.speaker for q in v4] == ["e1", "e1"]
    assert v3[1].speaker is None
    # an honorific alone is nobody's family name (`سعيد الشيخ` is not every `الشيخ`)
    other = make_document("وقال سعيد الشيخ إن العمل بدأ. وأكد الشيخ أن الصلاة في موعدها.",
                          {"e1": ("سعيد الشيخ",)})
    assert [q.speaker for q in find_quotes(other, lexicons[1], stage=STAGE_V4)] == ["e1", None]


def test_v4_gives_a_title_said_before_the_name_to_the_person_the_roles_stage_gave_it():
    from khabar import load_pipeline, process

    text = ("أعلن رئيس الوزراء البلغاري أن بلاده لن تستدعي سفيرها.\n\n"
            "وقال سامي الفارس، بعد اجتماع الحكومة، إن القرار نهائي.\n\n"
            "وفي سياق آخر، قالت الحكومة إن الاقتصاد ينمو. وشدد رئيس الوزراء البلغاري على أن "
            "القنوات مع موسكو ستبقى مفتوحة.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    [person] = [e for e in doc.entities if e.name == "سامي الفارس"]
    assert [q.speaker == person.id for q in doc.quotes] == [True, True, False, True]


@pytest.mark.parametrize(("text", "speaker"), [
    # a source's name in marks after `لما` and its verb, and marks inside the content
    ("يستعد الرواد لتناول “أول طعام” يزرع في الفضاء، وفقا لما أعلنته وكالة الفضاء “نجمة”.",
     "وكالة الفضاء “نجمة”"),
    # `في` after the verb, and a relative clause after the source
    ("وتراجعت الأسعار بنسبة كبيرة هذا العام، حسب ما جاء في التقرير الذي سلم لسامي الحربي.",
     "التقرير"),
])
def test_v4_reads_a_source_after_lima_and_its_verb_at_the_sentences_end(make_document, lexicons,
                                                                        text, speaker):
    quotes = _quotes(make_document, lexicons[1], text, STAGE_V4)
    assert [s for s, _ in quotes] == [speaker]


def test_v4_reads_no_womans_title_in_the_governorate_before_a_name(make_document, lexicons):
    # the title's head is more than six words before the name; `محافظة` is the nearest word
    text = ("وأوضح مدير عام فرع الهيئة العامة للسياحة والتراث الوطني في محافظة ينبع، سامر "
            "العنيني، أن العمل بدأ في المعرض منذ أشهر. وقال: إن الهيئة تسعى إلى تكريم "
            "المصورين في الملتقى هذا العام.")
    doc = make_document(text, {"e1": ("سامر العنيني",)})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e1", "e1"]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("ورجح سامي الحربي أن تنخفض الأسعار في الربع الأخير من العام.",
     "سامي الحربي", "تنخفض الأسعار في الربع الأخير من العام"),
    ("ولم يستبعد الحربي أن تتأخر الرحلات بسبب الأحوال الجوية.",
     "الحربي", "تتأخر الرحلات بسبب الأحوال الجوية"),
    ("ونبهت هند العتيبي إلى أن التسجيل ينتهي يوم الخميس المقبل.",
     "هند العتيبي", "التسجيل ينتهي يوم الخميس المقبل"),
    ("وأورد التقرير أن حركة الرياح ستكون نشطة على السواحل الغربية.",
     "التقرير", "حركة الرياح ستكون نشطة على السواحل الغربية"),
    ("وافتتح سامي الحربي المعرض، متوقعا أن يزوره ألف زائر في أسبوعه الأول.",
     "سامي الحربي", "يزوره ألف زائر في أسبوعه الأول"),
])
def test_v4_reads_verbs_of_judging_and_warning_that(make_document, lexicons, text, speaker,
                                                     content):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [(speaker, content)]


@pytest.mark.parametrize("text", [
    "ويرجح أن تنخفض الأسعار في الربع الأخير من العام.",  # impersonal: it is likely
    "ويعتقد سامي الحربي أن الأسعار ستنخفض في الربع الأخير.",  # a belief
    "كان هذا أدعى لاتخاذ القرار، فإن أصحاب الأموال ينصرفون عن المشروع.",  # more fitting
])
def test_v4_reads_no_quote_from_an_impersonal_a_belief_or_a_comparative(make_document,
                                                                         lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # the outlet spoken to, in marks after `لـ`, past a quoted name or a name
    ('وأضاف "الحربي" لـ"الصحيفة": لاحظنا ارتفاعا متواصلا في أسعار الذهب.',
     "الحربي", "لاحظنا ارتفاعا متواصلا في أسعار الذهب"),
    ('وقال سامي الحربي لـ"الشرق اليوم": "السبب الرئيسي هو تغيير المدربين".',
     "سامي الحربي", "السبب الرئيسي هو تغيير المدربين"),
    # a site's name with its domain is one word, not a sentence's end
    ('وقال سامي الحربي لـ"النجمة.نت" إن السبب الرئيسي هو تغيير المدربين.',
     "سامي الحربي", "السبب الرئيسي هو تغيير المدربين"),
    # an aside that withholds the speaker's name
    ("وقال أحد السكان طالبا عدم ذكر اسمه «حاولوا اقتحام الفندق لكنهم فشلوا».",
     "أحد السكان", "حاولوا اقتحام الفندق لكنهم فشلوا"),
    # a verb that describes the occasion, and words after a long quote
    ("وقال سامي الحربي في مداخلة نقلت عبر التلفزيون «سنتمسك بمبادئنا في المنطقة مهما "
     "كانت الضغوط» للأزمات في المنطقة.",
     "سامي الحربي", "سنتمسك بمبادئنا في المنطقة مهما كانت الضغوط"),
])
def test_v4_reads_past_outlets_asides_and_occasions(make_document, lexicons, text, speaker,
                                                   content):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [(speaker, content)]


def test_v4_reads_no_speech_in_a_short_term_in_marks_mid_clause(make_document, lexicons):
    text = "ووصف سامي الحربي «الإصلاحات الأخيرة» بأنها خطوة أولى."
    assert all(c != "الإصلاحات الأخيرة" for _, c in _quotes(make_document, lexicons[1], text,
                                                            STAGE_V4))


def test_v4_a_side_phrase_before_a_verb_and_an_unnamed_title_gives_the_speaker():
    from khabar import load_pipeline, process

    text = ("استقبل الأمير سامي الفارس أمير المنطقة اليوم وفد الجمعية الخيرية.\n\n"
            "من جهته عبّر رئيس الجمعية عن شكره لسموه على دعمه المتواصل، مبينا أن الجمعية "
            "تخدم آلاف الأسر في المنطقة.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["رئيس الجمعية"]


def test_v4_reads_no_quote_from_the_writers_conclusion_after_therefore(make_document, lexicons):
    text = ("وبينت الدراسة مدى الانعكاسات على الموارد المائية، وبالتالي فإن الإنتاج في الدول "
            "الفقيرة بالمياه غير مجد.")
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_a_participle_shares_the_body_named_after_its_sentences_opening_verb():
    from khabar import load_pipeline, process

    text = ("وقال سامي الفارس إن الحوار مستمر بين الأطراف.\n\n"
            "ودعت وزارة الخارجية إلى ضبط النفس، مؤكدة أن الحل السياسي هو الطريق الوحيد.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["سامي الفارس", "وزارة الخارجية"]


@pytest.mark.parametrize("text", [
    "وحتى الآن لم تعلن أي جماعة مسؤوليتها عن الهجوم الذي استهدف السوق.",
    "ولم يكشف سامي الحربي الجهة التي دبرت الهجوم على المعسكر.",
])
def test_v4_reads_no_quote_from_a_negated_verb_with_a_noun_phrase(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_a_negated_verb_with_a_clause_still_quotes(make_document, lexicons):
    text = "ولم يستبعد سامي الحربي أن تتأخر الرحلات بسبب الأحوال الجوية."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "تتأخر الرحلات بسبب الأحوال الجوية")]


def test_v4_a_participle_inside_the_marks_starts_a_quote_of_its_own(make_document, lexicons):
    text = ("وقال سامي الحربي إن “الحملة تدرك أهمية حصول الأطفال على حقهم، مؤكداً أنه يتم صرف "
            "العبوات ضمن آلية دقيقة”.")
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "الحملة تدرك أهمية حصول الأطفال على حقهم"),
        ("سامي الحربي", "أنه يتم صرف العبوات ضمن آلية دقيقة")]


@pytest.mark.parametrize("text", [
    "ويمكن القول إن هذا المنهج أوقع الباحث في خطأ التعميم.",
    "وهنا يجدر القول إنه لا توجد جهة واحدة مسؤولة عن الأزمة.",
])
def test_v4_reads_no_quote_from_the_writers_one_may_say(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_a_speakers_verbal_noun_of_saying_still_quotes(make_document, lexicons):
    text = "واختتم سامي الحربي حديثه بالقول إن الموسم المقبل سيكون أفضل للفريق."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "الموسم المقبل سيكون أفضل للفريق")]


def test_v4_a_relative_clauses_resumptive_pronoun_is_no_content(make_document, lexicons):
    text = ("وتراجعت الأسهم في الوقت الذي أعلنت فيه هيئة السوق المالية إعادة السهم إلى التداول، "
            "وفي يوم أكد فيه سامي الحربي أن الخطة جاهزة.")
    quotes = _quotes(make_document, lexicons[1], text, STAGE_V4)
    assert not any(content.startswith("فيه") for _, content in quotes)
    assert ("سامي الحربي", "الخطة جاهزة") in quotes


@pytest.mark.parametrize("text, speaker", [
    ("وأعرب العاهل الأردني عن إدانته للهجوم، مؤكدا وقوف بلاده مع السعودية.", "العاهل الأردني"),
    ("وأكدت الأخصائية الاجتماعية أن الإرهاب يستهدف المجتمع كله.", "الأخصائية الاجتماعية"),
    ("وأعلن المدعي العام توجيه الاتهام إلى الجندي بتصوير المنشآت.", "المدعي العام"),
])
def test_v4_reads_more_titles_as_unnamed_speakers(make_document, lexicons, text, speaker):
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [speaker]


@pytest.mark.parametrize("text", [
    "وبات فوز المرشح مؤكدا، وتبذل الحكومة جهودا كبيرة لحث الناخبين على التصويت.",
    "وكان ذلك أمراً متوقعاً بسبب اعتماد الموازنة على النفط مصدرا رئيسا.",
])
def test_v4_a_participle_predicate_of_a_verb_of_being_quotes_nothing(make_document, lexicons,
                                                                     text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_a_participle_after_a_verb_of_being_with_its_complement_still_quotes(make_document,
                                                                               lexicons):
    text = "وكان سامي الحربي مؤكدا أن الفريق سيعود أقوى في الموسم المقبل."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("سامي الحربي", "الفريق سيعود أقوى في الموسم المقبل")]


def test_v4_a_remembered_title_goes_to_the_person_whose_role_says_it():
    from khabar import load_pipeline, process

    text = ("وقال سامي الفارس وزير الطاقة الإماراتي إن الأسعار ستتغير.\n\n"
            "ودعا وزير الطاقة الإماراتي في مقال نشرته الوكالة إلى مضاعفة الجهود، مؤكدا أن "
            "الحكومة دأبت على تبني سياسات سليمة.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) for q in doc.quotes] == ["سامي الفارس", "سامي الفارس"]


def test_v4_a_day_after_a_title_opening_its_sentence_is_no_word_of_it():
    from khabar import load_pipeline, process

    text = ("وقال رئيس الوزراء سامي الفارس إن المحادثات مفيدة.\n\n"
            "ورحب رئيس الوزراء الخميس بالتقدم الكبير، إذ كتب على موقع تويتر: \"لقد ناقشنا كل "
            "الملفات بصراحة\".")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes][-1] == "رئيس الوزراء"


def test_v4_a_title_with_a_nationality_goes_to_its_holder_named_later():
    from khabar import load_pipeline, process

    text = ("وقال السفير البنغلاديشي إن الاستقدام يسير ببطء.\n\n"
            "وأكد السفير البنغلاديشي لدى المملكة سامي الفارس أن الاتفاقية قائمة.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) for q in doc.quotes] == ["سامي الفارس", "سامي الفارس"]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مصدر محلي لوكالة فرانس برس إن الطريق مغلق منذ الصباح.", "مصدر محلي"),
    ("وقال المسؤول الإيراني أيضا إن الغرفة التجارية معطلة.", "المسؤول الإيراني"),
    ("وقالت الوزارة آنذاك إن التحقيق مستمر.", "الوزارة"),
])
def test_v4_an_unnamed_speaker_ends_before_the_one_told_and_an_adverb(make_document, lexicons,
                                                                      text, speaker):
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [speaker]


def test_v4_a_participle_shares_a_state_or_a_body_after_a_side_phrase():
    from khabar import load_pipeline, process

    text = ("وقال سامي الفارس إن المنظمة تدين الهجوم.\n\n"
            "واستنكرت مملكة البحرين وبشدة تصريحات المسؤول، معتبرة أن هذه التصريحات غير مسؤولة.\n\n"
            "من جهتها، جددت وزارة الخارجية مطالبتها بالتحقيق، مشيرة إلى أن الأدلة كافية.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["سامي الفارس", "البحرين", "وزارة الخارجية"]


@pytest.mark.parametrize("text", [
    "وقررت الوزارة حظر كتب سامي الحربي في المكتبات العامة بعد شكاوى كثيرة.",
    "ورفعت الجماهير لافتة كتب عليها «شكرا أيها القائد» في المدرجات.",
])
def test_v4_books_and_what_was_written_on_a_sign_quote_nothing(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


def test_v4_a_state_is_the_antecedent_of_allati_before_a_cue():
    from khabar import load_pipeline, process

    text = "وتتهم السلطات المعارضين بالارتباط مع إيران التي تنفي أن يكون لها أي دور في الأحداث."
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["إيران"]


def test_v4_a_source_cited_in_marks_after_a_quoted_speaker_is_passed_over(make_document,
                                                                          lexicons):
    text = ("وقالت «النخيل» بحسب موقع «الصباح» إن الطائرة يمكنها توفير الإنترنت للمناطق "
            "النائية.")
    contents = [c for _, c in _quotes(make_document, lexicons[1], text, STAGE_V4)]
    assert contents == ["الطائرة يمكنها توفير الإنترنت للمناطق النائية"]


def test_v4_a_statement_speaks_for_whoever_issued_it():
    from khabar import load_pipeline, process

    text = ("وسيمكث الوفد ليلة واحدة في العاصمة قبل عودته، بحسب بيان صادر عن وزارة الخارجية "
            "الكورية الجنوبية أمس.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["وزارة الخارجية الكورية الجنوبية"]


def test_v4_an_unnamed_speaker_ends_before_the_outlet_told(make_document, lexicons):
    text = ("وقال خبير لبي بي سي إن الأرقام مبالغ فيها. وقالت مصادر مطلعة لسكاي نيوز عربية إن "
            "الاتفاق قريب.")
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [
        "خبير", "مصادر مطلعة"]


def test_v4_an_aside_of_where_is_no_name_apposed_to_the_subject():
    from khabar import load_pipeline, process

    text = ("وأكد الوزير، في المؤتمر الصحفي، أن المساجد آمنة بإذن الله. وقال المتحدث، خالد "
            "العنزي، إن الحركة عادت إلى طبيعتها.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    assert [q.speaker_text for q in doc.quotes] == ["الوزير", "خالد العنزي"]


def test_v4_a_rank_before_a_family_name_that_is_a_nisba_is_the_person():
    from khabar import load_pipeline, process

    text = ("وقال المتحدث الأمني لوزارة الداخلية اللواء منصور التركي إن التنظيم انقسم إلى ثلاث "
            "مجموعات. وأضاف اللواء التركي أن إغلاق المواقع ليس حلاً لمواجهة الإرهاب.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    turki = next(e.id for e in doc.entities if e.name == "منصور التركي")
    assert [q.speaker for q in doc.quotes] == [turki, turki]


def test_v4_a_condition_is_no_report_and_an_adverb_no_subject(make_document, lexicons):
    text = ("وقال سامي الحربي «سألتزم بالعقد، وإذا قال النادي إنني جيد سأتدرب بجد». وهددت "
            "الحكومة بأنها سترد إذا أكدت الأدلة أن الشركة مسؤولة عن التسريب. لكن العتيبي أكد "
            "بالمقابل أن الشركة لن تدفع أي تعويض للعملاء.")
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [
        "سامي الحربي", "العتيبي"]


def test_v4_someone_of_a_persons_speaks_not_the_person():
    from khabar import load_pipeline, process

    text = ("وقالت والدة سامي الحربي إن ابنها تعرض للضرب في الشارع. وقال والده خالد الحربي إن "
            "الشرطة فتحت تحقيقا في الحادث. وقال محامي سامي الحربي، فهد العتيبي، إن موكله سيقاضي "
            "المعتدين. وقال متحدث باسم وزير الداخلية ماجد السالم إن الوزارة تتابع القضية.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) or q.speaker_text for q in doc.quotes] == [
        "والدة سامي الحربي", "خالد الحربي", "فهد العتيبي",
        "متحدث باسم وزير الداخلية ماجد السالم"]


def test_v4_a_relative_before_a_title_and_a_name_and_a_plural_in_construct():
    from khabar import load_pipeline, process

    text = ("وقال محامي الرئيس الأمريكي دونالد ترامب إن موكله لا يعرف الممثلة. وقال مدير مكتب "
            "ولي العهد خالد السبيعي إن الزيارة ناجحة. وأعلن مسؤولو الدفاع بالسعودية اعتراض "
            "الصواريخ السبعة فوق الرياض.")
    doc = process(text, pipeline=load_pipeline(policy="raise"))
    names = {e.id: e.name for e in doc.entities}
    assert [(names.get(q.speaker), q.speaker_text) for q in doc.quotes] == [
        (None, "محامي الرئيس الأمريكي دونالد ترامب"), ("خالد السبيعي", "خالد السبيعي"),
        (None, "مسؤولو الدفاع بالسعودية")]


def test_v4_reads_the_one_appointed_as_no_speaker(make_document, lexicons):
    text = "وأعلنت الحكومة تعيين الدكتور سامي الحربي وزيرا للصحة خلفا للوزير السابق."
    v3, v4 = lexicons
    assert _quotes(make_document, v4, text, STAGE_V4) == [
        ("الحكومة", "تعيين الدكتور سامي الحربي وزيرا للصحة خلفا للوزير السابق")]


@pytest.mark.parametrize("side", ["من جانبه،", "من جهته", "بدوره،"])
def test_v4_reads_bayyana_spelled_like_between_after_a_side(make_document, lexicons, side):
    text = (f"وقالت هند العتيبي إن الخطة جاهزة. {side} بين سامي الحربي أن التنفيذ يبدأ غدا. "
            "وتراوحت الأعمار بين العاشرة والعشرين.")
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("هند العتيبي", "الخطة جاهزة"), ("سامي الحربي", "التنفيذ يبدأ غدا")]


def test_v4_gives_a_plural_participle_the_kin_or_guests_who_open_its_sentence(make_document,
                                                                               lexicons):
    text = ("وأعرب ذوو الشهداء عن شكرهم للقيادة، مشيرين إلى أن ذلك غير مستغرب منها. وأجمع ضيوف "
            "الندوة على نجاح المهرجان، مؤكدين أن هناك مطالب كثيرة.")
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == ["ذوو", "ضيوف"]


def _speakers(make_document, lexicon, text, people):
    doc = make_document(text, people)
    names = {e.id: e.name for e in doc.entities}
    return [(names.get(q.speaker), q.speaker_text)
            for q in find_quotes(doc, lexicon, stage=STAGE_V4)]


def test_v4_reads_no_title_for_a_person_named_inside_what_was_said(make_document, lexicons):
    # مسؤول is the speaker's word, not Soleimani's, and the next sentence's word is not his
    people = {"e1": ("قاسم سليماني", "سليماني")}
    text = ("زار قاسم سليماني موسكو الشهر الماضي. وذكر مسؤول أمريكي كبير أن العقوبات على "
            "سليماني مستمرة. وقال المسؤول «سنواصل العقوبات على الحرس الثوري».")
    assert _speakers(make_document, lexicons[1], text, people) == [
        (None, "مسؤول أمريكي كبير"), (None, "المسؤول")]


def test_v4_gives_a_family_name_left_apart_the_gender_of_the_full_name(make_document, lexicons):
    # بومبيو stands apart from مايك بومبيو (as when the tagger's `بومبيو الديمقراطي` makes the
    # family name ambiguous); a feminine cue is then the agency's, not his
    people = {"e1": ("مايك بومبيو",), "e2": ("بومبيو",), "e3": ("الوكالة",)}
    text = ("رشح الرئيس مايك بومبيو للمنصب. وقالت الوكالة إن القرار نهائي. وكان بومبيو مديرا "
            "للمخابرات، واعترفت بأنه أدار الملف بحزم.")
    assert _speakers(make_document, lexicons[1], text, people)[-1] == ("الوكالة", "الوكالة")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ('وأشار "الحربي" إلى أن البرنامج يستهدف خريجي الكليات التقنية.', "الحربي",
     "البرنامج يستهدف خريجي الكليات التقنية"),
    ('وقالت "العتيبي" في بيان صحفي إن المبنى سيفتتح قبل نهاية العام.', "العتيبي",
     "المبنى سيفتتح قبل نهاية العام"),
])
def test_v4_reads_a_quoted_name_after_the_cue_as_the_speaker(make_document, lexicons, text,
                                                             speaker, content):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [(speaker, content)]


@pytest.mark.parametrize(("text", "quote"), [
    # three words in marks that no entity holds, then more words: what was said
    ('وتابع سامي الحربي حديثه. وقال "لن نكرر الخطأ" في إشارة إلى الموسم الماضي.',
     ("سامي الحربي", "لن نكرر الخطأ")),
    # the one told, in marks after أبلغ, is neither the speaker nor what was said
    ('أبلغ "الوطن" مصدر مسؤول في الوزارة أن عدد التأشيرات بلغ نحو ألف تأشيرة.',
     ("مصدر مسؤول", "عدد التأشيرات بلغ نحو ألف تأشيرة")),
])
def test_v4_keeps_short_words_said_and_the_one_told_out_of_names(make_document, lexicons, text,
                                                                 quote):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [quote]


def test_v4_starts_a_reported_noun_phrase_after_a_quoted_subject(make_document, lexicons):
    text = 'وأكد "الحربي" صعوبة المباراة التي فاز بها الفريق أمس.'
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("الحربي", "صعوبة المباراة التي فاز بها الفريق أمس")]


@pytest.mark.parametrize(("text", "quote"), [
    # `فقد` opens what the source said, as `فإن` does
    ("ووفقا للتلفزيون الرسمي فقد تم توقيف المتهم في إحدى المزارع.",
     ("التلفزيون الرسمي", "فقد تم توقيف المتهم في إحدى المزارع")),
    # a source of more than eight words that names a person the article tags
    ("وحسب الناطق الإعلامي لشرطة المنطقة الشرقية العقيد الدكتور سامي الحربي، فقد تلقت الشرطة "
     "بلاغا عن الحادث.", ("سامي الحربي", "فقد تلقت الشرطة بلاغا عن الحادث")),
    # طبقا is بحسب
    ("وطبقا للمتحدث باسم الشرطة فإن المتهم اعترف بالجريمة.",
     ("المتحدث باسم الشرطة", "المتهم اعترف بالجريمة")),
    # marks after حسب hold the source's name, after a semicolon too
    ("وانخفضت أسعار الغرف إلى ثمانين دولارا؛ بحسب صحيفة «الوطن».",
     ("صحيفة «الوطن»", "وانخفضت أسعار الغرف إلى ثمانين دولارا")),
    ('وتراجعت أسعار الذهب في ضوء توقعات رفع الفائدة، وفقاً لـ"رويترز".',
     ("رويترز", "وتراجعت أسعار الذهب في ضوء توقعات رفع الفائدة")),
    # a dateline before the clause an attribution after it cites is no part of it
    ("الرياض- وكالات: أغلقت السلطات الطريق الساحلي أمس؛ حسب شهود عيان.",
     ("شهود عيان", "أغلقت السلطات الطريق الساحلي أمس")),
])
def test_v4_reads_more_attributions(make_document, lexicons, text, quote):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [quote]


def test_v4_reads_inna_inside_marks_after_an_attribution_as_part_of_a_name(make_document, lexicons):
    text = 'وبحسب "سي إن إن"، يرفض أغلب الناخبين سياسات الحكومة التجارية.'
    doc = make_document(text, {"o1": ("سي إن إن",)}, types={"o1": "ORG"})
    assert [doc.text[q.content.start:q.content.end] for q in find_quotes(
        doc, lexicons[1], stage=STAGE_V4)] == ["يرفض أغلب الناخبين سياسات الحكومة التجارية"]


@pytest.mark.parametrize("text", [
    # a long source that names nobody: in line with a success, not according to someone
    "ووفقا للنجاح الذي حققته تجربة التعليم عن بعد خلال العام الماضي، فسوف تستمر الوزارة فيها.",
    # the writer's own reading of the figures
    "ووفقا للبيانات السابقة يفترض أن أكثر الاقتصادات تأثرا هي الكويت، إلا أن موازنتها آمنة.",
    # a name in marks after وفقا لـ is no quote of the verb after it
    'وتضاعف عدد النازحين منذ مارس، وفقاً لـ "الوكالة"، ويتوقع خروج المزيد.',
])
def test_v4_reads_no_attribution_where_nobody_is_cited(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == []


@pytest.mark.parametrize("text", [
    "وقال متحدث باسم الشرطة، وفقاً لما نقلته «الوطن» أن الأسرة كانت متوجهة إلى لندن.",
    'وقال سامي الحربي، بحسب "الوطن" إن الأسرة كانت متوجهة إلى لندن.',
])
def test_v4_reads_past_a_source_cited_by_its_name_in_marks(make_document, lexicons, text):
    assert [c for _, c in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [
        "الأسرة كانت متوجهة إلى لندن"]


def test_v4_goes_on_from_a_subject_headed_by_a_sound_plural_with_a_plural_cue(make_document,
                                                                               lexicons):
    text = ("وقال باحثون في جامعة الملك سعود إن المياه الجوفية تتناقص. وأضافوا أن الاستهلاك "
            "الزراعي يستنزف أكثر من نصفها.")
    assert [s for s, _ in _quotes(make_document, lexicons[1], text, STAGE_V4)] == [
        "باحثون", "باحثون"]


def test_v4_gives_a_verb_joined_to_its_sentences_opening_the_body_named_there(make_document,
                                                                              lexicons):
    people = {"e1": ("سامي الحربي",), "o1": ("وزارة الخارجية",)}
    text = ("وقال سامي الحربي إن الزيارة ناجحة. ورفضت وزارة الخارجية الاتهامات وقالت إن لا "
            "أساس لها.")
    doc = make_document(text, people, types={"o1": "ORG"})
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == [
        "سامي الحربي", "وزارة الخارجية"]


def test_v4_gives_a_cue_that_opens_its_sentence_the_body_that_opened_the_one_before(
        make_document, lexicons):
    # the body commented, quoting nothing; the next sentence's dropped subject is that body
    people = {"o1": ("هيئة الإذاعة",)}
    text = ("وعلقت هيئة الإذاعة على تغطية الافتتاح. وقالت في تقرير لها إن التغطية كانت "
            "احتفالية.")
    doc = make_document(text, people, types={"o1": "ORG"})
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == [
        "هيئة الإذاعة"]


def test_v4_gives_a_joined_verb_a_body_the_tagger_left_unnamed(make_document, lexicons):
    text = "فرضت الحكومة الأمريكية أمس عقوبات على ثلاثة تجار وقالت إنهم يمولون الجماعة."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("الحكومة الأمريكية", "إنهم يمولون الجماعة")]


@pytest.mark.parametrize(("text", "body", "content"), [
    ('وقال التقرير الشهري لمنظمة الدول المصدرة للبترول "أوبك"، أمس، إن سعر السلة انخفض.',
     "منظمة الدول المصدرة للبترول", "سعر السلة انخفض"),
    ('وذكرت شركة الأدوية الأمريكية "نور فارما" أمس الأربعاء أن المرضى تحسنوا.',
     "شركة الأدوية الأمريكية", "المرضى تحسنوا"),
    ('وأشار سامي الحربي، كبير الاقتصاديين في مصرف الراجحي "الأهلي"، إلى أن الطلب تراجع.',
     "مصرف الراجحي", "الطلب تراجع"),
])
def test_v4_reads_a_name_in_marks_after_a_body_in_the_subject_as_no_quote(
        make_document, lexicons, text, body, content):
    # a body's mention right before the marks, as a person's: `قال كارتر "..."` quotes
    doc = make_document(text, {**PEOPLE, "o1": (body,)}, types={"o1": "ORG"})
    assert [doc.text[q.content.start:q.content.end]
            for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == [content]


@pytest.mark.parametrize("text", [
    # the participle after the marks reports its own words; the marks are the verb's
    'وقال سامي الحربي "سنواصل العمل" مؤكدا أن الحل قريب.',
    # a clause of its own after the marks
    'وقال لها الجملة الشهيرة "اقعدي يا هند"، وكررها مرات، على اعتبار أنها ترفض الجلوس.',
])
def test_v4_keeps_words_in_marks_said_before_another_clause(make_document, lexicons, text):
    assert _quotes(make_document, lexicons[1], text, STAGE_V4)[0][1] in (
        "سنواصل العمل", "اقعدي يا هند")


@pytest.mark.parametrize("told", ["للصحافيين", "للوكالة", "للموقع"])
def test_v4_ends_an_unnamed_speaker_before_the_one_told(make_document, lexicons, told):
    text = f"وقال المحافظ {told} إن السفينة الأولى وصلت إلى الميناء أمس."
    assert _quotes(make_document, lexicons[1], text, STAGE_V4) == [
        ("المحافظ", "السفينة الأولى وصلت إلى الميناء أمس")]


@pytest.mark.parametrize(("affiliation", "bare"), [
    ("جمهورية ألبانيا", "السفير الألباني"),  # the country with its state's noun
    ("وزارة الخارجية الإيرانية", "المتحدث الإيراني"),  # a body its nationality names
])
def test_v4_gives_a_bare_title_with_a_nationality_to_the_one_holding_it_for_that_country(
        make_document, lexicons, affiliation, bare):
    head = bare.split()[0]
    text = (f"وقال سامي الحربي {head[2:]} {affiliation} إن التعاون يتوسع. وتابع {bare} "
            "«الزيارة القادمة ستكون في الربيع».")
    doc = make_document(text, {"e1": ("سامي الحربي",)})
    doc = _with_role(doc, head[2:], affiliation, text.index(head[2:]), len(head) - 2)
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e1", "e1"]


def test_v4_reads_a_bodys_noun_in_a_bare_title_as_the_body_the_role_is_held_in(make_document,
                                                                                lexicons):
    text = ("وقال سامي الحربي، الذي يشغل منذ عامين منصب الرئيس التنفيذي لنور، إن الأرباح ارتفعت. "
            "وقالت هند العتيبي إن السوق مستقرة. وشدد الرئيس التنفيذي للشركة على أن الخطة مستمرة، "
            "قائلا: «سنفتتح فرعين جديدين».")
    doc = _with_role(make_document(text, PEOPLE), "الرئيس التنفيذي", "نور",
                     text.index("الرئيس"), 15)
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)][-1] == "e1"


def test_v4_takes_a_persons_gender_from_the_verb_that_names_them_over_a_title(make_document,
                                                                               lexicons):
    # `عضو` is masculine but said of women too; `وقالت هند` says she is a woman
    people = {"e1": ("هيفي مصطفى",), "e2": ("سامي العتيبي",)}
    text = ("وقال سامي العتيبي إن القافلة وصلت. وقالت هيفي مصطفى عضو اللجنة إن أكثر من مئتي "
            "ألف شخص فروا. وأضافت عبر الهاتف: «أصحاب السيارات ينامون فيها».")
    doc = make_document(text, people)
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e2", "e1", "e1"]


@pytest.mark.parametrize(("text", "speakers"), [
    # `إبان` (during), as written, is no `أبان` (stated)
    ("وغاب اللاعب عن الفريق إبان تولي سامي الحربي التدريب بحجة أن اللاعب غير منضبط أبدا.", []),
    # a time named with `هذا` after the verb is when, not who: the subject is before the verb
    ("وكان مسؤولون في الوزارة ذكروا هذا الأسبوع أن المفاوضات ستبدأ قريبا في العاصمة.",
     ["مسؤولون"]),
    # `إمام` as written is an imam, not `أمام` (before) that says the subject was dropped
    ("وقال إمام المسجد إن صلاة العيد ستقام في المصلى المفتوح عند السابعة صباحا.",
     ["إمام المسجد"]),
    # the second `بين` of a pair is between, not `وبيّن`
    ("وعقد مؤتمر بين سامي الحربي، وزير الخارجية، وبين هند العتيبي، وكيف أن التعاون مستمر بين "
     "البلدين منذ زمن بعيد.", []),
])
def test_v4_seventeenth_round_speakers(make_document, lexicons, text, speakers):
    doc = make_document(text, PEOPLE)
    assert [q.speaker_text for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == speakers


def test_v4_gives_a_bare_imam_and_preacher_to_the_one_whose_role_holds_the_preaching(
        make_document, lexicons):
    text = ("أوصى إمام وخطيب المسجد الحرام الشيخ سامي الحربي المصلين بالتقوى. وقالت هند العتيبي "
            "إن الحجاج وصلوا. وأوضح إمام وخطيب المسجد الحرام أن التسامح قيمة تتسع للجميع دائما.")
    doc = _with_role(make_document(text, PEOPLE), "خطيب", "المسجد الحرام", text.index("خطيب"),
                     18)
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)][-1] == "e1"


@pytest.mark.parametrize("officials", [
    "مسؤولون بإدارة الرئيس", "مسؤول في حملة", "اثنان من مسؤولي حكومة"])
def test_v4_officials_of_a_persons_administration_are_no_speech_of_theirs(make_document, lexicons,
                                                                          officials):
    text = f"وأفاد {officials} سامي الحربي أنه لن تكون ثمة شروط إضافية على الاتفاق."
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [(None, f"{officials} سامي الحربي")]


@pytest.mark.parametrize("body", ["حملة", "إدارة", "حكومة"])
def test_v4_a_persons_campaign_or_administration_speaks_not_the_person(make_document, lexicons,
                                                                       body):
    text = f"وقالت {body} سامي الحربي إن الخطة ستخفض الضرائب على الطبقة الوسطى قريبا."
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [(None, f"{body} سامي الحربي")]


def test_v4_a_clause_asked_about_before_the_verb_is_no_subject(make_document, lexicons):
    text = ("وأكد سامي الحربي أن المساعدات وصلت إلى الميناء أمس. وعن موعد عودة الحكومة والبعثات "
            "الدبلوماسية إلى العاصمة قال: «نعمل لاستكمال الترتيبات الأمنية قريبا».")
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [q.speaker for q in quotes] == ["e1", "e1"]


def test_v4_an_official_whose_post_is_in_a_government_is_named_and_speaks(make_document, lexicons):
    text = ("وقال مسؤول دائرة العلاقات الخارجية في حكومة الإقليم سامي الحربي إن الإقليم يعاني من "
            "تداعيات الغارات.")
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [q.speaker for q in quotes] == ["e1"]


def test_v4_a_body_named_by_its_head_alone_is_the_one_the_article_named(make_document, lexicons):
    text = ("أعلنت وزارة الصحة تسجيل عشر إصابات جديدة. وقالت الوزارة في بيان إن الوضع مطمئن "
            "في المدن الكبرى.")
    doc = make_document(text, {"e1": ("وزارة الصحة",)}, types={"e1": "ORG"})
    quotes = find_quotes(doc, lexicons[1], stage=STAGE_V4)
    assert [(q.speaker, q.speaker_text) for q in quotes][-1] == ("e1", "الوزارة")
    # two ministries named: which one speaks is not said
    text = ("أعلنت وزارة الصحة ووزارة التعليم تعليق الدراسة. وقالت الوزارة في بيان إن الوضع "
            "مطمئن في المدن الكبرى.")
    doc = make_document(text, {"e1": ("وزارة الصحة",), "e2": ("وزارة التعليم",)},
                        types={"e1": "ORG", "e2": "ORG"})
    assert find_quotes(doc, lexicons[1], stage=STAGE_V4)[-1].speaker is None


@pytest.mark.parametrize(("style", "title"), [
    ("فضيلة", "إمام وخطيب المسجد النبوي"), ("معالي", "وزير الصحة")])
def test_v4_a_style_of_address_before_a_title_is_no_word_of_the_speaker(make_document, lexicons,
                                                                      style, title):
    text = f"وبين {style} {title} أن الخير باق في الأمة إلى يوم القيامة."
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [q.speaker_text for q in quotes] == [title]


def test_v4_the_issuer_of_a_statement_is_read_without_kana_and_qad(make_document, lexicons):
    text = ("وكانت قيادة القوات المشتركة قد أصدرت بيانا أوضحت فيه أن طائرة أجرت طلعة فوق "
            "الحدود صباح أمس.")
    doc = make_document(text, {"e1": ("القوات المشتركة",)}, types={"e1": "ORG"})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e1"]


def test_v4_a_body_chaired_by_a_person_speaks_not_the_person(make_document, lexicons):
    text = "وأعلنت إدارة نادي الشروق برئاسة سامي الحربي التعاقد مع لاعب جديد لمدة موسمين."
    doc = make_document(text, {"e1": ("سامي الحربي",), "e2": ("نادي الشروق",)},
                        types={"e2": "ORG"})
    assert [q.speaker for q in find_quotes(doc, lexicons[1], stage=STAGE_V4)] == ["e2"]


def test_v4_openly_after_the_subject_is_no_word_of_it(make_document, lexicons):
    text = "وعلاوة على ذلك، اعتبر الرئيس علانية أن نجاح المفاوضات مع الجيران مؤكد."
    quotes = find_quotes(make_document(text, PEOPLE), lexicons[1], stage=STAGE_V4)
    assert [q.speaker_text for q in quotes] == ["الرئيس"]

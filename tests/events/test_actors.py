"""Actor codes from the project lexicons and from entities with roles."""

import pytest

from khabar.arabic import tokenize
from khabar.document import Document, Entity, Mention, Offsets, Role
from khabar.events.actors import ActorRecognizer
from khabar.events.lexicon import word_readings


@pytest.fixture(scope="module")
def recognizer():
    return ActorRecognizer()


def _codes(recognizer, text, entities=()):
    doc = Document(id="t", text=text, entities=tuple(entities))
    tokens = tokenize(text)
    token_readings = [word_readings(t.text) if t.kind == "word" else () for t in tokens]
    found = recognizer.find(doc, tokens, token_readings, doc.entities)
    return [(a.code, text[a.start:a.end]) for a in found]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("وزير الدفاع الأمريكي", "USAMIL"),
        ("أنقرة", "TUR"),
        ("البنتاغون", "USAMIL"),
        ("الأمم المتحدة", "IGOUNO"),
        ("تنظيم داعش", "IMGMUSISI"),
        ("الجيش التركي", "TURMIL"),
        ("الحكومة التركية", "TURGOV"),
        ("الأتراك", "TUR"),
        ("الشرطة العراقية", "IRQCOP"),
        ("المتظاهرون", "CVL"),
        ("مسلحون", "UAF"),
        ("حلف الناتو", "IGOWSTNAT"),
        ("وزير خارجية فرنسا", "FRAGOV"),
        ("زعيم تنظيم داعش", "IMGMUSISI"),
        ("مقاتلين من حزب الله", "REB"),
        ("المتحدث باسم الأمم المتحدة", "IGOUNO"),
        ("خطف مسلحون مصورا فرنسيا", "UAF"),
        ("قتل 150 مدنيا أفغانيا", "AFGCVL"),
        ("الكوريين الجنوبيين", "KOR"),
    ],
)
def test_lexicon_actors_get_cameo_style_codes(recognizer, text, code):
    assert _codes(recognizer, text)[0][0] == code


@pytest.mark.parametrize(("text", "codes"), [
    ("خطف مسلحون مصورا فرنسيا", ["UAF", "FRAMED"]),  # an agent noun joins the nisba after it
    ("قتل 15 جنديا تركيا", ["TURMIL"]),
    ("أصيب مواطنون كوريون جنوبيون", ["KORCVL"]),
])
def test_agent_and_nationality_make_one_actor(recognizer, text, codes):
    assert [c for c, _ in _codes(recognizer, text)] == codes


def test_a_quantifier_between_an_agent_and_a_nationality_keeps_them_apart(recognizer):
    # the ministers appeal to all Libyans: the Libyans are no part of the ministers
    assert "الوزراء جميع الليبيين" not in [t for _, t in _codes(recognizer, "ناشد الوزراء جميع الليبيين")]
    assert [t for _, t in _codes(recognizer, "ناشد الوزراء الليبيين")] == ["الوزراء الليبيين"]


@pytest.mark.parametrize("text", ["في المؤتمر الصحفي", "المجتمع المدني", "التعاون العسكري",
                                  "المكتب الإعلامي"])
def test_adjectives_that_look_like_agent_nouns_name_no_actor(recognizer, text):
    assert _codes(recognizer, text) == []


def test_counterpart_takes_the_sector_named_before_it(recognizer):
    codes = _codes(recognizer, "قال وزير الدفاع الأمريكي إن نظيره التركي اتصل به")
    assert [c for c, _ in codes] == ["USAMIL", "TURMIL"]


def test_al_qaeda_needs_its_article_so_a_military_base_is_not_an_actor(recognizer):
    assert _codes(recognizer, "في قاعدة أندروز الجوية") == []
    assert _codes(recognizer, "هاجم تنظيم القاعدة")[0][0] == "IMGMUSALQ"


def test_apposition_of_title_and_person_entity_is_one_actor(recognizer):
    text = "قال وزير الدفاع الأمريكي، آشتون كارتر، إن"
    start = text.index("آشتون")
    person = Entity("e1", "PER", "آشتون كارتر", (Mention(start, start + len("آشتون كارتر")),))
    codes = _codes(recognizer, text, [person])
    assert codes == [("USAMIL", "وزير الدفاع الأمريكي، آشتون كارتر")]


@pytest.mark.parametrize(
    ("title", "affiliation", "code"),
    [
        ("وزير الخارجية", "الولايات المتحدة", "USAGOV"),
        ("وزير الدفاع", "تركيا", "TURMIL"),
        ("رئيس المكتب السياسي", "حركة حماس", "PSEREB"),
        ("منسقة العمليات الإنسانية", "الأمم المتحدة", "IGOUNO"),
    ],
)
def test_roles_resolve_to_codes(recognizer, title, affiliation, code):
    role = Role(title, affiliation, Offsets(0, 0))
    assert recognizer.entity_code(Entity("e", "PER", "فلان", (), (role,))) == code


def test_person_entity_role_gives_the_code(recognizer):
    text = "اتصل كيري بنظيره"
    role = Role("وزير الخارجية", "الولايات المتحدة", Offsets(0, 0))
    person = Entity("e1", "PER", "كيري", (Mention(5, 9),), (role,))
    assert _codes(recognizer, text, [person])[0] == ("USAGOV", "كيري")


def test_the_custodian_of_the_two_holy_mosques_is_a_saudi_official(recognizer):
    king = Entity(id="e1", type="PER", name="سلمان بن عبدالعزيز", mentions=(),
                  roles=(Role("خادم الحرمين الشريفين", None, Offsets(0, 21)),))
    assert recognizer.entity_code(king) == "SAUGOV"

"""events.cameo.v4: a protest verb's subject right after it is who protests (protest_crowd).

The sentences are written for these tests (fictional news)."""

import pytest

from khabar.document import Actor, Document, Event, Offsets, Sentence
from khabar.events.actors import ActorRecognizer
from khabar.events.main import protest_crowd


@pytest.fixture(scope="module")
def code_of():
    recognizer = ActorRecognizer()
    return lambda entity, name: recognizer.code_of_text(name) or ""


def _event(text, word, cameo="141", source=None):
    start = text.index(word)
    return Event(cameo=cameo, plover="PROTEST", source=source, target=None,
                 trigger=Offsets(start, start + len(word)), sentence=Offsets(0, len(text)))


def _doc(text):
    return Document(id="d", text=text, sentences=(Sentence(0, len(text)),))


@pytest.mark.parametrize(("text", "verb", "crowd", "code"), [
    ("تظاهر آلاف البرتغاليين مساء أمس في لشبونة.", "تظاهر", "آلاف البرتغاليين", "PRT"),
    ("وتجمع نحو 300 متظاهر أمام مبنى البلدية.", "وتجمع", "نحو 300 متظاهر", "CVL"),
    ("اعتصم أمس عشرات الطلاب أمام الجامعة.", "اعتصم", "عشرات الطلاب", "EDU"),
    ("وعلى مرأى من الشرطة، احتشد مئات العمال قرب المصنع.", "احتشد", "مئات العمال", "LAB"),
])
def test_the_crowd_after_a_protest_verb_protests(code_of, text, verb, crowd, code):
    police = Actor("COP", "الشرطة", None, None) if "الشرطة" in text else None
    event = protest_crowd(_doc(text), _event(text, verb, source=police), True, code_of)
    assert event.source is not None
    assert (event.source.name, event.source.code) == (crowd, code)


@pytest.mark.parametrize(("text", "verb", "is_verb", "cameo"), [
    ("وتجمع القمة الرئيس بنظيره في العاصمة.", "وتجمع", True, "141"),   # no crowd: brings together
    ("تجمعت مئات السيارات عند المعبر.", "تجمعت", True, "141"),          # cars are no crowd
    ("تظاهرة آلاف الطلاب أمس.", "تظاهرة", False, "141"),                 # a noun: the coder's reading
    ("هاجم آلاف المسلحين البلدة.", "هاجم", True, "190"),                 # not a protest
])
def test_no_crowd_no_change(code_of, text, verb, is_verb, cameo):
    event = _event(text, verb, cameo)
    assert protest_crowd(_doc(text), event, is_verb, code_of) is event


@pytest.mark.parametrize(("text", "word", "source", "kept"), [
    ("وأكد الوزير أن مسيرة التنمية في البلاد مستمرة.", "مسيرة", None, False),   # a course
    ("وقال اللاعب إن مسيرته مع النادي انتهت.", "مسيرته", None, False),          # a career
    ("وشارك الطلاب في مسيرة حاشدة وسط العاصمة.", "مسيرة", None, True),
    ("احتج المحامي بأن القانون لا يسمح بذلك.", "احتج", None, False),            # argued
    ("احتج السكان على قرار البلدية.", "احتج", None, True),
    ("احتج السكان على انقطاع التيار الكهربائي.", "احتج", "التيار", False),      # a current
])
def test_protest_words_that_name_no_protest(text, word, source, kept):
    from khabar.events.main import main_reading
    actor = None
    if source:
        start = text.index(source)
        actor = Actor("PTY", source, None, Offsets(start, start + len(source)))
    event = _event(text, word, "141", actor)
    assert main_reading(_doc(text), event, word == "احتج") is kept


@pytest.mark.parametrize(("text", "verb", "counted"), [
    ("تظاهر آلاف البرتغاليين مساء أمس في لشبونة.", "تظاهر", True),
    ("وتجمع نحو 300 متظاهر أمام مبنى البلدية.", "وتجمع", True),
    ("اعتصم الطلاب أمام الجامعة.", "اعتصم", False),                  # not counted
    ("وهتف آلاف المتظاهرين ضد الحكومة.", "وهتف", False),             # chanting: told before
])
def test_a_counted_crowd_gathering_is_sure(code_of, text, verb, counted):
    from khabar.events.main import counted_crowd
    doc = _doc(text)
    event = _event(text, verb)
    crowd = protest_crowd(doc, event, True, code_of).source
    assert counted_crowd(doc, event, crowd) is counted

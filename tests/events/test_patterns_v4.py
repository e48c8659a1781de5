"""patterns-v4.tsv: phrasings that patterns.tsv joined into one pattern that never matched.

The sentences are written for these tests (fictional news)."""

import pytest

from khabar.document import Document, Sentence
from khabar.events import EventCoder
from khabar.events.main import PATTERN_FILES


def _codes(coder, text):
    doc = Document(id="d", text=text, sentences=(Sentence(0, len(text)),))
    return {(e.cameo, text[e.trigger.start:e.trigger.end]) for e in coder(doc)}


@pytest.fixture(scope="module")
def coders():
    return EventCoder(), EventCoder(pattern_files=PATTERN_FILES)


@pytest.mark.parametrize(("text", "trigger"), [
    ("خرج المحتجون في جمعة الغضب إلى ساحة المدينة.", "جمعة الغضب"),
    ("شارك آلاف الطلاب في يوم الغضب أمام الجامعة.", "يوم الغضب"),
])
def test_v4_reads_a_day_of_anger_as_protest(coders, text, trigger):
    v3, v4 = coders
    assert ("140", trigger) in _codes(v4, text)
    assert ("140", trigger) not in _codes(v3, text)  # v1 to v3 keep their output


@pytest.mark.parametrize(("text", "trigger"), [
    ("سيّرت السعودية قافلة إغاثية إلى اليمن.", "سيّرت السعودية قافلة إغاثية"),
    ("وزعت الإمارات ألف سلة غذائية في عدن.", "وزعت الإمارات ألف سلة"),
    ("قدمت الكويت مساعدات إنسانية لليمن.", "قدمت الكويت مساعدات إنسانية"),
])
def test_v4_reads_humanitarian_aid_sent_or_handed_out(coders, text, trigger):
    v3, v4 = coders
    assert ("073", trigger) in _codes(v4, text)
    assert all(code != "073" for code, _ in _codes(v3, text))

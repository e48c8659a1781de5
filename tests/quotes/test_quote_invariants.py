"""Offsets invariants and crash-freedom on random mixes of quote-like fragments."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.quotes import find_quotes
from khabar.quotes.content import opens_a_name

FRAGMENTS = [
    "قال سامي الحربي إن ", "وأضاف: ", "، مضيفًا ", "وقالت هند العتيبي ", "من جانبه، ",
    '"', "«", "»", "“", "”", "الطريق جاهز", " المشروع سيكتمل العام المقبل", ".", "\n",
    "، لكن مسؤولين قالوا إنها ", "ونفى وجود أي تأخير", " بعد أن ", "وبحسب الحربي فإن ",
    "ويذكر أن ", "حسبما أكد مصدر ", "ً", "ـ", " ", "2.4 مليون", "؟",
]
PEOPLE = {"e1": ("سامي الحربي", "الحربي"), "e2": ("هند العتيبي",)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_quotes_keep_offsets_inside_the_text_for_any_mix(make_document, lexicon, parts):
    doc = make_document("".join(parts), PEOPLE)
    quotes = find_quotes(doc, lexicon)
    for quote in quotes:
        for span in (quote.content, quote.cue, quote.speaker_span):
            if span is not None:
                assert 0 <= span.start < span.end <= len(doc.text)
        content = doc.span_text(quote.content)
        assert content == content.strip()
        # marks stay only around a name that opens the words (`«أوبك» لا تعتزم`)
        assert content[0] not in "\"«“" or opens_a_name(doc.text, quote.content.start,
                                                        quote.content.end)
        assert content[-1] not in "\"»”"
        assert quote.speaker in (None, "e1", "e2")
    assert list(quotes) == sorted(quotes, key=lambda q: q.cue.start)


def test_quotes_survive_the_json_round_trip(make_document, lexicon):
    doc = make_document('قال سامي الحربي إن "الطريق جاهز"، مضيفًا أن العمل مستمر.', PEOPLE)
    doc = dataclasses.replace(doc, quotes=find_quotes(doc, lexicon))
    assert len(doc.quotes) == 2
    assert Document.from_json(doc.to_json()) == doc

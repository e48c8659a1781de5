"""Highlights are cut from the text at span boundaries; every piece is plain text."""

from __future__ import annotations

import pytest

from khabar.web.highlight import Mark, document_marks, highlight

TEXT = "قال الوزير سامر الخطيب إن «الاتفاق خطوة أولى» للمنطقة."


def pieces(blocks):
    return [(p.text, sorted(m.kind for m in p.marks)) for b in blocks for p in b.pieces]


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(("marks", "expected"), [
    ([], [(TEXT, [])]),
    ([Mark(*at("سامر الخطيب"), "entity", "PER")],
     [("قال الوزير ", []), ("سامر الخطيب", ["entity"]), (TEXT[at("سامر الخطيب")[1]:], [])]),
    # nested: an entity inside a quote
    ([Mark(*at("الاتفاق خطوة أولى"), "quote", "الخطيب"), Mark(*at("الاتفاق"), "entity", "MISC")],
     [(TEXT[:at("الاتفاق")[0]], []), ("الاتفاق", ["entity", "quote"]), (" خطوة أولى", ["quote"]),
      (TEXT[at("الاتفاق خطوة أولى")[1]:], [])]),
    # overlapping: a trigger that crosses the end of an entity
    ([Mark(*at("الوزير سامر"), "entity", "PER"), Mark(*at("سامر الخطيب"), "trigger", "010")],
     [("قال ", []), ("الوزير ", ["entity"]), ("سامر", ["entity", "trigger"]), (" الخطيب", ["trigger"]),
      (TEXT[at("سامر الخطيب")[1]:], [])]),
])
def test_highlight_cuts_at_every_boundary(marks, expected):
    assert pieces(highlight(TEXT, marks)) == expected


@pytest.mark.parametrize("mark", [Mark(-1, 3, "entity"), Mark(5, 5, "entity"), Mark(3, 999, "entity"),
                                  Mark(8, 4, "entity")])
def test_highlight_drops_marks_outside_the_text(mark):
    assert pieces(highlight(TEXT, [mark])) == [(TEXT, [])]


def test_pieces_put_the_text_back_together():
    marks = [Mark(0, 10, "quote", "x"), Mark(4, 22, "entity", "PER"), Mark(6, 8, "trigger")]
    assert "".join(p.text for b in highlight(TEXT, marks) for p in b.pieces) == TEXT


def test_quote_badge_goes_on_its_first_piece_only():
    marks = [Mark(*at("الاتفاق خطوة أولى"), "quote", "سامر الخطيب", 7), Mark(*at("خطوة"), "entity", "MISC")]
    badges = [(p.text, p.badge, p.badge_ref) for b in highlight(TEXT, marks) for p in b.pieces if p.badge]
    assert badges == [("الاتفاق ", "سامر الخطيب", 7)]


def test_paragraphs_become_blocks_and_clip_marks():
    text = "الفقرة الأولى\n\nالفقرة الثانية"
    blocks = highlight(text, [Mark(7, 22, "quote", "")], [(0, 13, "paragraph"), (15, 29, "heading")])
    assert [b.kind for b in blocks] == ["paragraph", "heading"]
    assert pieces(blocks) == [("الفقرة ", []), ("الأولى", ["quote"]), ("الفقرة ", ["quote"]), ("الثانية", [])]


def test_without_paragraphs_blank_lines_separate_blocks():
    blocks = highlight("سطر أول\n\nسطر ثان\n", [])
    assert [[p.text for p in b.pieces] for b in blocks] == [["سطر أول"], ["سطر ثان"]]


def test_document_marks_follow_entities_quotes_and_triggers():
    doc = {"entities": [{"id": "e1", "type": "PER", "name": "سامر الخطيب",
                         "mentions": [{"start": 11, "end": 22}]}],
           "quotes": [{"speaker": "e1", "speaker_text": "الخطيب", "content": {"start": 27, "end": 44}}],
           "events": [{"cameo": "010", "plover": None, "trigger": {"start": 0, "end": 3}}]}
    marks = document_marks(doc, {"e1": 5})
    assert [(m.kind, m.label, m.ref) for m in marks] == [("entity", "PER", 5), ("quote", "سامر الخطيب", 5),
                                                          ("trigger", "010", None)]


def test_quote_badge_goes_before_the_opening_quote_mark():
    text = "قال الخطيب: «الاتفاق خطوة أولى» ثم غادر."
    start = text.index("الاتفاق")
    doc = {"text": text, "entities": [], "events": [],
           "quotes": [{"speaker": None, "speaker_text": "الخطيب",
                       "content": {"start": start, "end": text.index("»")}}]}
    marks = document_marks(doc)
    pieces_ = [(p.text, p.badge) for b in highlight(text, marks) for p in b.pieces]
    assert pieces_ == [("قال الخطيب: ", None), ("«", "الخطيب"), ("الاتفاق خطوة أولى", None), ("» ثم غادر.", None)]

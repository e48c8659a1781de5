import dataclasses

import pytest

from khabar.quotes import find_quotes, format_quotes_table


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ('قال وزير النقل، سامي الحربي، إن "المشروع سيكتمل".', ["سامي الحربي", "وزير النقل", "قال",
                                                           "المشروع سيكتمل"]),
        ("قال مسؤولون إن الطرق ستغلق غدًا.", ["مسؤولون", "~ الطرق ستغلق غدًا"]),
    ],
)
def test_table_shows_speaker_role_cue_and_quote(make_document, lexicon, text, cells):
    doc = make_document(text, {"e1": ("سامي الحربي",)})
    doc = dataclasses.replace(doc, quotes=find_quotes(doc, lexicon))
    table = format_quotes_table(doc)
    header, rule, row = table.splitlines()
    assert header.split(" │ ")[0].strip() == "speaker"
    assert set(rule) <= {"─", "┼"}
    for cell in cells:
        assert cell in row


def test_table_says_when_there_are_no_quotes(make_document):
    assert format_quotes_table(make_document("لا تصريحات.", {})).endswith("(no quotes)")


def test_table_cuts_long_quotes_to_the_column_width(make_document, lexicon):
    long_quote = " ".join(["كلمة"] * 60)
    doc = make_document(f'قال سامي الحربي: "{long_quote}".', {"e1": ("سامي الحربي",)})
    doc = dataclasses.replace(doc, quotes=find_quotes(doc, lexicon))
    row = format_quotes_table(doc, widths=(10, 10, 6, 30)).splitlines()[2]
    assert row.endswith("…") and len(row) < 80

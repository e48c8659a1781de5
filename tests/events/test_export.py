"""The GDELT-like events table and its TSV / JSON writers."""

import io
import json

import pytest

from khabar.document import Actor, Document, Entity, Event, Mention, Offsets, Source
from khabar.errors import InputError
from khabar.events import COLUMNS, events_table, write_events

TEXT = "قصفت الطائرات الروسية مواقع في إدلب."


def _doc():
    event = Event(
        cameo="195", plover="ASSAULT",
        source=Actor("RUSMIL", "الطائرات الروسية", None, Offsets(5, 22)),
        target=None, trigger=Offsets(0, 4), sentence=Offsets(0, len(TEXT)),
        location="loc1", date="2024-05-01", confidence=0.9, stage="events.cameo.v1",
    )
    place = Entity("loc1", "LOC", "إدلب", (Mention(31, 35),))
    return Document(id="a1", text=TEXT, source=Source(url="https://example.com/a1"),
                    published="2024-05-02", entities=(place,), events=(event,))


def test_events_table_has_one_row_per_event_with_documented_columns():
    rows = events_table([_doc(), Document(id="empty")])
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == COLUMNS
    assert row["cameo"] == "195" and row["cameo_root"] == "19" and row["plover"] == "ASSAULT"
    assert (row["source_code"], row["source_name"]) == ("RUSMIL", "الطائرات الروسية")
    assert row["target_code"] is None
    assert (row["location"], row["location_name"]) == ("loc1", "إدلب")
    assert row["trigger"] == "قصفت"
    assert (row["sentence_start"], row["sentence_end"]) == (0, len(TEXT))
    assert (row["doc_id"], row["url"]) == ("a1", "https://example.com/a1")
    assert row["date"] == "2024-05-01"


def test_write_events_tsv_has_a_header_and_tab_separated_rows():
    text = write_events([_doc()], fmt="tsv")
    header, row = text.splitlines()
    assert header.split("\t") == list(COLUMNS)
    assert row.split("\t")[COLUMNS.index("source_name")] == "الطائرات الروسية"


def test_write_events_json_keeps_arabic_readable(tmp_path):
    out = tmp_path / "events.json"
    assert write_events([_doc()], fmt="json", out=out) is None
    text = out.read_text(encoding="utf-8")
    assert "الطائرات الروسية" in text
    assert json.loads(text)[0]["source_code"] == "RUSMIL"


def test_write_events_writes_to_a_stream():
    stream = io.StringIO()
    write_events([_doc()], fmt="tsv", out=stream)
    assert stream.getvalue().startswith("date\tdoc_id")


def test_write_events_rejects_an_unknown_format_and_names_the_valid_ones():
    with pytest.raises(InputError, match="tsv, csv, json"):
        write_events([_doc()], fmt="xlsx")

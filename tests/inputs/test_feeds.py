"""RSS and Atom feeds saved to disk, and the dispatch of feeds by suffix and content."""

from __future__ import annotations

import pytest

from pathlib import Path

from khabar.errors import InputError
from khabar.inputs import iter_pages as iter_any
from khabar.inputs.feeds import iter_feed
from khabar.inputs.page import FAILURE
from khabar.collection.day import parse_day


@pytest.fixture
def fixtures_dir() -> Path:
    return Path(__file__).parent.parent / "fixtures" / "store"


def iter_feed_pages(path: Path):
    return iter_feed(path.read_bytes(), origin=str(path))


@pytest.mark.parametrize("name, expected", [
    ("feed.rss", ["https://alwadi.example/story/20", "https://alwadi.example/story/21"]),
    ("feed.atom", ["https://annahar.example/a/90"]),
])
def test_feed_items_with_content_become_pages_with_links(fixtures_dir, name, expected):
    assert [page.url for page in iter_any(fixtures_dir / name)] == expected


def test_feed_item_keeps_title_date_and_outlet(fixtures_dir):
    page = next(iter_feed_pages(fixtures_dir / "feed.rss"))
    assert (page.title, page.published, page.source_name) == (
        "افتتاح معرض الكتاب في العاصمة بمشاركة مئتي دار نشر", "2024-03-04T08:00:00Z", "الوادي")
    assert page.content.decode("utf-8").splitlines()[0].startswith("افتتح وزير الثقافة")


def test_xml_file_that_is_not_a_feed_is_read_as_a_page(tmp_path):
    (tmp_path / "notes.xml").write_text("<notes><n>ملاحظة</n></notes>", encoding="utf-8")
    (page,) = iter_any(tmp_path / "notes.xml")
    assert page.format == "auto"


def test_an_rss_feed_on_stdin_is_sniffed(fixtures_dir, monkeypatch):
    import io
    import sys

    data = (fixtures_dir / "feed.rss").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [page.url for page in iter_any("-")] == [
        "https://alwadi.example/story/20", "https://alwadi.example/story/21"]


@pytest.mark.parametrize("data", [
    b"<rss><channel><item><title>x</ti",  # feedparser gives one empty entry
    b"<rss><channel><title>x</ti",  # and here none
])
def test_unreadable_feed_is_one_recorded_failure_with_an_id_from_its_path(tmp_path, data):
    (tmp_path / "bad.rss").write_bytes(data)
    (tmp_path / "worse.rss").write_bytes(data)
    (bad,) = iter_any(tmp_path / "bad.rss")
    (worse,) = iter_any(tmp_path / "worse.rss")
    assert (bad.format, bad.origin, bad.error_code) == (FAILURE, str(tmp_path / "bad.rss"), "R107")
    assert "not a readable feed" in bad.error
    assert bad.doc_id != worse.doc_id


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        list(iter_any(tmp_path / "nowhere"))


@pytest.mark.parametrize("published, day", [
    ("2015-07-21 10:22:11", "2015-07-21"), ("2024-03-01T10:00:00Z", "2024-03-01"),
    ("Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26"), ("Thu, 01 Mar 2018 09:53:40 +0400", "2018-03-01"),
    ("أمس", None), (None, None), ("2015-13-45", None),
])
def test_publication_day_is_read_from_iso_and_rfc_dates(published, day):
    assert parse_day(published) == day

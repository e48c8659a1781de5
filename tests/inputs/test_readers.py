"""The reader family: one WARC reader for paths and bytes, bounded reads, failure pages with
their own ids, and the paths a batch walks."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.inputs import FAILURE, ReadLimits, read_inputs, read_stream
from khabar.inputs.limits import GuardedReader, InputLimitError
from tests.warc_helpers import make_warc

ARTICLE = ("أعلنت وزارة الزراعة في مدينة الوادي اليوم عن خطة جديدة لري الحقول بمياه الأمطار، "
           "وقال الوزير سامي النجار إن الخطة ستبدأ في الربيع المقبل.")
HTML = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()


def pages_of(*paths, **options):
    return list(read_inputs(paths, **options))


def summary(pages):
    return [(p.id, p.doc_id, p.format, p.url, p.origin, p.content, p.error_code) for p in pages]


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_read_as_a_path_and_as_bytes_gives_the_same_pages_and_ids(tmp_path, compressed):
    data = make_warc([
        ("https://alwadi.example/a/1", "200 OK", HTML, "text/html; charset=utf-8"),
        ("https://alwadi.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
        ("https://alwadi.example/gone", "404 Not Found", b"<html>404</html>", "text/html"),
        ("https://alwadi.example/a/2", "200 OK", ARTICLE.encode(), "text/plain"),
    ], gzip=compressed)
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    (tmp_path / name).write_bytes(data)
    from_path = pages_of(tmp_path / name)
    from_bytes = list(read_stream(io.BytesIO(data), origin=str(tmp_path / name), name=name,
                                  size=len(data)))
    assert summary(from_path) == summary(from_bytes)
    assert [(p.url, p.format) for p in from_path] == [
        ("https://alwadi.example/a/1", "html"), ("https://alwadi.example/a/2", "text")]
    assert from_path[0].origin == f"{tmp_path / name}#1" and from_path[1].origin.endswith("#4")


def test_a_warc_on_stdin_is_sniffed(monkeypatch):
    data = make_warc([("https://alwadi.example/a/1", "200 OK", HTML, "text/html")], gzip=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (page,) = pages_of("-")
    assert (page.url, page.content) == ("https://alwadi.example/a/1", HTML)


def test_two_unreadable_files_get_two_ids_and_the_same_file_keeps_its_id(tmp_path):
    for name in ("one.warc.gz", "two.warc.gz"):
        (tmp_path / name).write_bytes(b"WARC/1.0\r\nthis is not a record")
    first = pages_of(tmp_path)
    assert [p.format for p in first] == [FAILURE, FAILURE]
    assert len({p.doc_id for p in first}) == 2
    assert [p.doc_id for p in pages_of(tmp_path)] == [p.doc_id for p in first]


def test_a_record_over_the_limit_is_rejected_and_the_archive_goes_on(tmp_path):
    big = b"<html><body><p>" + "كلمة ".encode() * 5000 + b"</p></body></html>"
    data = make_warc([("https://alwadi.example/big", "200 OK", big, "text/html"),
                      ("https://alwadi.example/a/1", "200 OK", HTML, "text/html")])
    (tmp_path / "c.warc.gz").write_bytes(data)
    pages = pages_of(tmp_path / "c.warc.gz", limits=ReadLimits(max_bytes=10_000))
    assert [(p.format, p.error_code, p.url) for p in pages] == [
        (FAILURE, "R103", "https://alwadi.example/big"), ("html", None, "https://alwadi.example/a/1")]


def _bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as stream:
        chunk = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            stream.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["bomb.warc.gz", "bomb.jsonl.gz", "bomb.txt.gz"])
def test_a_gzip_bomb_stops_at_the_limit_in_bounded_memory(tmp_path, name):
    (tmp_path / name).write_bytes(_bomb(512 << 20))  # about 500 KB that inflate to 512 MiB
    tracemalloc.start()
    try:
        pages = pages_of(tmp_path / name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.format for p in pages] == [FAILURE]
    assert peak < 80 << 20


def test_a_run_without_line_breaks_is_refused_before_it_fills_memory():
    reader = GuardedReader(io.BytesIO(b"x" * 5000), gzip=False, limit=10**9, max_run=1000)
    with pytest.raises(InputLimitError, match="without a line break"):
        io.BufferedReader(reader).readline()


def test_a_truncated_gzip_is_a_failure_page(tmp_path):
    data = gzip.compress(json.dumps({"text": ARTICLE}, ensure_ascii=False).encode() * 50)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    pages = pages_of(tmp_path / "cut.jsonl.gz")
    assert pages[-1].format == FAILURE and "truncated" in pages[-1].error


def test_gzipped_json_lines_are_read_line_by_line(tmp_path):
    lines = [json.dumps({"text": ARTICLE, "url": f"https://alwadi.example/{n}"}) for n in range(3)]
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    assert [p.url for p in pages_of(tmp_path / "a.jsonl.gz")] == [
        f"https://alwadi.example/{n}" for n in range(3)]


@pytest.mark.parametrize("record, code, expected", [
    ({"text": ARTICLE, "url": "http://[::1"}, None, ("http://[::1", None)),
    ({"text": ARTICLE, "source": {"name": 5}}, None, (None, "5")),
    ({"text": ARTICLE, "id": 17, "published": 2024}, None, (None, None)),
    ({"text": ARTICLE, "source": ["a", "b"]}, "R107", None),
    ({"text": ARTICLE, "url": {"href": "x"}}, "R107", None),
    ({"text": ARTICLE, "published": [2024]}, "R107", None),
])
def test_record_metadata_is_text_or_the_record_is_a_failure(record, code, expected):
    (page,) = read_stream(io.BytesIO(json.dumps(record).encode()), origin="r", fmt="jsonl")
    assert page.error_code == code
    if expected is not None:
        assert (page.url, page.source_name) == expected
        assert all(isinstance(v, str) for v in (page.id, page.published) if v is not None)


def test_a_bad_line_never_stops_the_file(tmp_path):
    good = [json.dumps({"text": ARTICLE, "id": str(n)}) for n in range(4)]
    lines = good[:2] + ["[" * 100_000 + "]" * 100_000, "x" * 500_000, "{not json"] + good[2:]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    pages = pages_of(tmp_path / "a.jsonl", limits=ReadLimits(max_bytes=300_000))
    assert [p.id for p in pages if p.format != FAILURE] == ["0", "1", "2", "3"]
    failures = [p for p in pages if p.format == FAILURE]
    assert [p.error_code for p in failures] == ["R107", "R103", "R107"]
    assert len({p.doc_id for p in failures}) == 3


def test_json_lines_on_stdin_are_sniffed(monkeypatch):
    data = "\n".join(json.dumps({"text": ARTICLE, "id": str(n)}) for n in range(2)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [p.id for p in pages_of("-")] == ["0", "1"]


def test_stdin_over_the_limit_is_a_failure_page(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 5000)))
    (page,) = pages_of("-", limits=ReadLimits(max_bytes=1000))
    assert page.error_code == "R103"


@pytest.mark.parametrize("path, kind", [("/dev/zero", "character device"), ("/dev/null", "character device")])
def test_a_device_given_as_a_path_is_refused_up_front(path, kind):
    if not os.path.exists(path):
        pytest.skip(f"{path} is not on this system")
    with pytest.raises(InputError, match=kind) as raised:
        pages_of(path)
    assert raised.value.code == "E305"


def test_a_fifo_is_refused_up_front_or_recorded_inside_a_directory(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")  # no writer: opening it for reading would block forever
    with pytest.raises(InputError):
        pages_of(tmp_path / "pipe")
    pages = pages_of(tmp_path)
    assert [(Path(p.origin).name, p.error_code) for p in pages] == [("a.txt", None), ("pipe", "R109")]


def test_linked_directories_are_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    assert [Path(p.origin).name for p in pages_of(tmp_path / "corpus")] == ["a.txt"]


def test_directory_order_is_sorted_by_path_parts(tmp_path):
    for name in ("b/x.txt", "a-c.txt", "a/y.txt", "a/b/z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    origins = [Path(p.origin).relative_to(tmp_path).as_posix() for p in pages_of(tmp_path)]
    assert origins == ["a/b/z.txt", "a/y.txt", "a-c.txt", "b/x.txt"]


def test_a_file_name_that_is_not_utf8_gives_a_printable_origin(tmp_path):
    name = os.fsdecode(b"\xe1\xcf\xc7\xcf.txt")  # a Windows-1256 file name
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (page,) = pages_of(tmp_path)
    assert page.origin.endswith("\\xe1\\xcf\\xc7\\xcf.txt")
    json.dumps(page.origin, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("name, head, expected", [
    ("cc-1.warc.gz", b"", "warc"), ("x.warc", b"", "warc"), ("a.jsonl", b"", "jsonl"),
    ("a.jsonl.gz", b"", "jsonl"), ("a.html", b"", "html"), ("a.txt", b"", "text"), ("notes", b"", "text"),
    ("a.bin", b"", "auto"), ("a.xml", b"<rss version='2.0'>", "feed"), ("a.xml", b"<notes/>", "auto"),
    (None, b"WARC/1.0\r\n", "warc"), (None, b'{"text": "x"}\n', "jsonl"), (None, b"{not json\n", "auto"),
    (None, b"<html><body>", "auto"), (None, b'<?xml version="1.0"?><rss>', "feed"),
])
def test_the_kind_of_a_stream_goes_by_suffix_then_by_content(name, head, expected):
    from khabar.inputs.paths import _kind

    assert _kind("auto", name, head) == expected

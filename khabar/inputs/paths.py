"""From paths to pages: files, directories and stdin, each read by the right reader.

`read_inputs(paths)` is the one entry of every command that reads articles. Every path is
checked before the first page is read (a missing path or a device is a usage error, refused up
front). Directories are walked in sorted order, following links to directories once each.
Each file is read by its kind: WARC archives, JSON lines, feeds, gzip of any of them, or one
page of text or HTML (sniffed from the bytes when the suffix does not say). Whatever cannot be
read becomes a failure page with a reason code, so a batch counts it and goes on.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from khabar.errors import InputError
from khabar.inputs.feeds import FEED_SUFFIXES, iter_feed, looks_like_feed
from khabar.inputs.limits import (
    GZIP_MAGIC,
    InputLimitError,
    NotRegularError,
    ReadLimits,
    file_kind,
    guarded,
    open_regular,
    read_at_most,
    was_truncated,
)
from khabar.inputs.page import RawPage, display_path, failure_page
from khabar.inputs.records import iter_jsonl
from khabar.inputs.warc import WARC_SUFFIXES, iter_warc

FORMATS = ("auto", "text", "html", "jsonl", "warc", "feed")
STDIN = "-"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_TEXT_SUFFIXES = (".txt", ".text")
_SNIFF = 1 << 16


def read_inputs(paths: Iterable[str | os.PathLike[str]], *, fmt: str = "auto",
                encoding: str | None = None, limits: ReadLimits = ReadLimits()) -> Iterator[RawPage]:
    """Every page under every path, in order; `-` is stdin. Paths are checked up front."""
    if fmt not in FORMATS:
        raise InputError("E303", format=fmt, valid=", ".join(FORMATS))
    paths = check_paths(paths)
    for path in paths:
        if path == STDIN:
            yield from read_stream(sys.stdin.buffer, origin="<stdin>", fmt=fmt, encoding=encoding,
                                   limits=limits)
        elif isinstance(path, Path) and path.is_dir():
            for file in walk(path):
                yield from read_file(file, fmt=fmt, encoding=encoding, limits=limits)
        else:
            yield from read_file(Path(path), fmt=fmt, encoding=encoding, limits=limits)


def iter_pages(path: str | os.PathLike[str], *, fmt: str = "auto",
               encoding: str | None = None) -> Iterator[RawPage]:
    """Every page under one path: a file, a directory (recursively, sorted), or `-` (stdin)."""
    yield from read_inputs([path], fmt=fmt, encoding=encoding)


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str | Path]:
    """The paths as `-` or Path objects, once each is known to be readable (else InputError)."""
    checked: list[str | Path] = [STDIN if str(path) == STDIN else Path(path) for path in paths]
    for path in checked:
        check_path(path)
    return checked


def check_path(path: str | Path) -> None:
    """Raise InputError unless `path` is `-`, a directory or a regular file (links followed)."""
    if path == STDIN:
        return
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise InputError("E301", path=display_path(path),
                         detail=error.strerror or "no such file or directory") from error
    kind = file_kind(mode)
    if kind not in ("regular file", "directory"):
        raise InputError("E305", path=display_path(path), kind=kind)


def walk(root: Path) -> Iterator[Path | RawPage]:
    """Every non-hidden entry below `root`, sorted by path parts; links to directories are
    followed, each real directory once (a link back to a parent makes no loop). An entry that
    cannot be listed comes out as a failure page."""
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path | RawPage]:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            yield failure_page(display_path(directory), f"cannot list directory: {error.strerror}",
                               code="R109")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            elif not entry.name.startswith("."):
                yield path

    yield from visit(root)


def read_file(file: Path | RawPage, *, fmt: str = "auto", encoding: str | None = None,
              limits: ReadLimits = ReadLimits()) -> Iterator[RawPage]:
    """The pages of one file (a failure page passes through as it is)."""
    if isinstance(file, RawPage):
        yield file
        return
    origin = display_path(file)
    try:
        stream = open_regular(file)
    except NotRegularError as error:
        yield failure_page(origin, str(error), code=error.code)
        return
    except OSError as error:
        yield failure_page(origin, f"cannot read file: {error.strerror or error}", code="R109")
        return
    with stream:
        size = os.fstat(stream.fileno()).st_size
        yield from read_stream(stream, origin=origin, fmt=fmt, encoding=encoding, limits=limits,
                               name=file.name.lower(), size=size)


def read_stream(stream: BinaryIO, *, origin: str, fmt: str = "auto", encoding: str | None = None,
                limits: ReadLimits = ReadLimits(), name: str | None = None,
                size: int | None = None) -> Iterator[RawPage]:
    """The pages of one binary stream; `name` (a lower-case file name, None for stdin or bytes)
    and the leading bytes decide how it is read."""
    reader = stream if hasattr(stream, "peek") else io.BufferedReader(stream, _SNIFF)  # type: ignore[arg-type]
    try:
        head = reader.peek(_SNIFF)[:_SNIFF]
        kind = _kind(fmt, name, head)
        if kind != "warc" and head.startswith(GZIP_MAGIC):
            reader = guarded(reader, limits=limits, compressed_size=size, gzip=True)
            name = name.removesuffix(".gz") if name else name
            head = reader.peek(_SNIFF)[:_SNIFF]
            kind = _kind(fmt, name, head)
        if kind == "warc":
            yield from iter_warc(reader, origin=origin, limits=limits, size=size)
            return
        if kind == "jsonl":
            yield from iter_jsonl(reader, origin=origin, limits=limits)
            if was_truncated(reader):  # the lines before the cut are read; the cut is recorded
                yield failure_page(f"{origin}#truncated", "the gzip data is truncated after the lines read")
            return
        data = read_at_most(reader, limits.max_bytes)
        if was_truncated(reader):  # a cut page is no article
            yield failure_page(origin, "the gzip data is truncated")
        elif kind == "feed":
            yield from iter_feed(data, origin=origin)
        else:
            yield RawPage(content=data, format=kind, origin=origin, encoding=encoding)
    except InputLimitError as error:
        yield failure_page(origin, f"{error}", code=error.code)
    except OSError as error:
        yield failure_page(origin, f"cannot read: {error.strerror or error}", code="R109")


def _kind(fmt: str, name: str | None, head: bytes) -> str:
    """How to read a stream: the format asked for, else by file suffix, else by its bytes."""
    if fmt != "auto":
        return fmt
    if name is None:  # stdin and bytes: only the content can tell
        return _sniff(head)
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    base = name.removesuffix(".gz")
    if base.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if base.endswith(FEED_SUFFIXES) and looks_like_feed(head):
        return "feed"
    if base.endswith(_HTML_SUFFIXES):
        return "html"
    if base.endswith(_TEXT_SUFFIXES) or not Path(base).suffix:
        return "text"
    return "auto"


def _sniff(head: bytes) -> str:
    stripped = head.lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith((b"<rss", b"<feed")) or (stripped.startswith(b"<?xml") and looks_like_feed(stripped)):
        return "feed"
    if stripped.startswith(b"{") and _first_line_is_record(stripped):
        return "jsonl"
    return "auto"


def _first_line_is_record(head: bytes) -> bool:
    line, newline, _ = head.partition(b"\n")
    if newline:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return False
        return isinstance(record, dict) and ("text" in record or "html" in record)
    # One line longer than the sniffing window: an article record names its body early.
    return b'"text"' in line or b'"html"' in line

"""Raw pages: the bytes of one article as it arrived, and the readers that find them.

A `RawPage` is what enters the pipeline. It keeps the original bytes (content-addressed by
SHA-256, so any article can be reprocessed) and whatever metadata came with it (a JSON-lines
record's `id`, `url`, `source`, `title`, `published`). `iter_pages(path)` walks files,
directories and JSON-lines files; a malformed record becomes a page that the reader rejects
with a reason code, so a batch never loses count of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from khabar.document import RawInfo, Source
from khabar.errors import InputError

FORMATS = ("auto", "text", "html", "jsonl")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_TEXT_SUFFIXES = {".txt", ".text", ""}


@dataclass(frozen=True, slots=True)
class RawPage:
    """One article's raw bytes plus the metadata that came with it."""

    content: bytes
    format: str = "auto"  # "text" | "html" | "auto" (sniffed); "record-error" for bad JSON lines
    origin: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source_name: str | None = None
    encoding: str | None = None  # forced encoding; None means detect
    error: str | None = None  # why a JSON-lines record could not be read
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def doc_id(self) -> str:
        """The given id, else a stable id from the content hash."""
        return self.id or self.sha256[:16]

    def raw_info(self, encoding: str | None = None, fmt: str | None = None) -> RawInfo:
        return RawInfo(self.sha256, fmt or self.format, encoding, len(self.content), self.origin)

    def source(self) -> Source:
        domain = domain_of(self.url)
        return Source(name=self.source_name, domain=domain, url=self.url)


def domain_of(url: str | None) -> str | None:
    """The host of a URL without `www.`: `https://www.eremnews.com/x` → `eremnews.com`."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def list_files(path: str | os.PathLike[str]) -> list[Path]:
    """The file itself, or every non-hidden file below a directory, sorted (a stable batch order)."""
    root = Path(path)
    if root.is_dir():
        return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    if root.exists():
        return [root]
    raise InputError("E301", path=str(root), detail="no such file or directory")


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    return "text" if suffix in _TEXT_SUFFIXES else "auto"


def iter_pages(path: str | os.PathLike[str], *, fmt: str = "auto",
               encoding: str | None = None) -> Iterator[RawPage]:
    """Every raw page under `path`: a file, a directory (recursively, sorted), or `-` (stdin)."""
    if fmt not in FORMATS:
        raise InputError("E303", format=fmt, valid=", ".join(FORMATS))
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        yield from _pages_from_bytes(data, fmt, "<stdin>", encoding)
        return
    for file in list_files(path):
        file_fmt = guess_format(file) if fmt == "auto" else fmt
        try:
            data = file.read_bytes()
        except OSError as error:  # one unreadable file is a rejected page, not a dead batch
            yield RawPage(content=b"", format="record-error", origin=str(file),
                          error=f"cannot read file: {error.strerror}")
            continue
        yield from _pages_from_bytes(data, file_fmt, str(file), encoding)


def _pages_from_bytes(data: bytes, fmt: str, origin: str, encoding: str | None) -> Iterator[RawPage]:
    if fmt == "jsonl":
        yield from iter_jsonl(data, origin=origin)
    else:
        yield RawPage(content=data, format=fmt, origin=origin, encoding=encoding)


def iter_jsonl(data: bytes, *, origin: str = "<jsonl>") -> Iterator[RawPage]:
    """One page per non-blank JSON line; an invalid line becomes a page that will be rejected."""
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield page_from_record(json.loads(line), origin=where)
        except (ValueError, TypeError) as error:
            yield RawPage(content=line, format="record-error", origin=where,
                          error=f"line {number}: {error}")


def page_from_record(record: Any, *, origin: str) -> RawPage:
    """A RawPage from a JSON record with `text` or `html` and optional metadata."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body, fmt = record.get("html"), "html"
    if body is None:
        body, fmt = record.get("text"), "text"
    if not isinstance(body, str):
        raise ValueError("the record has no 'text' or 'html' string")
    source = record.get("source")
    if isinstance(source, dict):
        source_name = source.get("name")
        url = record.get("url") or source.get("url")
    else:
        source_name, url = source, record.get("url")
    known = {"html", "text", "source", "url", "id", "title", "published"}
    return RawPage(
        content=body.encode("utf-8"),
        format=fmt,
        origin=origin,
        url=url,
        id=str(record["id"]) if record.get("id") is not None else None,
        title=record.get("title"),
        published=record.get("published"),
        source_name=source_name,
        encoding="utf-8",
        extra={k: v for k, v in record.items() if k not in known},
    )

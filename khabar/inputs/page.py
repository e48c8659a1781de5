"""The raw page: one article's bytes as they arrived, and the failure page that stands for one
that could not be read.

A `RawPage` keeps the original bytes (content-addressed by SHA-256, so any article can be
reprocessed) and whatever metadata came with it (a JSON-lines record's `id`, `url`, `source`,
`title`, `published`). A failure page has no article bytes worth hashing, so its id derives from
its origin: two unreadable files are two rows, and the same unreadable file read again is one.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from khabar.document import RawInfo, Source

FAILURE = "record-error"  # the format of a page that could not be read; the reader stage rejects it


@dataclass(frozen=True, slots=True)
class RawPage:
    """One article's raw bytes plus the metadata that came with it."""

    content: bytes
    format: str = "auto"  # "text" | "html" | "auto" (sniffed); FAILURE for what could not be read
    origin: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source_name: str | None = None
    encoding: str | None = None  # forced encoding; None means detect
    error: str | None = None  # why the page could not be read
    error_code: str | None = None  # the rejection code for that (R107 when None)
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
        return Source(name=self.source_name, domain=domain_of(self.url), url=self.url)


def failure_page(origin: str, message: str, *, code: str = "R107", content: bytes = b"",
                 url: str | None = None) -> RawPage:
    """A page for an input that could not be read; its id derives from where it came from."""
    digest = hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return RawPage(content=content, format=FAILURE, origin=origin, url=url, error=message,
                   error_code=code, id="error-" + digest)


def domain_of(url: str | None) -> str | None:
    """The host of a URL without `www.`: `https://www.eremnews.com/x` → `eremnews.com`.

    None for a URL that urllib cannot split (`http://[::1`): a URL is untrusted metadata, and a
    page must never fail for it."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as printable text: bytes that are not UTF-8 in a file name become `\\xNN`.

    Python keeps such bytes as lone surrogates, which no JSON or SQLite writer accepts."""
    name = os.fspath(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

"""What the writer needs from one analyzed page, computed where the analysis runs.

Everything expensive that does not need the database (JSON, compressed raw bytes, search forms,
MinHash signatures) is built here, in the worker processes, so the single writer only runs SQL.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from khabar.collection.day import day_number, parse_day
from khabar.collection.stories import StoryFeatures, StoryHasher, text_key
from khabar.document import STATUS_OK, Document
from khabar.inputs import RawPage
from khabar.store.search import index_text, terms_of


@dataclass(frozen=True, slots=True)
class Prepared:
    """One document plus everything derived from it for storage."""

    doc: Document
    doc_json: str
    input_key: str
    origin: str | None
    raw: bytes | None  # zlib-compressed raw bytes
    raw_size: int
    text_key: str | None
    day: str | None
    index_title: str
    index_body: str
    story: StoryFeatures | None

    @property
    def day_number(self) -> int | None:
        return day_number(self.day)


def page_key(page: RawPage) -> str:
    """What makes an input 'the same input again': its raw SHA-256 and URL.

    A page that could not be read (a broken record, a truncated archive) has no bytes worth
    hashing, so its origin is part of the key."""
    key = f"{page.sha256}|{page.url or ''}"
    return f"{key}|{page.origin}" if page.format == "record-error" else key


def input_key(page: RawPage | None, doc: Document) -> str:
    """The input key of a page, or of a document given without its page."""
    if page is not None:
        return page_key(page)
    sha = doc.raw.sha256 if doc.raw else "doc:" + doc.id
    return f"{sha}|{doc.source.url or ''}"


def prepare(doc: Document, page: RawPage | None = None, *, hasher: StoryHasher) -> Prepared:
    """Derive the storage form of `doc` (and of the raw page it came from, if given)."""
    ok = doc.status == STATUS_OK and bool(doc.text.strip())
    words = terms_of(doc.text) if ok else []
    return Prepared(
        doc=doc,
        doc_json=doc.to_json(),
        input_key=input_key(page, doc),
        origin=page.origin if page is not None else (doc.raw.origin if doc.raw else None),
        raw=zlib.compress(page.content, 6) if page is not None and page.content else None,
        raw_size=len(page.content) if page is not None else 0,
        text_key=text_key(doc.text) if ok else None,
        day=parse_day(doc.published),
        index_title=index_text(doc.title or "") if ok else "",
        index_body=" ".join(words),
        story=hasher.features(doc.title, doc.text, words=words) if ok else None,
    )

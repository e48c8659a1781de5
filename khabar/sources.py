"""More readers of raw pages: WARC archives and RSS/Atom feeds saved to disk.

They yield `RawPage`s like `khabar.pages.iter_pages`, and `iter_any(path)` picks the right
reader per file (by suffix, then by content) and falls back to `iter_pages` for the rest. A
broken input never stops the walk: a truncated archive yields the pages it holds plus one
`record-error` page, which the reader stage rejects with a reason code, so it is counted.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from khabar.pages import RawPage, iter_pages, list_files

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _error_page(origin: str, message: str) -> RawPage:
    # A failure is a page too: it gets a stable id of its own, so it is stored and counted once.
    return RawPage(content=b"", format="record-error", origin=origin, error=message,
                   id="error-" + hashlib.sha256(origin.encode("utf-8")).hexdigest()[:16])


def iter_warc_pages(path: str | os.PathLike[str]) -> Iterator[RawPage]:
    """HTML response records of a WARC file (gzip or not), with their target URI and date."""
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    number = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if content_type and not content_type.lower().startswith(_HTML_TYPES):
                    continue
                content = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0):  # the block is shorter than it says
                    yield _error_page(f"{origin}#{number}", f"archive truncated inside record {number}")
                    return
                charset = _charset(content_type)
                yield RawPage(content=content, format="html", origin=f"{origin}#{number}",
                              url=record.rec_headers.get_header("WARC-Target-URI"), encoding=charset,
                              extra={"fetched": record.rec_headers.get_header("WARC-Date")})
    except OSError as error:
        yield _error_page(f"{origin}#{number + 1}", f"cannot read the archive: {error}")
        return
    except Exception as error:  # warcio and zlib raise many kinds on a broken archive
        yield _error_page(f"{origin}#{number + 1}", f"archive broken after {number} records: "
                          f"{type(error).__name__}: {error}")
        return
    if str(path).lower().endswith(".gz") and not _gzip_complete(path):
        # warcio stops quietly at a cut gzip member; the records after the cut are lost.
        yield _error_page(f"{origin}#{number + 1}", f"archive truncated after {number} records")


def _gzip_complete(path: str | os.PathLike[str]) -> bool:
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error):
        return False
    return True


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def iter_feed_pages(path: str | os.PathLike[str]) -> Iterator[RawPage]:
    """Each RSS/Atom item with content or a description, as an article with link, title, date."""
    import feedparser

    origin = str(path)
    data = Path(path).read_bytes()
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield _error_page(origin, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = "\n".join(part.get("value", "") for part in entry.content)
        body = body or entry.get("summary", "") or entry.get("description", "")
        if not body.strip():
            continue
        title = entry.get("title")
        published = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            published = time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
        text = _html_to_text(body)
        yield RawPage(content=text.encode("utf-8"), format="text", origin=f"{origin}#{number}",
                      url=entry.get("link"), title=title, published=published, source_name=outlet,
                      encoding="utf-8")


def _html_to_text(fragment: str) -> str:
    """A feed item's HTML as text, one block per paragraph (feeds carry fragments, not pages)."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError and friends on junk; keep the raw string then
        return fragment.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for element in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    for line in text.splitlines():
        blocks.append(" ".join(line.split()))
    return "\n".join(blocks).strip()


def _is_feed(path: Path) -> bool:
    with open(path, "rb") as stream:
        head = stream.read(2048).lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def iter_any(path: str | os.PathLike[str], *, encoding: str | None = None) -> Iterator[RawPage]:
    """Every page under `path`: WARC archives, feeds, and whatever `iter_pages` reads."""
    if str(path) == "-":
        yield from iter_pages(path, encoding=encoding)
        return
    for file in list_files(path):
        name = file.name.lower()
        if name.endswith(WARC_SUFFIXES):
            yield from iter_warc_pages(file)
        elif name.endswith(FEED_SUFFIXES) and _is_feed(file):
            yield from iter_feed_pages(file)
        else:
            yield from iter_pages(file, encoding=encoding)

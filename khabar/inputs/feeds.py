"""RSS and Atom feeds saved to disk: each item with content or a description is an article."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from khabar.inputs.page import RawPage, failure_page

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# Characters lxml refuses in a tree (controls other than tab and line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file open an RSS, Atom or RDF feed."""
    head = head[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def iter_feed(data: bytes, *, origin: str) -> Iterator[RawPage]:
    """Each RSS/Atom item with content or a description, as an article with link, title, date."""
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as error:  # noqa: BLE001  feedparser itself fails on some broken prologs
        yield failure_page(origin, f"not a readable feed: {type(error).__name__}: {error}")
        return
    if feed.bozo and not feed.entries:
        yield failure_page(origin, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    outlet = _string(feed.feed.get("title"))
    read = 0
    for number, entry in enumerate(feed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = "\n".join(str(part.get("value", "")) for part in entry.content)
        body = body or str(entry.get("summary", "") or entry.get("description", ""))
        if not body.strip():
            continue
        published = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            published = time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
        yield RawPage(content=html_to_text(body).encode("utf-8", "replace"), format="text",
                      origin=f"{origin}#{number}", url=_string(entry.get("link")),
                      title=_string(entry.get("title")), published=published, source_name=outlet,
                      encoding="utf-8")
        read += 1
    # A broken feed can still give feedparser empty entries (a cut-off `<item>`): with nothing
    # read from it, the file is a failure to record, not a feed without articles.
    if feed.bozo and not read:
        yield failure_page(origin, f"not a readable feed: {feed.get('bozo_exception')}")


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def html_to_text(fragment: str) -> str:
    """A fragment of HTML as text, one block per paragraph (feeds and JSON fields carry
    fragments, not pages); text without markup comes back stripped."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    fragment = _NOT_XML.sub(" ", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for element in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
            element.tail = "\n\n" + (element.tail or "")
        text = root.text_content()
    except Exception:  # noqa: BLE001  lxml raises ParserError and friends on junk; keep the string
        return fragment.strip()
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()

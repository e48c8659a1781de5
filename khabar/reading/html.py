"""Main content and metadata of an HTML page, through trafilatura.

trafilatura finds the article body and the page's metadata (title, date, site name, URL). We ask
for its XML output because it keeps the structure we need: `<head>` elements become subheadings,
`<p>`, `<list>` items and `<quote>` elements become paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree

from khabar.document import HEADING, PARAGRAPH
from khabar.errors import NotAnArticleRejected
from khabar.reading.blocks import Block


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """Blocks of the main content and the metadata trafilatura read from the page."""

    blocks: tuple[Block, ...]
    title: str | None
    published: str | None
    site_name: str | None
    url: str | None


# libxml2 stops building the tree 256 elements deep, so a page nested deeper loses its body.
_MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})
_WRAPPER = re.compile(r"</?(?:div|span|section|font|center|table|tbody|thead|tr|td|th|b|i|u|em|strong)\b[^>]*>",
                      re.I)


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Extract the article from an HTML page; rejects pages with no article text.

    A page nested deeper than the parser goes is read again with its wrapper elements (div,
    span, table cells ...) taken out, which leaves paragraphs and headings in place."""
    try:
        return _extract(html, url=url)
    except NotAnArticleRejected:
        if not _deeper_than(html, _MAX_DEPTH):
            raise
    return _extract(_WRAPPER.sub(" ", html), url=url)


def _deeper_than(html: str, limit: int) -> bool:
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            if depth > limit:
                return True
    return False


def _extract(html: str, *, url: str | None) -> HtmlArticle:
    try:
        xml = trafilatura.extract(
            html, url=url, output_format="xml", include_formatting=True, with_metadata=True,
            include_comments=False, include_tables=False, include_images=False, include_links=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as error:  # broken markup
        raise NotAnArticleRejected() from error
    if not xml:
        raise NotAnArticleRejected()
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[Block] = []
    for element in main.iter("head", "p", "item", "quote") if main is not None else ():
        if element.tag == "p" and element.getparent() is not None and element.getparent().tag in ("quote", "item"):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text:
            blocks.append(Block(text, HEADING if element.tag == "head" else PARAGRAPH))
    if not blocks:
        raise NotAnArticleRejected()
    return HtmlArticle(
        blocks=tuple(blocks),
        title=root.get("title") or None,
        published=root.get("date") or None,
        site_name=root.get("sitename") or None,
        url=root.get("url") or url,
    )

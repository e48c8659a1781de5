"""Main content and metadata of an HTML page, through trafilatura.

trafilatura finds the article body and the page's metadata (title, date, site name, URL). We ask
for its XML output because it keeps the structure we need: `<head>` elements become subheadings,
`<p>`, `<list>` items and `<quote>` elements become paragraphs.
"""

from __future__ import annotations

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


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Extract the article from an HTML page; rejects pages with no article text."""
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

"""The records of the generator: an article, a template, and a rendered page with its answers."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field

BODY, TITLE, BOILER = "body", "title", "boilerplate"


@dataclass(frozen=True)
class Article:
    """A real article: title, paragraphs (subheadings included), URL."""

    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None


@dataclass
class Context:
    """What a template draws on while rendering one page."""

    article: Article
    rng: random.Random
    others: list[str]  # titles of other articles of the same collection
    lines: list[tuple[str, str]] = field(default_factory=list)  # (text, role)
    html: list[str] = field(default_factory=list)

    def boiler(self, text: str, tag: str = "div") -> None:
        self.lines.append((text, BOILER))
        self.html.append(f"<{tag}>{html.escape(text)}</{tag}>")

    def boiler_list(self, items: list[str], marker: str | None = None, *, bullet: str = "",
                    tag: str = "aside") -> None:
        """A block of links: an optional marker line, then one line per item."""
        if marker:
            self.lines.append((marker, BOILER))
        self.lines.extend((bullet + item, BOILER) for item in items)
        lis = "".join(f'<li><a href="/n/{i}">{html.escape(item)}</a></li>' for i, item in enumerate(items))
        head = f"<h3>{html.escape(marker)}</h3>" if marker else ""
        self.html.append(f"<{tag}>{head}<ul>{lis}</ul></{tag}>")

    def menu(self, items: list[str], separator: str | None) -> None:
        """A navigation menu: one line with separators, or one line per item."""
        if separator is None:
            self.lines.extend((item, BOILER) for item in items)
        else:
            self.lines.append((separator.join(items), BOILER))
        lis = "".join(f'<li><a href="/s/{i}">{html.escape(item)}</a></li>' for i, item in enumerate(items))
        self.html.append(f"<nav><ul>{lis}</ul></nav>")

    def title(self, tag: str = "h1") -> None:
        self.lines.append((self.article.title, TITLE))
        self.html.append(f"<{tag}>{html.escape(self.article.title)}</{tag}>")

    def body(self, paragraphs: tuple[str, ...] | None = None, *, blank: bool = False,
             inserts: dict[int, Callable[[], None]] | None = None) -> None:
        """The article's paragraphs, optionally with furniture inserted after some of them."""
        paragraphs = self.article.paragraphs if paragraphs is None else paragraphs
        self.html.append("<article>")
        for index, paragraph in enumerate(paragraphs):
            self.lines.append((paragraph, BODY))
            if blank:
                self.lines.append(("", BOILER))
            self.html.append(f"<p>{html.escape(paragraph)}</p>")
            if inserts and index in inserts:
                inserts[index]()
        self.html.append("</article>")

    def pick(self, pool, k: int | None = None):
        if k is None:
            return self.rng.choice(pool)
        return self.rng.sample(pool, min(k, len(pool)))


@dataclass(frozen=True)
class Template:
    """One invented site: a name, whether it is held out, and how it lays out a page."""

    name: str
    render: Callable[[Context], None]
    held_out: bool = False
    head_title: Callable[[Context], str] | None = None  # the HTML <title> the site writes


@dataclass(frozen=True)
class SitePage:
    """A rendered page and what a reader should find in it."""

    template: str
    held_out: bool
    text: str
    html: str
    url: str | None
    title: str
    body: tuple[str, ...]
    boilerplate: tuple[str, ...]

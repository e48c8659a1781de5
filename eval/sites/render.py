"""Choosing articles from ../shared/data and rendering them through the templates."""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterable, Iterator

from eval.corpora import ant_records, saudinewsnet_records
from eval.sites.page import BODY, BOILER, TITLE, Article, Context, SitePage, Template
from eval.sites.templates import TEMPLATES
from khabar.reading.blocks import squeeze
from khabar.reading.boilerplate import LineClassifier

_MAX_PARAGRAPHS = 25
_SENTENCE = re.compile(r"[.!?؟…][\"»”')]*$")


def articles(limit: int, *, seed: int = 7) -> list[Article]:
    """`limit` articles, half from ANT and half from SaudiNewsNet, drawn with a fixed seed.

    Only articles that are clean on their own are used: a title of 3 to 25 words, 2 to 25
    paragraphs, no character references, and no line that the lexicon rules call furniture (some
    SaudiNewsNet records keep their site's footer), so that every paragraph is article text."""
    classifier = LineClassifier.load()
    chosen: list[Article] = []
    for records, wanted in ((ant_records(), limit // 2), (saudinewsnet_records(), limit - limit // 2)):
        pool = [a for a in (_article(r, classifier) for r in records) if a is not None]
        chosen += random.Random(seed).sample(pool, min(wanted, len(pool)))
    return chosen


def _article(record: dict, classifier: LineClassifier) -> Article | None:
    title = squeeze(record.get("title") or "")
    text = record.get("text") or ""
    if "&" in title + text or not 3 <= len(title.split()) <= 25:
        return None
    separator = "\n\n" if "\n\n" in text else "\n"
    paragraphs = tuple(p for p in (squeeze(x) for x in text.split(separator)) if p)
    if not 2 <= len(paragraphs) <= _MAX_PARAGRAPHS or len(set(paragraphs)) < len(paragraphs):
        return None
    for paragraph in paragraphs:
        if "\n" in paragraph or paragraph == title or classifier.kind(paragraph) is not None:
            return None
        if classifier.glued_footer(paragraph) is not None or classifier.glued_bar(paragraph):
            return None
    if not _unambiguous(paragraphs):
        return None
    return Article(title, paragraphs, record.get("url"))


def _unambiguous(paragraphs: tuple[str, ...]) -> bool:
    """Every paragraph is prose or a subheading between prose paragraphs. Records whose text
    keeps a byline, a photo caption, an agency's stamp (`// انتهى //`) or a bare list are left
    out: whether such a line is the article's is a matter of opinion, not of reading."""
    prose = [_SENTENCE.search(p) is not None and len(p.split()) >= 3 or len(p.split()) >= 20
             for p in paragraphs]
    if not (prose[0] and prose[-1]):
        return False
    return all(prose[i] or (prose[i - 1] and prose[i + 1] and len(paragraphs[i].split()) <= 12)
               for i in range(1, len(paragraphs) - 1))


def render(template: Template, article: Article, others: list[str], seed: int) -> SitePage:
    """One page of `template` around `article`; `others` are the collection's other titles."""
    ctx = Context(article, random.Random(seed), others)
    template.render(ctx)
    lines = [(squeeze(text), role) for text, role in ctx.lines]
    head = template.head_title(ctx) if template.head_title else article.title
    page_html = ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                 f"<title>{html.escape(head)}</title></head><body>\n" + "\n".join(ctx.html)
                 + "\n</body></html>\n")
    return SitePage(
        template=template.name, held_out=template.held_out,
        text="\n".join(text for text, _ in ctx.lines) + "\n", html=page_html, url=article.url,
        title=article.title,
        body=tuple(text for text, role in lines if role == BODY),
        boilerplate=tuple(text for text, role in lines if role == BOILER and text),
    )


def pages_for(template: Template, chosen: list[Article], *, seed: int = 11) -> Iterator[SitePage]:
    """Every article of `chosen` through one template; related lists draw on the others."""
    titles = [a.title for a in chosen]
    for index, article in enumerate(chosen):
        others = titles[:index] + titles[index + 1:]
        yield render(template, article, others, seed * 1_000_003 + index)


def collection(per_template: int = 20, *, templates: Iterable[Template] = TEMPLATES,
               seed: int = 7) -> Iterator[SitePage]:
    """`per_template` different articles through each template (no article used twice)."""
    templates = list(templates)
    chosen = articles(per_template * len(templates), seed=seed)
    for number, template in enumerate(templates):
        batch = chosen[number::len(templates)][:per_template]
        yield from pages_for(template, batch, seed=seed + number)


__all__ = ["BODY", "BOILER", "TITLE", "articles", "collection", "pages_for", "render"]

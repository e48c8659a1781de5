"""The cleaning stage: the only stage that produces `Document.text`.

`clean.auto.v2` reads a RawPage: it decodes the bytes (recording the encoding), extracts the
article (trafilatura for HTML, line rules for scraped text), removes boilerplate, keeps one
title, and lays the blocks out as `text` with `paragraphs` offsets. Blocks are joined with a
blank line, so each paragraph's offsets are stable and easy to check by eye.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.document import (
    DATELINE, Document, ModelRef, Paragraph, RemovedLine, Source, TraceEntry, Warning,
)
from khabar.errors import (
    REJECTIONS,
    MalformedRecordRejected,
    NotAnArticleRejected,
    NotArabicRejected,
    Rejected,
    TooLargeRejected,
    TooShortRejected,
)
from khabar.inputs.page import FAILURE, RawPage, domain_of
from khabar.pipeline import model_identity, register
from khabar.reading.blocks import Block, Draft, Removal, clean_blocks, unescape_references
from khabar.reading.boilerplate import BoilerplateModel, LineClassifier
from khabar.reading.dateline import dateline_day
from khabar.reading.decode import DEFAULT_MAX_BYTES, decode
from khabar.reading.html import extract_html
from khabar.reading.html_title import agreed_title, title_candidates
from khabar.reading.lines import LineJudge

# Reading makes the Document: every field later stages may require from it.
PRODUCES = ("id", "text", "title", "source", "published", "paragraphs", "raw")
NAME = "clean.auto.v2"  # v1 until its line judge and title choice changed its output
REMOVED = "line_removed"  # the warning code of `explain_removals`
_SHOWN = 80  # characters of a removed line quoted in its warning
# The longest clean text analyzed: about 100 times the longest news article, and what keeps one
# document's analysis within 500 MB and a few seconds (docs/reliability.md).
MAX_CHARS = 1_000_000
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LETTER = re.compile(r"[^\W\d_]")
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<article|<p[ >])", re.I)


def sniff_format(text: str) -> str:
    """HTML when the text opens with markup, else scraped text."""
    return "html" if _HTML_START.match(text[:2000]) else "text"


@dataclass(frozen=True, slots=True)
class Extracted:
    """A decoded page cut into blocks, with the metadata found on the way."""

    blocks: tuple[Block, ...]
    format: str
    encoding: str
    source_key: str
    replaced: int = 0  # bad bytes the decoder replaced
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site_name: str | None = None
    title_candidates: tuple[str, ...] = ()  # an HTML page's own titles, when none was given


class Cleaner:
    """RawPage → Document with clean text. Built once per pipeline; holds the lexicons."""

    def __init__(self, *, min_chars: int = 40, min_arabic_share: float = 0.5,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = MAX_CHARS,
                 boilerplate: str | None = None,
                 boilerplate_model: BoilerplateModel | None = None,
                 explain_removals: bool = False) -> None:
        self.explain_removals = explain_removals
        self.min_chars = min_chars
        self.min_arabic_share = min_arabic_share
        self.max_bytes = max_bytes
        self.max_chars = max_chars
        self.model = boilerplate_model or (BoilerplateModel.load(Path(boilerplate)) if boilerplate else None)
        self.classifier = LineClassifier.load()
        self.judge = LineJudge.load(self.classifier.networks)
        self.models = _identity(boilerplate, boilerplate_model)

    def __call__(self, page: RawPage) -> Document:
        extracted = self.extract(page)
        draft = self._draft(extracted)
        text, paragraphs = layout(draft.blocks)
        self._check(text)
        source = Source(
            name=page.source_name or draft.source_name or extracted.site_name,
            domain=domain_of(extracted.url) or draft.domain,
            url=extracted.url,
        )
        doc = Document(
            id=page.doc_id, text=text, title=draft.title, source=source,
            published=extracted.published or _dateline_day(draft.blocks), paragraphs=paragraphs,
            raw=page.raw_info(extracted.encoding, extracted.format),
            # Why each left-out line went (the pipeline adds this stage's version and models).
            trace=(TraceEntry(NAME, removed=tuple(RemovedLine(r.line + 1, r.reason) for r in draft.removals)),),
        )
        if self.explain_removals:
            doc = dataclasses.replace(doc, warnings=doc.warnings + tuple(
                Warning(REMOVED, f"non-empty line {r.line + 1} removed ({r.reason}): {r.text[:_SHOWN]}",
                        NAME)
                for r in draft.removals))
        if extracted.replaced:
            doc = doc.with_warning("invalid_bytes_replaced", f"{extracted.replaced} byte sequences that "
                                   f"are not valid {extracted.encoding} were replaced by U+FFFD",
                                   stage=NAME)
        return doc

    def explain(self, page: RawPage) -> tuple[Removal, ...]:
        """Every line cleaning removes from `page`, with its reason code (docs/cleaning.md)."""
        return self._draft(self.extract(page)).removals

    def _draft(self, extracted: Extracted) -> Draft:
        return clean_blocks(extracted.blocks, self._classifier_for(extracted.source_key),
                            title_hint=self._title_of(extracted), url=extracted.url, judge=self.judge)

    def _title_of(self, extracted: Extracted) -> str | None:
        """The given title, or the page's own title that agrees with its first paragraphs."""
        if not extracted.title_candidates:
            return extracted.title
        return (agreed_title(extracted.title_candidates, extracted.blocks, stop=self.judge.stop,
                             url=extracted.url)
                or extracted.title)

    def extract(self, page: RawPage) -> Extracted:
        """Decode a page and cut it into blocks (HTML through trafilatura, text by lines)."""
        if page.format == FAILURE:
            raise _rejection_of(page)
        decoded = decode(page.content, encoding=page.encoding, max_bytes=self.max_bytes)
        fmt = page.format if page.format in ("text", "html") else sniff_format(decoded.text)
        key = source_key(page, decoded.text, self.classifier)
        if fmt == "html":
            article = extract_html(decoded.text, url=page.url)
            return Extracted(article.blocks, fmt, decoded.encoding, key, decoded.replaced,
                             title=_plain(page.title) or article.title,
                             published=page.published or article.published,
                             url=page.url or article.url, site_name=article.site_name,
                             title_candidates=() if page.title else
                             title_candidates(decoded.text, article.title))
        # Scraped text and the fields of JSON records often keep the page's character
        # references (`&quot;`); HTML goes through a parser that resolves them.
        blocks = tuple(Block(unescape_references(line)) for line in decoded.text.splitlines())
        return Extracted(blocks, fmt, decoded.encoding, key, decoded.replaced, title=_plain(page.title),
                         published=page.published, url=page.url)

    def _classifier_for(self, key: str) -> LineClassifier:
        if self.model is None:
            return self.classifier
        return dataclasses.replace(self.classifier, learned=self.model.for_source(key))

    def _check(self, text: str) -> None:
        if not text.strip():
            raise NotAnArticleRejected()
        if len(text) > self.max_chars:
            raise TooLargeRejected(detail=f"{len(text)} characters of clean text, over the limit of "
                                          f"{self.max_chars}")
        if len(text) < self.min_chars:
            raise TooShortRejected(chars=len(text), minimum=self.min_chars)
        letters, arabic = _letter_counts(text[:2000])
        share = arabic / letters if letters else 0.0
        if share < self.min_arabic_share:
            raise NotArabicRejected(share=share, minimum=self.min_arabic_share)


def _dateline_day(blocks: tuple[Block, ...]) -> str | None:
    """The day of the dateline above the body, for a page that gives no publication date."""
    return dateline_day(blocks[0].text) if blocks and blocks[0].kind == DATELINE else None


def _letter_counts(sample: str) -> tuple[int, int]:
    """How many characters of `sample` `_LETTER` and `_ARABIC_LETTER` match, counted over its
    code points at once (findall() made a string of every letter: 0.3 ms an article)."""
    try:
        codes = np.frombuffer(sample.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        codes = None
    if codes is None or (codes.size and codes.max() >= 0x10000):
        return len(_LETTER.findall(sample)), len(_ARABIC_LETTER.findall(sample))
    arabic = ((codes >= 0x0621) & (codes <= 0x064A)) | ((codes >= 0x0671) & (codes <= 0x06D3))
    return int(np.count_nonzero(_bmp_letters()[codes])), int(np.count_nonzero(arabic))


@functools.cache
def _bmp_letters() -> np.ndarray:
    """Whether `_LETTER` matches each code point of the BMP (built once, in about 20 ms)."""
    return np.fromiter((_LETTER.match(chr(code)) is not None for code in range(0x10000)),
                       dtype=bool, count=0x10000)


def _identity(path: str | None, model: BoilerplateModel | None) -> tuple[ModelRef, ...]:
    """The learned boilerplate model in use, if any: a file, or one learned in this run."""
    if model is not None:
        data = json.dumps([model.min_pages, model.min_share,
                           {k: sorted(v) for k, v in sorted(model.sources.items())}],
                          ensure_ascii=False).encode("utf-8")
        return (ModelRef("boilerplate (learned in this run)", hashlib.sha256(data).hexdigest()),)
    if path:
        return (model_identity(f"boilerplate {Path(path).name}", [Path(path)]),)
    return ()


def _rejection_of(page: RawPage) -> Rejected:
    """The rejection a failure page stands for: its code's class, with the reader's message."""
    kind = next((k for k in REJECTIONS if k.code == page.error_code), MalformedRecordRejected)
    return kind(detail=page.error)


def _plain(title: str | None) -> str | None:
    return unescape_references(title) if title else title


def source_key(page: RawPage, page_text: str, classifier: LineClassifier) -> str:
    """Which source a page belongs to, for corpus-mode boilerplate: name, URL domain, or footer."""
    if page.source_name:
        return page.source_name
    domain = domain_of(page.url)
    if domain:
        return domain
    for line in reversed(page_text.splitlines()[-40:]):
        found = classifier.domain_of(line)
        if found:
            return found.removeprefix("www.")
    return ""


def layout(blocks: tuple[Block, ...]) -> tuple[str, tuple[Paragraph, ...]]:
    """Join blocks with blank lines; return the text and each block's offsets and kind."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    cursor = 0
    for block in blocks:
        if parts:
            cursor += 2
        paragraphs.append(Paragraph(cursor, cursor + len(block.text), block.kind or "paragraph"))
        parts.append(block.text)
        cursor += len(block.text)
    return "\n\n".join(parts), tuple(paragraphs)


@register(NAME, produces=PRODUCES, reads_pages=True)
def make_clean(**options) -> Cleaner:
    """Decode, extract (HTML or scraped text), remove boilerplate, keep one title."""
    return Cleaner(**options)

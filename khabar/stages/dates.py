"""Dates: absolute dates normalized to ISO, relative ones resolved against the publication date.

`آب/أغسطس 2014` → `2014-08`; `20 يوليو 2016` → `2016-07-20`; `الأربعاء` → the last Wednesday on or
before publication (relative=True; value None without a publication date). Hijri dates are
skipped. Policy and limits: docs/entities.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from khabar.document import DateMention, Document
from khabar.measures.dates import find_dates
from khabar.measures.relative import parse_published
from khabar.pipeline import register

NAME = "dates.v1"


def sentence_ranges(doc: Document) -> list[tuple[int, int]]:
    """The sentences to search, or the whole text when the document has none."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(0, len(doc.text))] if doc.text else []


@register(NAME, requires=["sentences"], produces=["dates"])
def make_dates() -> Callable[[Document], Document]:
    """Find dates (`آب/أغسطس 2014` → 2014-08) and resolve `أمس`, `الأربعاء` against publication."""

    def find(doc: Document) -> Document:
        published = parse_published(doc.published)
        if doc.published and published is None:
            doc = doc.with_warning("date_unparsed", f"publication date {doc.published!r} is not ISO",
                                   stage=NAME)
        found = []
        for start, end in sentence_ranges(doc):
            for hit in find_dates(doc.text, start, end, published):
                if not hit.skipped:
                    found.append(DateMention(hit.start, hit.end, hit.value, hit.relative, NAME))
        return dataclasses.replace(doc, dates=tuple(found))

    return find

"""Quantities: numbers with their scale and counted noun (`2.4 مليون نازح` → 2400000 `نازح`).

Digits (ASCII and Arabic-Indic) and number words, scale words (ألف, مليون, مليار), percentages
(`15%`, `15 في المئة`, unit `%`) and money (`مليار دولار`, unit `دولار`). Numbers that are part of a
date (`عام 2014`, `20 يوليو 2016`, Hijri dates) are not quantities. See docs/entities.md.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from khabar.document import Document, Quantity
from khabar.measures.dates import find_dates
from khabar.measures.numbers import find_quantities
from khabar.pipeline import register
from khabar.stages.dates import sentence_ranges

NAME = "quantities.v1"


@register(NAME, requires=["sentences"], produces=["quantities"])
def make_quantities() -> Callable[[Document], Document]:
    """Find quantities with units (`30 دولة`, `15%`, `مليار دولار`), leaving dates out."""

    def find(doc: Document) -> Document:
        found = []
        for start, end in sentence_ranges(doc):
            hits = find_quantities(doc.text, start, end)
            if not hits:  # most sentences hold no number: no need to look for their dates
                continue
            overlaps_date = _DateSpans(find_dates(doc.text, start, end, None))
            for hit in hits:
                if not overlaps_date(hit.start, hit.end):
                    found.append(Quantity(hit.start, hit.end, hit.value, hit.unit, NAME))
        return dataclasses.replace(doc, quantities=tuple(found))

    return find


class _DateSpans:
    """Whether [start, end) overlaps one of a sentence's dates, by bisection: a sentence of a
    hundred thousand words holds thousands of amounts and dates, and comparing each amount
    with every date made the stage quadratic in it."""

    def __init__(self, dates) -> None:
        spans = sorted((date.start, date.end) for date in dates)
        self.starts = [start for start, _end in spans]
        self.furthest = list(accumulate((end for _start, end in spans), max))  # of each prefix

    def __call__(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # dates that start before `end`
        return before > 0 and self.furthest[before - 1] > start

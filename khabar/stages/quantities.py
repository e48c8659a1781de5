"""Quantities: numbers with their scale and counted noun (`2.4 مليون نازح` → 2400000 `نازح`).

Digits (ASCII and Arabic-Indic) and number words, scale words (ألف, مليون, مليار), percentages
(`15%`, `15 في المئة`, unit `%`) and money (`مليار دولار`, unit `دولار`). Numbers that are part of a
date (`عام 2014`, `20 يوليو 2016`, Hijri dates) are not quantities. See docs/entities.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

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
            dates = [(d.start, d.end) for d in find_dates(doc.text, start, end, None)]
            for hit in find_quantities(doc.text, start, end):
                if not any(s < hit.end and hit.start < e for s, e in dates):
                    found.append(Quantity(hit.start, hit.end, hit.value, hit.unit, NAME))
        return dataclasses.replace(doc, quantities=tuple(found))

    return find

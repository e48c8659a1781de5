"""Stage events.cameo.v1: who did what to whom, coded in CAMEO with PLOVER types.

Requires sentences; uses entities when a NER stage produced them (their roles give actor codes),
and falls back on the project lexicons otherwise. Produces `doc.events`. See docs/events.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from khabar.document import Document
from khabar.events.coder import STAGE, EventCoder
from khabar.pipeline import register


@register(STAGE, requires=("sentences",), produces=("events",))
def make(*, min_confidence: float = 0.0) -> Callable[[Document], Document]:
    """Code events (CAMEO + PLOVER) with source and target actors from each sentence."""
    coder = EventCoder(min_confidence=min_confidence)

    def code_events(doc: Document) -> Document:
        return dataclasses.replace(doc, events=coder(doc))

    return code_events

"""Stage events.cameo.v1: who did what to whom, coded in CAMEO with PLOVER types.

Requires sentences; uses entities when a NER stage produced them (their roles give actor codes),
and falls back on the project lexicons otherwise. Produces `doc.events`. Protest (14x) and
assault (18x-20x) events are rescored by a sentence classifier unless `classifier=False`.
See docs/events.md and docs/events-classifier.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from importlib import resources

from khabar.document import Document, Event
from khabar.events.classifier import MODEL_NAME, MODEL_PACKAGE, SentenceClassifier
from khabar.events.coder import STAGE, EventCoder
from khabar.pipeline import model_identity, register, with_models


@register(STAGE, requires=("sentences",), produces=("events",))
def make_events(*, min_confidence: float = 0.0, classifier: bool = True
         ) -> Callable[[Document], Document]:
    """Code events (CAMEO + PLOVER) with source and target actors from each sentence.

    `classifier=False` keeps the lexicon coder's protest and assault events and confidences.
    """
    if not classifier:
        coder = EventCoder(min_confidence=min_confidence)

        def code_events(doc: Document) -> Document:
            return dataclasses.replace(doc, events=coder(doc))

        return code_events
    coder = EventCoder()
    model = SentenceClassifier.load()

    def code_and_rescore(doc: Document) -> Document:
        events: list[Event] = []
        for sentence in doc.sentences:
            found = coder.code_sentence(doc, sentence)
            if found:
                rescored = model.apply(doc.text[sentence.start:sentence.end], found)
                events.extend(e for e in rescored if e.confidence >= min_confidence)
        return dataclasses.replace(doc, events=tuple(events))

    folder = resources.files(MODEL_PACKAGE)
    files = [folder / f"{MODEL_NAME}.json", folder / f"{MODEL_NAME}.npz"]
    return with_models(code_and_rescore, model_identity("events/" + MODEL_NAME, files))

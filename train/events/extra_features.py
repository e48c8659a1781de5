"""Extra feature families for the protest/assault sentence classifier (experiments).

Each family maps one sentence (its text, the lexicon coder's events, the category) to a small
dense vector that `train_classifier.py --extra FAMILY ...` appends to the hashed n-gram and
lexical features. None of them is shipped (docs/events-classifier.md, "Tried and not
shipped"); they are kept so that the comparison can be rerun.

- `vectors`: the 100-d PPMI-SVD word vectors of the 100,000 cluster words (train/ner/clusters.py;
  the int8 copy stored in khabar/models/ner/neural.npz): the l2-normalized mean vector of the
  sentence's words, of the words within three of the category's triggers, and of the trigger
  words themselves.
- `entities`: the CRF NER tagger's (`ner.crf.v1`) mentions: counts of PER, ORG and LOC, a LOC
  within five words after a trigger, and whether the events' source or target actor overlaps a
  mention.
- `measures`: dates (khabar.measures.dates) and quantities (khabar.measures.numbers): any date,
  a date or a quantity within five words of a trigger, any quantity, a quantity of people.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from khabar.arabic import fold, tokenize
from khabar.document import Event
from khabar.measures.dates import find_dates
from khabar.measures.numbers import find_quantities

FAMILIES = ("vectors", "entities", "measures")
WINDOW = 3  # words each side of a trigger for the window vector
AFTER = 5  # words after (or around) a trigger for a LOC, a date or a quantity


@functools.cache
def _vectors() -> tuple[dict[str, int], np.ndarray]:
    """Folded word -> row, and the unit-length word vectors (float32)."""
    from khabar.ner.features import load_clusters
    from khabar.ner.tagger import CLUSTER_FILE, MODEL_DIR, NEURAL_FILE

    words = load_clusters(MODEL_DIR / CLUSTER_FILE).counts.words()
    with np.load(MODEL_DIR / NEURAL_FILE) as data:
        count = int(data["vector_count"])
        table = data["vectors"].astype(np.float32)
    table /= np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-9)
    return dict(zip(words[:count], range(count))), table


@functools.cache
def _tagger():
    from khabar.ner import load_tagger

    return load_tagger()


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def _words(text: str):
    """Word tokens of the sentence as (start, end, folded)."""
    return [(t.start, t.end, fold(t.text)) for t in tokenize(text, 0, len(text))
            if t.kind == "word"]


def _trigger_words(words, events: Sequence[Event], offset: int) -> list[int]:
    """Indices of the words that overlap a trigger of `events` (offsets relative to `offset`)."""
    found = []
    for event in events:
        s, e = event.trigger.start - offset, event.trigger.end - offset
        found.extend(i for i, (ws, we, _) in enumerate(words) if ws < e and s < we)
    return sorted(set(found))


def vectors(text: str, events: Sequence[Event], category: str, offset: int
            ) -> dict[str, np.ndarray]:
    """The l2-normalized mean vectors of the sentence, the trigger windows, the triggers."""
    index, table = _vectors()
    words = _words(text)
    mine = [e for e in events if e.plover == category]
    rows = [index.get(w, -1) for _, _, w in words]

    def mean(positions) -> np.ndarray:
        known = [rows[i] for i in positions if rows[i] >= 0]
        return _unit(table[known].mean(axis=0)) if known else np.zeros(table.shape[1])

    triggers = _trigger_words(words, mine, offset)
    window = sorted({j for i in triggers
                     for j in range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1))})
    return {"sentence_vector": mean(range(len(words))), "window_vector": mean(window),
            "trigger_vector": mean(triggers)}


def entities(text: str, events: Sequence[Event], category: str, offset: int) -> np.ndarray:
    tokens = [t for t in tokenize(text, 0, len(text))]
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


_PEOPLE = frozenset(fold(w) for w in (
    "شخص أشخاص شخصا متظاهر متظاهرا متظاهرين المتظاهرين محتج محتجا محتجين قتيل قتيلا قتلى"
    " جريح جريحا جرحى مصاب مصابا مصابين شهيد شهيدا شهداء طالب طالبا طلاب عامل عاملا عمال"
    " مواطن مواطنا مواطنين جندي جنديا جنود عنصر عنصرا عناصر").split())


def measures(text: str, events: Sequence[Event], category: str, offset: int) -> np.ndarray:
    words = _words(text)
    mine = [e for e in events if e.plover == category]
    triggers = _trigger_words(words, mine, offset)
    dates = [d for d in find_dates(text, 0, len(text), None) if not d.skipped]
    spans = [(d.start, d.end) for d in dates]
    quantities = [q for q in find_quantities(text, 0, len(text))
                  if not any(s < q.end and q.start < e for s, e in spans)]

    def word_at(position: int) -> int:
        return next((i for i, (ws, we, _) in enumerate(words) if position < we), len(words))

    def near(start: int) -> bool:
        i = word_at(start)
        return any(abs(i - t) <= AFTER for t in triggers)

    people = any(q.unit and fold(q.unit) in _PEOPLE for q in quantities)
    return np.array([
        1.0 if dates else 0.0,
        1.0 if any(near(d.start) for d in dates) else 0.0,
        1.0 if quantities else 0.0,
        1.0 if any(near(q.start) for q in quantities) else 0.0,
        1.0 if people else 0.0,
    ])


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

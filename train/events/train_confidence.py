"""Train the learned event confidence (khabar.events.confidence_model) on judged events.

    python -m train.events.train_confidence           # fit and print what it would write
    python -m train.events.train_confidence --write   # write khabar/models/events/event_confidence.json

Data: the judged samples that are tuning data (eval/events_judged.py): the calibration sample
and the first, fresh, final and v4 samples, read from ../shared/data at training time. Each
judged article runs through the default pipeline with events.cameo.v4's raw scores
(`calibrated=False`: the events are the default's, only `confidence` is the coder's score),
and each emitted event whose trigger offsets, CAMEO code and source code match a judged row
takes its label; events the current pipeline no longer emits are dropped, and articles whose
text hash changed are skipped. The v5 sample is never read here: eval/events_confidence.py
scores the model on it.

Model: logistic regression on event_features, unweighted (the aim is calibrated
probabilities, not a balanced ranking), L2 penalty on the weights and not the intercept,
fitted by Newton's method (NumPy only). Feature groups and the penalty are chosen by
the leave-one-sample-out log-loss over the five tuning samples (backward elimination: a group
stays when leaving it out costs at least MIN_GAIN); the shipped model is then fitted on all
five, and its intercept moved so that its mean confidence on them is LEVEL, the share of right
events last measured on news nobody had read (the tuning samples are cleaner than that: their
errors were read while the rules were written). The model file holds feature names, weights and the recipe: no text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.events.confidence_model import MODEL_FILE, Features, event_features
from train.events.logistic import fit_logistic

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "khabar" / "models" / "events" / MODEL_FILE
PENALTIES = (3.0, 10.0, 30.0)
MIN_GAIN = 0.001  # log-loss a feature group must save, left out one sample at a time, to stay
# The share of right events on news nobody had read, last measured before the v5 sample: the v4
# sample as first judged (85 of 200, docs/evaluation.md). The tuning samples are cleaner than
# that, because their errors were read while the rules were written; the intercept is moved so
# that the model's mean confidence on them is this level.
LEVEL = 0.425
TUNING = ("calibration", "first", "fresh", "final", "v4")  # eval.events_judged's samples
@dataclass(frozen=True, slots=True)
class Labelled:
    """One judged event of the current pipeline: its features, label and table confidence."""

    sample: str
    features: Features
    right: bool
    table: float  # events.cameo.v4's calibrated confidence (calibration-v4.tsv)


@dataclass(frozen=True, slots=True)
class Gathered:
    """A sample's matched events, and how many judged rows and articles did not match."""

    events: list[Labelled]
    judged: int
    changed_articles: int


def sample_path(sample: str) -> Path:
    from eval import events_judged as ej

    return {"calibration": ej.CALIBRATION, "first": ej.JUDGED, "fresh": ej.FRESH,
            "final": ej.FINAL, "v4": ej.V4, "v5": ej.V5, "v6": ej.V6}[sample]


def raw_pipeline():
    """The default pipeline with the events of events.cameo.v5 (v4's, and a titled person as
    source) carrying the coder's raw scores: what the learned confidence reads."""
    from khabar.api import load_pipeline
    from khabar.config import PipelineConfig, load_config
    from khabar.stages.events import STAGE_V4, main_events

    defaults = load_config()
    stages = tuple((name, options) for name, options in defaults.stages
                   if not name.startswith("events.cameo."))
    base = load_pipeline(PipelineConfig(stages, defaults.policy, defaults.extra), policy="record")
    raw = main_events(STAGE_V4, calibrated=False, role_sources=True)

    def analyzed(page):
        doc = base(page)
        return raw(doc) if doc.status == "ok" else doc

    return analyzed


def gather(samples: tuple[str, ...]) -> dict[str, Gathered]:
    """Each sample's judged events matched to the current pipeline's events, with features."""
    from eval.events_judged import analyze, text_hash
    from eval.quotes_corpus import load_articles
    from khabar.events.calibration import Calibration, event_kind
    from khabar.events.coder import EventCoder
    from khabar.events.main import PATTERN_FILES

    pipeline, table = raw_pipeline(), Calibration.load("calibration-v4.tsv")
    verbs = EventCoder(pattern_files=PATTERN_FILES)
    rows_of = {s: [json.loads(line) for line in sample_path(s).read_text(encoding="utf-8")
                   .splitlines() if line.strip()] for s in samples}
    articles = load_articles({r["corpus"] for rows in rows_of.values() for r in rows})
    found: dict[str, Gathered] = {}
    for sample, rows in rows_of.items():
        labels = {(r["corpus"], r["id"], *r["trigger"], r["cameo"], r["source_code"]):
                  r["label"] == "right" for r in rows}
        events, changed = [], 0
        for key in dict.fromkeys((r["corpus"], r["id"]) for r in rows):
            doc = analyze(pipeline, articles[key])
            if text_hash(doc.text) != next(r["sha256"] for r in rows if (r["corpus"], r["id"]) == key):
                changed += 1
                continue
            for event in doc.events:
                code = event.source.code if event.source else None
                label = labels.get((*key, event.trigger.start, event.trigger.end, event.cameo, code))
                if label is None:
                    continue
                features = event_features(doc, event, verbs.trigger_is_verb(doc, event.trigger),
                                          len(doc.events))
                events.append(Labelled(sample, features, label,
                                       table.value(event_kind(event), event.confidence) or 0.5))
        found[sample] = Gathered(events, len(rows), changed)
    return found


def design(events: list[Labelled], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(events), len(names)))
    for row, event in enumerate(events):
        for name, value in event.features.items():
            if name in column:
                x[row, column[name]] = value
    return x, np.array([e.right for e in events], dtype=float)


def feature_names(events: list[Labelled]) -> list[str]:
    return sorted({name for e in events for name in e.features})


def group(name: str) -> str:
    """A feature's group: `root=19` -> `root`."""
    return name.split("=")[0]


def only(by_sample: dict[str, list[Labelled]], groups: set[str]) -> dict[str, list[Labelled]]:
    return {s: [dataclasses.replace(e, features={k: v for k, v in e.features.items()
                                                 if group(k) in groups}) for e in events]
            for s, events in by_sample.items()}


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """Logistic regression with an L2 penalty on the weights (not on the intercept)."""
    return fit_logistic(x, y, penalty, iterations=100, tolerance=1e-8)


def predict(x: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    """As ConfidenceModel.confidence: rounded to two places, kept in [0.01, 0.99]."""
    p = 1.0 / (1.0 + np.exp(-(x @ weights + intercept)))
    return np.clip(np.round(p, 2), 0.01, 0.99)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def leave_one_out(by_sample: dict[str, list[Labelled]], penalty: float
                  ) -> dict[str, tuple[float, float, int]]:
    """Per held-out tuning sample: (model log-loss fitted on the others, table log-loss, n)."""
    result = {}
    for held in by_sample:
        train = [e for s, events in by_sample.items() if s != held for e in events]
        names = feature_names(train)
        weights, intercept = fit(*design(train, names), penalty)
        x, y = design(by_sample[held], names)
        table = np.array([e.table for e in by_sample[held]])
        result[held] = (log_loss(predict(x, weights, intercept), y), log_loss(table, y), len(y))
    return result


def pooled(losses: dict[str, tuple[float, float, int]]) -> float:
    """The model's log-loss over all held-out events (each sample weighted by its size)."""
    return sum(m * n for m, _, n in losses.values()) / sum(n for _, _, n in losses.values())


def select(by_sample: dict[str, list[Labelled]]) -> tuple[set[str], float, list[str]]:
    """Feature groups and penalty by backward elimination on the leave-one-sample-out
    log-loss: the group whose removal saves most goes while it saves at least MIN_GAIN."""
    def best(groups: set[str]) -> tuple[float, float]:
        trials = {p: pooled(leave_one_out(only(by_sample, groups), p)) for p in PENALTIES}
        penalty = min(trials, key=lambda p: (round(trials[p], 4), -p))
        return trials[penalty], penalty

    groups = {group(n) for events in by_sample.values() for e in events for n in e.features}
    loss, penalty = best(groups)
    path = [f"all {len(groups)} groups: {loss:.4f} (penalty {penalty})"]
    while len(groups) > 1:
        trials = {g: best(groups - {g}) for g in sorted(groups)}
        dropped = min(trials, key=lambda g: trials[g][0])
        if loss - trials[dropped][0] < MIN_GAIN:
            break
        groups.discard(dropped)
        loss, penalty = trials[dropped]
        path.append(f"without {dropped}: {loss:.4f} (penalty {penalty})")
    return groups, penalty, path


def level_shift(x: np.ndarray, weights: np.ndarray, intercept: float, level: float) -> float:
    """The amount added to the intercept that brings the mean probability to `level`."""
    low, high = -5.0, 5.0
    for _ in range(60):
        mid = (low + high) / 2
        mean = float(np.mean(1.0 / (1.0 + np.exp(-(x @ weights + intercept + mid)))))
        low, high = (mid, high) if mean < level else (low, mid)
    return (low + high) / 2


def train(gathered: dict[str, Gathered]) -> dict:
    by_sample = {s: gathered[s].events for s in TUNING}
    groups, penalty, path = select(by_sample)
    chosen = only(by_sample, groups)
    events = [e for s in TUNING for e in chosen[s]]
    names = feature_names(events)
    x, y = design(events, names)
    weights, intercept = fit(x, y, penalty)
    shift = level_shift(x, weights, intercept, LEVEL)
    return {
        "model": "logistic regression on khabar.events.confidence_model.event_features",
        "trained": dt.date.today().isoformat(),
        "recipe": "python -m train.events.train_confidence --write",
        "samples": {s: {"judged": g.judged, "matched": len(g.events),
                        "right": sum(e.right for e in g.events),
                        "changed_articles": g.changed_articles} for s, g in gathered.items()},
        "groups": sorted(groups),
        "selection": path,
        "penalty": penalty,
        "level": {"target": LEVEL, "share_right_in_training": round(float(y.mean()), 4),
                  "intercept_shift": round(shift, 4)},
        "intercept": round(intercept + shift, 4),
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights) if abs(w) >= 5e-5},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the model into the package")
    args = parser.parse_args(argv)
    from eval.quotes_corpus import DATA

    if not DATA.is_dir():
        print(f"corpora not found at {DATA}; they live in ../shared/data", file=sys.stderr)
        return 2
    card = train(gather(TUNING))
    print(json.dumps({k: v for k, v in card.items() if k != "weights"}, indent=1))
    top = sorted(card["weights"].items(), key=lambda kv: -abs(kv[1]))[:15]
    print("largest weights:", ", ".join(f"{n} {w:+.2f}" for n, w in top))
    if args.write:
        OUT.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

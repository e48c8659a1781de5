"""Train the protest/assault sentence classifier (khabar.events.classifier).

    pip install -e ".[train]"
    python -m train.events.train_classifier            # writes khabar/models/events/

Reads the OEDA Arabic event gold standard from ../shared/data/events/arabic-event-gsr (MIT) at
training time only; the artifact holds hashed weights, no text. The split is the one of
`python -m eval.events`: per file, the rows labelled `yes`, `easy no` or `difficult no`, in
file order; the first half is the development part, the second half is held out. Everything
here (model choice, hyper-parameters, thresholds) is decided by cross-validation on the
development part of both files; the held-out part is scored once, for the report.

Training rows, per category (one model each, from its own file): development rows (`yes`
positive, `easy no` / `difficult no` negative) plus, when the ambiguous weight chosen by
cross-validation is > 0, the `ambiguous` rows that lie before the held-out part of the file
with accept/total >= 2/3, as positives with that sample weight. Features
(khabar.events.classifier): TF-IDF of hashed character 2-5-grams inside words (idf per hash
bucket from the training rows, buckets seen in fewer than two rows dropped) and the lexicon
coder's event features. (A joint model over both files, with shared and per-category feature
copies, scored lower in cross-validation and was dropped.)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.events import EventCoder
from khabar.events.classifier import (
    CATEGORIES, DENSE_BLOCKS, MODEL_NAME, Features, bucket, sentence_features, vector)

REPO = Path(__file__).resolve().parents[2]
GSR = REPO / ".." / "shared" / "data" / "events" / "arabic-event-gsr"
OUT = REPO / "khabar" / "models" / "events"
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}


@dataclass
class Row:
    category: str
    part: str  # "dev", "held-out", "ambiguous-dev"
    gold: bool
    weight: float
    features: Features
    # Dense extra feature families (train/events/extra_features.py), experiments only.
    extra: dict[str, np.ndarray] = field(default_factory=dict)


def load_rows(coder: EventCoder, families: Sequence[str] = ()) -> list[Row]:
    """Every usable row of both files, with its features (the coder runs on each) and the
    extra feature `families` asked for."""
    if families:
        from train.events.extra_features import extra_features
    rows: list[Row] = []
    for category in CATEGORIES:
        with (GSR / f"{category.lower()}_gsr.csv").open(encoding="utf-8") as handle:
            records = list(csv.DictReader(handle))
        labelled = [i for i, r in enumerate(records) if r["label"] in POSITIVE | NEGATIVE]
        boundary = labelled[len(labelled) // 2]  # file index of the first held-out row
        for i, record in enumerate(records):
            label = record["label"]
            text = record["text"]
            doc = Document(id="gsr", text=text,
                           sentences=tuple(Sentence(s, e) for s, e in split_sentences(text)))
            if label in POSITIVE | NEGATIVE:
                part = "dev" if i < boundary else "held-out"
                gold = label in POSITIVE
            elif label == "ambiguous" and i < boundary:
                accept, total = int(record["accept"] or 0), int(record["total"] or 0)
                if not total or accept / total < 2 / 3:
                    continue
                part, gold = "ambiguous-dev", True
            else:
                continue
            events = coder(doc)
            rows.append(Row(category, part, gold, 1.0,
                            sentence_features(text, events, category),
                            extra_features(text, events, category, 0, families)
                            if families else {}))
    return rows


def idf_of(rows: list[Row], size: int, min_df: int = 2) -> np.ndarray:
    """Smoothed idf per hash bucket (scikit-learn's formula); 0 for buckets below min_df."""
    df = np.zeros(size)
    for row in rows:
        df[list({bucket("c:" + g, size) for g in row.features.grams})] += 1
    idf = np.log((1 + len(rows)) / (1 + df)) + 1
    idf[df < min_df] = 0.0
    return idf


def matrix(rows: list[Row], idf: np.ndarray,
           extra: dict[str, float] | None = None) -> sparse.csr_matrix:
    """The hashed features, then the `extra` families' dense blocks, each times its scale."""
    data, indices, indptr = [], [], [0]
    for row in rows:
        index, value = vector(row.features, idf)
        indices.extend(index.tolist())
        data.extend(value.tolist())
        indptr.append(len(indices))
    hashed = sparse.csr_matrix((np.array(data, dtype=np.float64), indices, indptr),
                               shape=(len(rows), idf.shape[0]))
    if not extra:
        return hashed
    blocks = [sparse.csr_matrix(np.array([row.extra[name] for row in rows]) * scale)
              for name, scale in extra.items()]
    return sparse.hstack([hashed, *blocks], format="csr")


def fit(x, y, w, c: float) -> LogisticRegression:
    # The hashed bias features carry the intercept per category; keep sklearn's too.
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000,
                               random_state=0)
    model.fit(x, y, sample_weight=w)
    return model


def precision_recall(gold: np.ndarray, scores: np.ndarray, threshold: float):
    predicted = scores >= threshold
    tp = int((predicted & gold).sum())
    fp = int((predicted & ~gold).sum())
    fn = int((~predicted & gold).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def best_threshold(gold: np.ndarray, scores: np.ndarray) -> float:
    """The threshold with the best F1 (ties: the higher threshold)."""
    candidates = np.unique(scores)
    return float(max(candidates, key=lambda t: (precision_recall(gold, scores, t)[2], t)))


def out_of_fold(dev: list[Row], extra: list[Row], size: int, c: float, ambiguous: float,
                folds: int = 5, seed: int = 13,
                families: dict[str, float] | None = None) -> np.ndarray:
    """Cross-validated scores of the development rows (ambiguous rows train, never score).

    The idf is refit inside each fold, on that fold's training rows only.
    """
    extra = extra if ambiguous > 0 else []
    y = np.array([r.gold for r in dev])
    scores = np.zeros(len(dev))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(dev, y):
        rows = [dev[i] for i in train] + extra
        idf = idf_of(rows, size)
        w = np.array([1.0] * len(train) + [ambiguous] * len(extra))
        model = fit(matrix(rows, idf, families), np.array([r.gold for r in rows]), w, c)
        scores[test] = model.predict_proba(matrix([dev[i] for i in test], idf, families))[:, 1]
    return scores


def scored(gold: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    p, r, f1, tp, fp, fn = precision_recall(gold, scores, threshold)
    return {"threshold": round(float(threshold), 4), "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def _precision_at(gold: np.ndarray, scores: np.ndarray, recall: float) -> float:
    """The best precision over thresholds whose recall is at least `recall`."""
    found = [precision_recall(gold, scores, t) for t in np.unique(scores)]
    return round(max((p for p, r, *_ in found if r >= recall), default=0.0), 3)


def average_precision(gold: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score

    return round(float(average_precision_score(gold, scores)), 3)


def compare(rows: list[Row], size: int, configs: dict[str, dict[str, float]],
            cs: list[float], ambiguous: float, seeds: list[int]) -> dict:
    """Out-of-fold ranking of each feature configuration on the development part only: the
    best precision at recall >= 0.6 and the average precision, per category, C and fold seed.
    The held-out part is not touched."""
    report: dict = {}
    for category in CATEGORIES:
        dev = [r for r in rows if r.category == category and r.part == "dev"]
        extra = [r for r in rows if r.category == category and r.part == "ambiguous-dev"]
        gold = np.array([r.gold for r in dev])
        for name, families in configs.items():
            for c in cs:
                found = []
                for seed in seeds:
                    s = out_of_fold(dev, extra, size, c, ambiguous, seed=seed,
                                    families=families)
                    found.append({"seed": seed, "p_at_r60": _precision_at(gold, s, 0.6),
                                  "ap": average_precision(gold, s)})
                mean = {k: round(float(np.mean([f[k] for f in found])), 3)
                        for k in ("p_at_r60", "ap")}
                report.setdefault(category, {}).setdefault(name, {})[str(c)] = {
                    "mean": mean, "seeds": found}
                print(category, name, f"C={c}", json.dumps(mean),
                      " ".join(f"{f['p_at_r60']:.3f}/{f['ap']:.3f}" for f in found),
                      file=sys.stderr, flush=True)
    return report


def train_category(rows: list[Row], category: str, size: int, cs: list[float],
                   ambiguous_weights: list[float], dense: Sequence[str] = (),
                   held_out: bool = True) -> dict:
    """Choose C and the ambiguous weight by dev cross-validation, fit on dev, score held-out
    (unless `held_out` is false: then its rows are not scored and its results are None)."""
    dev = [r for r in rows if r.category == category and r.part == "dev"]
    extra = [r for r in rows if r.category == category and r.part == "ambiguous-dev"]
    held = [r for r in rows if r.category == category and r.part == "held-out"] if held_out else []
    gold = np.array([r.gold for r in dev])
    families = dict.fromkeys(dense, 1.0)
    trials = []
    oof = {}
    for c in cs:
        for amb in ambiguous_weights:
            s = oof[(c, amb)] = out_of_fold(dev, extra, size, c, amb, families=families)
            trial = {"C": c, "ambiguous_weight": amb, **scored(gold, s, best_threshold(gold, s))}
            trials.append(trial)
            print(category, json.dumps(trial), file=sys.stderr)
    best = max(trials, key=lambda t: (t["f1"], t["precision"]))
    c, amb = best["C"], best["ambiguous_weight"]
    dev_scores = oof[(c, amb)]
    train = dev + (extra if amb > 0 else [])
    idf = idf_of(train, size)
    w = np.array([1.0] * len(dev) + [amb] * (len(train) - len(dev)))
    model = fit(matrix(train, idf, families), np.array([r.gold for r in train]), w, c)
    held_scores = model.predict_proba(matrix(held, idf, families))[:, 1] if held else None
    held_gold = np.array([r.gold for r in held])
    result = {
        "rows": {"dev": len(dev), "dev_positive": int(gold.sum()),
                 "ambiguous_dev_positive": len(extra) if amb > 0 else 0,
                 "held_out": len(held), "held_out_positive": int(held_gold.sum())},
        "C": c, "ambiguous_weight": amb, "cross_validation": trials,
        "dev_cv": {k: best[k] for k in ("threshold", "precision", "recall", "f1", "tp", "fp",
                                        "fn")},
        "held_out": scored(held_gold, held_scores, best["threshold"]) if held else None,
        # Diagnostic only, never used to choose anything: how well the held-out rows are
        # ranked, i.e. the best precision any threshold would give at recall >= 0.6 there.
        "held_out_precision_at_recall_0.6_oracle":
            _precision_at(held_gold, held_scores, 0.6) if held else None,
        "dev_cv_precision_at_recall_0.6": _precision_at(gold, dev_scores, 0.6),
    }
    if held:
        print(category, "held-out", json.dumps(result["held_out"]), file=sys.stderr)
    return {"result": result, "idf": idf, "weights": model.coef_[0][:size],
            "dense": model.coef_[0][size:],
            "intercept": float(model.intercept_[0]), "threshold": best["threshold"]}


FAMILY_OF = {"sentence_vector": "vectors", "window_vector": "vectors",
             "trigger_vector": "vectors", "entities": "entities", "measures": "measures"}


def _config(name: str) -> dict[str, float]:
    """'base' -> {}; 'window_vector*0.5+entities' -> {'window_vector': 0.5, 'entities': 1.0}."""
    if name == "base":
        return {}
    blocks = {}
    for part in name.split("+"):
        block, _, scale = part.partition("*")
        if block not in FAMILY_OF:
            raise SystemExit(f"unknown feature block {block!r}; known: {sorted(FAMILY_OF)}")
        blocks[block] = float(scale or 1.0)
    return blocks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bits", type=int, default=18, help="hash space: 2**bits buckets")
    parser.add_argument("--c", type=float, nargs="+", default=[3.0, 10.0])
    parser.add_argument("--ambiguous-weight", type=float, nargs="+", default=[0.0, 0.5])
    parser.add_argument("--dense", nargs="*", default=[], choices=DENSE_BLOCKS,
                        help="dense blocks after the hashed features (khabar.events.classifier."
                             "DENSE_BLOCKS; measured, not shipped: docs/events-classifier.md); "
                             "the shipped model has none")
    parser.add_argument("--write", action="store_true", help="write the artifact")
    parser.add_argument("--no-held-out", action="store_true",
                        help="do not score the held-out half (while choosing settings, so that "
                             "no held-out number is seen); not with --write")
    parser.add_argument("--compare", nargs="+", metavar="CONFIG",
                        help="instead of training, compare the out-of-fold ranking (dev only) "
                             "of feature configurations: 'base' or '+'-joined blocks of "
                             "train/events/extra_features.py with an optional '*scale', e.g. "
                             "sentence_vector*0.5+entities")
    parser.add_argument("--seeds", type=int, nargs="+", default=[13, 1, 2],
                        help="fold seeds for --compare")
    parser.add_argument("--compare-out", type=Path, help="write the --compare report (JSON)")
    args = parser.parse_args(argv)
    if not GSR.is_dir():
        print(f"gold standard not found at {GSR}; it lives in ../shared/data", file=sys.stderr)
        return 2
    size = 2 ** args.bits
    if args.compare:
        configs = {name: _config(name) for name in args.compare}
        families = sorted({FAMILY_OF[block] for config in configs.values() for block in config})
        rows = load_rows(EventCoder(), families)
        report = compare(rows, size, configs, args.c, max(args.ambiguous_weight), args.seeds)
        if args.compare_out:
            args.compare_out.write_text(json.dumps(report, indent=1) + "\n")
        return 0
    if args.write and args.no_held_out:
        parser.error("--write records the held-out scores in training.json: drop --no-held-out")
    dense = [block for block in DENSE_BLOCKS if block in args.dense]  # the run-time order
    rows = load_rows(EventCoder(), sorted({FAMILY_OF[block] for block in dense}))
    trained = {category: train_category(rows, category, size, args.c, args.ambiguous_weight,
                                        dense, held_out=not args.no_held_out)
               for category in CATEGORIES}
    if args.write:
        OUT.mkdir(parents=True, exist_ok=True)
        arrays = {}
        for category, t in trained.items():
            arrays[f"{category}_idf"] = t["idf"].astype(np.float16)
            arrays[f"{category}_weights"] = t["weights"].astype(np.float16)
            if dense:
                arrays[f"{category}_dense"] = t["dense"].astype(np.float32)
        np.savez_compressed(OUT / f"{MODEL_NAME}.npz", **arrays)
        meta = {"bits": args.bits, "dense_blocks": dense, "models": {
            category: {"intercept": round(t["intercept"], 6), "threshold": t["threshold"]}
            for category, t in trained.items()}}
        (OUT / f"{MODEL_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n")
        recipe = {
            "date": dt.date.today().isoformat(),
            "data": "OEDA arabic_event_gsr (MIT): protest_gsr.csv for PROTEST, assault_gsr.csv "
                    "for ASSAULT",
            "split": "per file, rows labelled yes / easy no / difficult no in file order; first "
                     "half = dev (training and 5-fold cross-validation), second half = held-out "
                     "(scored once for the report, never used to choose anything)",
            "positives": "label yes; ambiguous rows before the held-out part with accept/total "
                         ">= 2/3 as positives with the chosen sample weight (training only)",
            "features": "TF-IDF (tf = 1 + ln count, smoothed idf per hash bucket, min_df 2, l2) "
                        "of character 2-5-grams inside folded words, hashed with CRC-32 into "
                        f"2**{args.bits} buckets; lexicon-coder features"
                        + (f"; dense blocks {', '.join(dense)} (l2-normalized mean PPMI-SVD "
                           "word vectors of khabar/models/ner/neural.npz, date/quantity cues)"
                           if dense else "") + " (see khabar/events/classifier.py)",
            "model": "logistic regression, liblinear, L2, class_weight=balanced; C and the "
                     "ambiguous weight chosen by mean out-of-fold F1 on dev",
            "threshold_rule": "best F1 of out-of-fold dev scores",
            "categories": {category: t["result"] for category, t in trained.items()},
        }
        (OUT / "training.json").write_text(
            json.dumps(recipe, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the sentence-vector filter of protest and assault events (khabar.events.sentence_filter).

    pip install -e ".[vectors]"
    python -m train.events.train_vector_filter --reading encoder --write
    python -m train.events.train_vector_filter --reading subwords --write

Reads the OEDA Arabic event gold standard from ../shared/data/events/arabic-event-gsr (MIT) at
training time only; the artifact holds 512 weights per category, no text. The split is the one
of `python -m eval.events`: per file, rows labelled `yes`, `easy no` or `difficult no`, in file
order; the first half is the development part, the only one read here.

Per category (one model each, from its own file): an L2-regularized logistic regression on the
sentence vector, classes weighted to balance, fitted by Newton's method (NumPy only). The
regularization is the one with the best 5-fold out-of-fold ranking (AUC) over the development
rows. The threshold is then chosen on the out-of-fold scores of the development rows where the
lexicon coder, without the sentence classifier and keeping events without a source, finds a
candidate of the category: the lowest threshold whose precision there reaches TARGET_PRECISION.
(The shipped sentence classifier was trained on these rows, so candidates that passed it would
look far cleaner than unseen ones.) When no threshold reaches it, the category is not judged
(threshold 0): the filter would cost recall without reaching the precision asked for.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

from khabar.events.sentence_filter import CATEGORIES, MODEL_NAME, READINGS, SentenceVectors
from train.events.logistic import fit_logistic

REPO = Path(__file__).resolve().parents[2]
GSR = REPO / ".." / "shared" / "data" / "events" / "arabic-event-gsr"
OUT = REPO / "khabar" / "models" / "event_filter"
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
PENALTIES = (0.3, 1.0, 3.0)
FOLDS = 5
TARGET_PRECISION = 0.72  # the issue asks 0.70; a little margin for unseen sentences
# The candidates the threshold is chosen on: the lexicon coder alone, sourceless events kept.
CANDIDATE_STAGE = ("events.cameo.v3", {"classifier": False, "require_source": False})


def development_rows(category: str) -> list[tuple[str, bool]]:
    with (GSR / f"{category.lower()}_gsr.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["label"] in POSITIVE | NEGATIVE]
    return [(r["text"], r["label"] in POSITIVE) for r in rows[:len(rows) // 2]]


def fit(vectors: np.ndarray, gold: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """Balanced-class logistic regression with an L2 penalty (not on the intercept)."""
    share = gold.mean()
    weight = np.where(gold, 0.5 / share, 0.5 / (1 - share))
    return fit_logistic(vectors, gold, penalty, weight, iterations=50, tolerance=1e-7)


def probability(vectors: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(vectors @ weights + intercept)))


def out_of_fold(vectors: np.ndarray, gold: np.ndarray, penalty: float) -> np.ndarray:
    folds = np.arange(len(gold)) % FOLDS  # file order, interleaved: each fold spans the file
    scores = np.zeros(len(gold))
    for fold in range(FOLDS):
        weights, intercept = fit(vectors[folds != fold], gold[folds != fold], penalty)
        scores[folds == fold] = probability(vectors[folds == fold], weights, intercept)
    return scores


def auc(scores: np.ndarray, gold: np.ndarray) -> float:
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    positives = int(gold.sum())
    return float((ranks[gold].sum() - positives * (positives + 1) / 2)
                 / (positives * (len(gold) - positives)))


def counts(kept: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    tp, fp = int((kept & gold).sum()), int((kept & ~gold).sum())
    fn = int((~kept & gold).sum())
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / max(tp + fp, 1), 3),
            "recall": round(tp / max(tp + fn, 1), 3)}


def threshold(scores: np.ndarray, gold: np.ndarray, candidate: np.ndarray) -> float:
    """The lowest threshold whose precision on the candidates reaches TARGET_PRECISION; 0 if none."""
    for step in range(1, 100):
        t = step / 100
        kept = candidate & (scores >= t)
        if kept.sum() >= 10 and (kept & gold).sum() / kept.sum() >= TARGET_PRECISION:
            return t
    return 0.0


def candidates(texts: list[str], category: str) -> np.ndarray:
    """Whether the candidate coder finds an event of the category in each sentence."""
    from khabar.api import load_pipeline
    from khabar.config import PipelineConfig, load_config
    from khabar.document import Document, Paragraph

    defaults = load_config()
    stages = tuple(CANDIDATE_STAGE if name.startswith("events.") else (name, options)
                   for name, options in defaults.stages)
    pipeline = load_pipeline(PipelineConfig(stages, defaults.policy, defaults.extra), policy="raise")
    found = []
    for text in texts:
        doc = pipeline.run_document(Document(id="gsr", text=text, paragraphs=(Paragraph(0, len(text)),)))
        found.append(any(e.plover == category for e in doc.events))
    return np.array(found)


def train(reading: str) -> tuple[dict, dict[str, np.ndarray]]:
    vectors_of = SentenceVectors(reading)
    card: dict = {"reading": reading, "trained": dt.date.today().isoformat(),
                  "target_precision": TARGET_PRECISION, "candidate_stage": list(CANDIDATE_STAGE),
                  "categories": {}}
    arrays: dict[str, np.ndarray] = {}
    for category in CATEGORIES:
        rows = development_rows(category)
        texts = [text for text, _ in rows]
        gold = np.array([label for _, label in rows])
        vectors = vectors_of(texts).astype(np.float64)
        ranking = {p: auc(out_of_fold(vectors, gold, p), gold) for p in PENALTIES}
        penalty = max(PENALTIES, key=lambda p: (ranking[p], p))
        scores = out_of_fold(vectors, gold, penalty)
        candidate = candidates(texts, category)
        cut = threshold(scores, gold, candidate)
        weights, intercept = fit(vectors, gold, penalty)
        arrays[f"{category}_weights"] = weights.astype(np.float32)
        card["categories"][category] = {
            "rows": len(rows), "positives": int(gold.sum()), "penalty": penalty,
            "dev_cv_auc": {str(p): round(a, 3) for p, a in ranking.items()},
            "intercept": intercept, "threshold": cut,
            "dev_cv_candidates": counts(candidate, gold),
            "dev_cv_filtered": counts(candidate & (scores >= cut), gold),
        }
        print(category, json.dumps(card["categories"][category]), flush=True)
    return card, arrays


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reading", choices=READINGS, default="encoder")
    parser.add_argument("--write", action="store_true", help="write the model into the package")
    args = parser.parse_args(argv)
    if not GSR.is_dir():
        print(f"gold standard not found at {GSR}; it lives in ../shared/data", file=sys.stderr)
        return 2
    card, arrays = train(args.reading)
    if args.write:
        stem = OUT / f"{MODEL_NAME}_{args.reading}"
        np.savez_compressed(stem.with_suffix(".npz"), **arrays)
        stem.with_suffix(".json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {stem}.npz and .json")
    return 0


if __name__ == "__main__":
    sys.exit(main())

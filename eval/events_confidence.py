"""The learned event confidence against events.cameo.v4's table, on the never-read v5 sample.

    python -m eval.events_confidence
    python -m eval.events_confidence --set v6   # the sample drawn after the model was shipped

The model (khabar/models/events/event_confidence.json, `python -m train.events.train_confidence`)
was fitted on the judged samples that are tuning data; the v5 sample (eval/events_judged_v5.jsonl)
was not used, so it measures. Both confidences are read on the same events: those of the
current default pipeline that match a judged v5 row (trigger, CAMEO code, source code), the
table's from calibration-v4.tsv on the coder's raw score, the model's from the same events'
features. Printed, for v5: log-loss of each, their reliability tables (eval.stats), and the
precision / volume curve (events kept at confidence >= t, judged precision with its Wilson 95%
interval). The shipped model's intercept was moved to the share of right events last measured on never-read
news (train/events/train_confidence.py, LEVEL); the model without that move is shown too. Then
leave one tuning sample out: the model fitted on the other four (the shipped feature groups and
penalty) scored on the fifth, beside the table, which was fitted on all five (in-sample for it).
Only counts and shares are printed: the v5 sample's events are not shown.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

import numpy as np

from eval.quotes_corpus import DATA
from eval.stats import reliability_table, wilson

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def curve(confidences: list[float], right: list[bool]) -> list[str]:
    lines = ["| t | kept | right | precision | Wilson 95% |", "|---:|---:|---:|---:|---|"]
    for t in THRESHOLDS:
        kept = [r for c, r in zip(confidences, right) if c >= t]
        low, high = wilson(sum(kept), len(kept))
        precision = f"{sum(kept) / len(kept):.3f}" if kept else "-"
        lines.append(f"| {t:.2f} | {len(kept)} | {sum(kept)} | {precision} | "
                     f"{low:.3f} – {high:.3f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("v5", "v6"), default="v5",
                        help="the judged sample to score (v6: judged after the model was shipped "
                             "and its floor chosen on v5)")
    args = parser.parse_args(argv)
    which = args.set
    if not DATA.is_dir():
        print(f"skipped: the corpora are not available ({DATA} is missing)")
        return 0
    from khabar.events.confidence_model import ConfidenceModel
    from train.events.train_confidence import TUNING, gather, leave_one_out, log_loss, only

    model, card = ConfidenceModel.load(), _card()
    unshifted = dataclasses.replace(
        model, intercept=model.intercept - card["level"]["intercept_shift"])
    gathered = gather(TUNING + (which,))
    v5 = gathered[which]
    right = [e.right for e in v5.events]
    rows = {"table (calibration-v4.tsv)": [e.table for e in v5.events],
            "learned model (shipped)": [model.confidence(e.features) for e in v5.events],
            "learned model, intercept not moved": [unshifted.confidence(e.features)
                                                  for e in v5.events]}
    y = np.array(right, dtype=float)
    print(f"{which} sample: {v5.judged} judged rows, {len(v5.events)} matched events of the current "
          f"pipeline, {sum(right)} right ({v5.changed_articles} articles whose text changed)\n")
    print(f"| confidence | log-loss on {which} | Brier | AUC | mean confidence | share right |\n"
          "|---|---:|---:|---:|---:|---:|")
    for name, values in rows.items():
        p = np.array(values)
        print(f"| {name} | {log_loss(p, y):.4f} | {np.mean((p - y) ** 2):.4f} | "
              f"{auc(p, y):.3f} | {p.mean():.3f} | {y.mean():.3f} |")
    for name, values in rows.items():
        print(f"\nReliability on {which}, {name}:\n")
        print("\n".join(reliability_table(zip(values, right))))
        print(f"\nPrecision / volume on {which}, {name}:\n")
        print("\n".join(curve(values, right)))
    penalty, groups = card["penalty"], set(card["groups"])
    losses = leave_one_out(only({s: gathered[s].events for s in TUNING}, groups), penalty)
    print(f"\nLeave one tuning sample out (the shipped groups and penalty {penalty}, intercept "
          "not moved; the table is in-sample on all five):\n")
    print("| held-out sample | events | model log-loss | table log-loss |\n|---|---:|---:|---:|")
    for sample, (m, t, n) in losses.items():
        print(f"| {sample} | {n} | {m:.4f} | {t:.4f} |")
    return 0


def auc(scores: np.ndarray, right: np.ndarray) -> float:
    """The chance that a right event scores above a wrong one (ties count half)."""
    pos, neg = scores[right == 1], scores[right == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    above = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(above / (len(pos) * len(neg)))


def _card() -> dict:
    """The shipped model file: its groups, penalty and intercept shift."""
    from importlib import resources

    from khabar.events.confidence_model import MODEL_FILE, MODEL_PACKAGE

    return json.loads((resources.files(MODEL_PACKAGE) / MODEL_FILE).read_text(encoding="utf-8"))


if __name__ == "__main__":
    sys.exit(main())

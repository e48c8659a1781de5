"""Fit the calibration table of event confidence (khabar/events/data/calibration.tsv).

    python -m eval.events_calibrate            # print the reliability table
    python -m eval.events_calibrate --write    # also rewrite the shipped table
    python -m eval.events_calibrate --stage v3 --write   # events.cameo.v3's table
    python -m eval.events_calibrate --stage v4 --write   # events.cameo.v4's table

Labelled events come from development data only:
- the calibration sample of eval/events_judged.py (eval/events_calibration_judged.jsonl):
  events of unused news articles, judged right or wrong by the annotation guidelines, read
  while the rules were written and kept apart from the judged sample;
- the dev half of the blind news set (eval/quotes_events_gold.jsonl): an event is right when
  it matches a gold event (same CAMEO root, same source), wrong otherwise; gold lists the main
  events only, so these labels count some right events as wrong.
For events.cameo.v3 (`--stage v3`, table calibration-v3.tsv) the fresh judged sample
(eval/events_judged_fresh.jsonl) is used too: its errors were read while v3 was finished, so
it is development data; the final judged sample is not used, so it checks the table.
For events.cameo.v4 (`--stage v4`, table calibration-v4.tsv) every judged sample read so far
is used (the first judged sample, the fresh, the final and the v4 ones: their errors were read
while v4 was written and vetted); the v5 sample (eval/events_judged_v5.jsonl), drawn after,
checks the table.
The OEDA gold standard's development part is not used: it is the sentence classifier's
training data, on which its scores are far too sure (0.97 right there, about 0.5 held out).

Events are grouped by kind (violence, protest, speech act, other; source an entity, a country,
a group noun), each kind with enough events is cut at the median raw score, and each bin's
confidence is its share of right events with one right and one wrong added (Laplace), kept
monotone in the raw score. Kinds with few events use their category's row, then the row `*`.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from eval.quotes_corpus import DATA
from eval.stats import reliability_table
from khabar.events.calibration import event_kind

DATA_DIR = Path(__file__).resolve().parents[1] / "khabar" / "events" / "data"
TABLE = DATA_DIR / "calibration.tsv"
TABLE_V3 = DATA_DIR / "calibration-v3.tsv"
TABLE_V4 = DATA_DIR / "calibration-v4.tsv"
MIN_KIND = 20  # events a kind needs for rows of its own
HEADER = ("# Calibrated event confidence, written by python -m eval.events_calibrate"
          " (docs/events.md).\n# Columns: kind (what/source, what/*, or *)\tlowest raw score"
          "\tcalibrated confidence\n")

Labelled = list[tuple[str, float, bool]]  # (kind, raw confidence, right)


def judged_labels(stage, path: Path | None = None) -> Labelled:
    """A judged sample's events (the calibration sample unless `path`), with the raw score the
    stage gives them now."""
    import json

    from eval.events_judged import CALIBRATION, analyze
    from eval.quotes_corpus import load_articles
    from khabar import load_pipeline

    rows = [json.loads(line) for line in (path or CALIBRATION).read_text(
        encoding="utf-8").splitlines() if line.strip()]
    articles = load_articles({r["corpus"] for r in rows})
    pipeline = load_pipeline(policy="record")
    labels = {(r["corpus"], r["id"], r["trigger"][0], r["trigger"][1], r["cameo"],
               r["source_code"]): r["label"] == "right" for r in rows}
    found: Labelled = []
    for key in dict.fromkeys((r["corpus"], r["id"]) for r in rows):
        doc = stage(analyze(pipeline, articles[key]))
        for event in doc.events:
            code = event.source.code if event.source else None
            label = labels.get(key + (event.trigger.start, event.trigger.end, event.cameo, code))
            if label is not None:
                found.append((event_kind(event), event.confidence, label))
    return found


def news_labels(stage) -> Labelled:
    from eval.quotes_events_news import Alignment, _event_matches, load_articles, read_gold
    from khabar import load_pipeline
    from khabar.inputs import RawPage

    gold = [r for r in read_gold() if r["half"] == "dev"]
    articles = load_articles({r["corpus"] for r in gold})
    pipeline = load_pipeline(policy="record")
    found: Labelled = []
    for record in gold:
        article = articles[(record["corpus"], record["id"])]
        page = RawPage(article.text.encode("utf-8"), format="text", id=article.id,
                       title=article.title)
        doc = stage(pipeline(page))
        align = Alignment(article.text, doc.text)
        for event in doc.events:
            right = any(_event_matches(g, event, article, doc, align) for g in record["events"])
            found.append((event_kind(event), event.confidence, right))
    return found


def fit(labelled: Labelled) -> list[tuple[str, float, float]]:
    """Rows (kind, lowest raw score, confidence) for the kinds, categories and `*`."""
    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for kind, raw, right in labelled:
        groups[kind].append((raw, right))
        groups[kind.split("/")[0] + "/*"].append((raw, right))
        groups["*"].append((raw, right))
    rows = []
    for kind, items in sorted(groups.items()):
        if len(items) < MIN_KIND and kind != "*":
            continue
        items.sort()
        cut = items[len(items) // 2][0]
        low = [r for s, r in items if s < cut]
        high = [r for s, r in items if s >= cut]
        bins = [(cut, high), (0.0, low)] if len(low) >= MIN_KIND // 2 else [(0.0, items and
                                                                                [r for _, r in items])]
        rates = [(lowest, (sum(rs) + 1) / (len(rs) + 2)) for lowest, rs in bins if rs]
        if len(rates) == 2 and rates[1][1] > rates[0][1]:  # keep monotone: pool the two bins
            rates = [(0.0, (sum(r for _, r in items) + 1) / (len(items) + 2))]
        rows += [(kind, lowest, round(rate, 2)) for lowest, rate in rates]
    return rows


def reliability(labelled: Labelled, rows: list[tuple[str, float, float]]) -> str:
    """Calibrated confidence against the share of right events, in bins of 0.2."""
    from khabar.events.calibration import Calibration

    table = Calibration(tuple(sorted(rows, key=lambda r: (r[0], -r[1]))))
    return "\n".join(reliability_table((table.value(kind, raw), right) for kind, raw, right in labelled))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the shipped table")
    parser.add_argument("--stage", choices=("v2", "v3", "v4"), default="v2",
                        help="the events stage whose table to fit (default v2)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: the corpora are not available ({DATA})")
        return 0
    from eval.events_judged import FINAL, FRESH, JUDGED, V4
    from khabar.stages.events import make_events_main, make_events_settled, make_events_strict

    if args.stage == "v4":
        stage, table = make_events_main(calibrated=False), TABLE_V4
        labelled = (judged_labels(stage) + judged_labels(stage, JUDGED)
                    + judged_labels(stage, FRESH) + judged_labels(stage, FINAL)
                    + judged_labels(stage, V4) + news_labels(stage))
    elif args.stage == "v3":
        stage, table = make_events_strict(calibrated=False), TABLE_V3
        labelled = judged_labels(stage) + judged_labels(stage, FRESH) + news_labels(stage)
    else:
        stage, table = make_events_settled(calibrated=False), TABLE
        labelled = judged_labels(stage) + news_labels(stage)
    rows = fit(labelled)
    sources = {"v4": "calibration and the four judged samples",
               "v3": "calibration and fresh samples"}.get(args.stage, "calibration sample")
    print(f"{len(labelled)} labelled events ({sources} + blind news dev half)\n")
    print("\n".join(f"{k}\t{lo}\t{v}" for k, lo, v in rows) + "\n")
    print(reliability(labelled, rows))
    if args.write:
        table.write_text(HEADER + "".join(f"{k}\t{lo}\t{v}\n" for k, lo, v in rows),
                         encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

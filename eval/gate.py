"""The eval gate: every capability scored on a fixed, fast subset of the public sets in
../shared/data, against the floors in eval/floors.toml.

    python -m eval.gate            # measure every capability, print value and floor
    python -m eval.gate ner quotes # some of them

`tests/test_eval_gate.py` runs the same measures under `make test`, so a drop below a floor
fails CI while an improvement needs no change anywhere. The subsets are the first N items of
each set in its file order (no sampling), so a number moves only when khabar's output does.
Floors sit a little under the values measured when they were set: see eval/floors.toml for
what each subset is and docs/evaluation.md for the full-set numbers.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOORS = Path(__file__).with_name("floors.toml")


def load_floors() -> dict[str, dict]:
    """`capability -> {"subset": …, "data": …, metric: floor, …}` from eval/floors.toml."""
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))


def needed_data(capability: str) -> list[Path]:
    """The folders of ../shared/data the capability's subset lives in."""
    data = load_floors()[capability]["data"]
    return [DATA / folder for folder in ([data] if isinstance(data, str) else data)]


def ner(size: int) -> dict[str, float]:
    """Micro F1 (exact span and type) of the default NER stage's tagger, first `size` sentences
    of the ANERcorp CAMeL test split, with the article-level step (eval.ner)."""
    from eval.ner import DEFAULT_TEST, evaluate
    from khabar.config import load_config

    (name,) = [n for n, _options in load_config().stages if n.startswith("ner.")]
    overall = evaluate(DEFAULT_TEST, limit=size, neural=name.startswith("ner.neural.")).overall
    return {"f1": overall.f1 / 100, "precision": overall.precision / 100,
            "recall": overall.recall / 100}


def roles(size: int) -> dict[str, float]:
    """Title attachment by the default merge and roles stages (the gazetteer off, as in
    eval.roles) on Wojood's held-out splits, first `size` sentences."""
    from eval.roles import SPLITS, counts

    merge = default_stage("entities.merge.", gazetteer=False)
    hit_pred, predicted, hit_gold, gold = counts(SPLITS, merge, default_stage("entities.roles."),
                                                 limit=size)
    return {"precision": hit_pred / predicted, "recall": hit_gold / gold}


def measures(size: int) -> dict[str, float]:
    """Date and quantity spans on Wojood's held-out splits, first `size` sentences."""
    from eval.measures import HELD_OUT, score
    from khabar.stages.dates import make_dates
    from khabar.stages.quantities import make_quantities

    found = score(HELD_OUT, {"dates": make_dates(), "quantities": make_quantities()}, limit=size)
    result = {}
    for name, (hit_pred, predicted, hit_gold, gold) in found.items():
        result[f"{name}_precision"] = hit_pred / predicted
        result[f"{name}_recall"] = hit_gold / gold
    return result


def extraction(size: int) -> dict[str, float]:
    """Word 4-gram F1 of the article body, mean over the first `size` Scrapinghub pages."""
    from eval.extraction import khabar_text, prf
    from khabar.stages.read import Cleaner

    folder = DATA / "html-scrapinghub-aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    cleaner = Cleaner(min_arabic_share=0.0, min_chars=1)
    scores = []
    for key, item in sorted(gold.items())[:size]:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        scores.append(prf(khabar_text(cleaner, html, item.get("url"))[0], item["articleBody"]))
    return {name: sum(s[i] for s in scores) / len(scores)
            for i, name in enumerate(("precision", "recall", "f1"))}


def quotes(size: int) -> dict[str, float]:
    """Quote content P/R and speaker accuracy, the default stages from the reader to the quotes
    stage, over the first `size` articles of eval/quotes_gold.jsonl (as eval.quotes --pipeline
    full scores them)."""
    from eval.quotes import score
    from eval.quotes_corpus import load_articles
    from khabar.config import load_config
    from khabar.inputs import RawPage
    from khabar.pipeline import build_pipeline

    lines = (ROOT / "eval" / "quotes_gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    keys = list(dict.fromkeys((r["corpus"], r["id"]) for r in gold))[:size]
    gold = [r for r in gold if (r["corpus"], r["id"]) in keys]
    articles = load_articles({corpus for corpus, _ in keys}, DATA)
    stages = load_config().stages
    last = next(i for i, (name, _options) in enumerate(stages) if name.startswith("quotes."))
    pipeline = build_pipeline(stages[:last + 1], policy="raise")
    documents = {key: pipeline(RawPage(articles[key].text.encode("utf-8"), format="text",
                                       id=articles[key].id, title=articles[key].title))
                 for key in keys}
    totals = score(gold, documents, articles, False)
    return {"precision": totals["matched"] / totals["predicted"],
            "recall": totals["matched"] / totals["gold"],
            "speaker": totals["speaker_ok"] / totals["matched"]}


def events(size: int) -> dict[str, float]:
    """Sentence detection by the default pipeline (every stage after the reader, so the events
    stage has its entities and quotes) over the first `size` sentences of the held-out half of
    each OEDA GSR file (PROTEST, ASSAULT; gold as in eval.events)."""
    import csv

    from eval.events import CATEGORIES, GSR, NEGATIVE, POSITIVE, Counts, category_events
    from khabar.api import load_pipeline
    from khabar.document import Document, Paragraph

    pipeline = load_pipeline(policy="raise")

    def stage(text: str) -> Document:
        return pipeline.run_document(Document(id="gsr", text=text,
                                              paragraphs=(Paragraph(0, len(text)),)))

    result = {}
    for category in CATEGORIES:
        with (GSR / f"{category.lower()}_gsr.csv").open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["label"] in POSITIVE | NEGATIVE]
        counts = Counts()
        for row in rows[len(rows) // 2:][:size]:
            found = bool(category_events(stage(row["text"]).events, category))
            gold = row["label"] in POSITIVE
            counts.tp += found and gold
            counts.fp += found and not gold
            counts.fn += gold and not found
        result[f"{category.lower()}_precision"] = counts.precision
        result[f"{category.lower()}_recall"] = counts.recall
    return result


def stories(size: int) -> dict[str, float]:
    """Recall of edited copies (eval.stories recall): `size` SaudiNewsNet articles and an
    edited copy of each, among as many background articles, through `khabar ingest` with the
    reader and sentence stages (stories are built from the clean text, not from entities)."""
    from eval.corpora import saudinewsnet_records, write_jsonl
    from eval.stories import EDITS, edit
    from khabar.batch.ingest import ingest
    from khabar.config import PipelineConfig, load_config
    from khabar.store import open_store

    rng = random.Random(7)
    pool = [r for _, r in zip(range(4 * size), saudinewsnet_records())
            if len(r["text"]) > 400 and r.get("title")][:2 * size]
    originals = rng.sample(pool, size)
    copies = []
    for number, record in enumerate(originals):
        copy = edit(record, EDITS[number % len(EDITS)], rng)
        copy.update(source="copy", url=f"https://copy.example/{number}", id=f"copy-{number}")
        copies.append((record["url"], copy))
    defaults = load_config()
    light = PipelineConfig(tuple(s for s in defaults.stages if s[0].startswith(("clean.", "segment."))),
                           defaults.policy, defaults.extra)
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "a.jsonl", Path(folder) / "b.jsonl"
        write_jsonl(iter(pool), first)
        write_jsonl(iter(copy for _url, copy in copies), second)
        with open_store(Path(folder) / "gate.db") as store:
            ingest([str(first), str(second)], store, config=light)
            found = sum(store.story_id(copy["url"]) is not None
                        and store.story_id(copy["url"]) == store.story_id(url)
                        for url, copy in copies)
    return {"copy_recall": found / len(copies)}


def default_stage(prefix: str, **overrides) -> Callable:
    """The stage the default config names with this prefix, built with its options."""
    from khabar.config import load_config
    from khabar.pipeline import registered_stages

    name, options = next((n, o) for n, o in load_config().stages if n.startswith(prefix))
    return registered_stages()[name].factory(**{**options, **overrides})


def places(size: int) -> dict[str, float]:
    """Candidate coverage of the CAMeL test split's LOC mentions, and the precision of the first
    `size` judged place mentions of eval/places_judgments.jsonl (eval.places)."""
    from eval import places as scorer

    return {"coverage": scorer.coverage()["coverage"], "precision": scorer.precision(size)["precision"]}


def roles_news(size: int) -> dict[str, float]:
    """Roles of the first `size` judged persons of eval/roles_judged.jsonl (eval.roles_judged):
    the share right, and the share right of those the article gives a role."""
    from eval import roles_judged
    from khabar.api import load_pipeline

    counts = roles_judged.score(load_pipeline(), roles_judged.read_judged(size))
    total = counts["role"] + counts["none"]
    return {"right": (counts["role right"] + counts["none right"]) / total,
            "with_role_right": counts["role right"] / counts["role"]}


MEASURES: dict[str, Callable[[int], dict[str, float]]] = {
    "ner": ner, "roles": roles, "measures": measures, "extraction": extraction,
    "quotes": quotes, "events": events, "stories": stories, "places": places,
    "roles_news": roles_news,
}


def measure(capability: str) -> dict[str, float]:
    """The capability's metrics on its subset (the size comes from eval/floors.toml)."""
    return MEASURES[capability](load_floors()[capability]["size"])


def shortfalls(capability: str, values: dict[str, float]) -> list[str]:
    """Each metric under its floor, as `metric value < floor`."""
    floors = {k: v for k, v in load_floors()[capability].items() if isinstance(v, float)}
    return [f"{metric} {values[metric]:.3f} < floor {floor:.3f}"
            for metric, floor in sorted(floors.items()) if values[metric] < floor]


def main(argv: list[str]) -> int:
    if not DATA.is_dir():
        print(f"needs the shared data folder at {DATA}", file=sys.stderr)
        return 2
    failed = False
    floors = load_floors()
    for capability in argv or list(MEASURES):
        started = time.process_time()
        values = measure(capability)
        spent = time.process_time() - started
        for metric, value in sorted(values.items()):
            floor = floors[capability].get(metric)
            mark = "" if floor is None else f"  floor {floor:.3f}" + ("  BELOW" if value < floor else "")
            print(f"{capability:11} {metric:22} {value:.3f}{mark}")
        print(f"{capability:11} ({spent:.1f} s CPU)")
        failed |= bool(shortfalls(capability, values))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

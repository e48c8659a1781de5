"""Evaluate story detection: precision of linked pairs (hand-judged) and recall of edited copies.

    python eval/stories.py sample --db STORE [--n 120] [--seed 7]
        Prints a reproducible sample of linked pairs (article ids, outlets, days, titles, leads)
        to judge by reading; judgments go to eval/stories_judgments.jsonl as
        {"a": ID, "b": ID, "same": true|false} (ids only, never article text).
    python eval/stories.py precision --db STORE [--judgments eval/stories_judgments.jsonl]
        Precision of the judged links, overall and per link kind (near, story).
    python eval/stories.py recall [--n 300] [--background 1500] [--seed 7] [--engine sqlite|spark|both]
        Makes edited copies of SaudiNewsNet articles (dropped or added sentence, punctuation,
        diacritics, new title, boilerplate), ingests originals, copies and background articles
        into a fresh store and counts the copies that land in their original's story. With
        `--engine spark` the store is built by `khabar spark` (local[2]) + `khabar load-parquet`;
        `both` scores both and says whether their story groups are the same.

The store for `sample` is the one bench/ingest.py builds (SaudiNewsNet + ANT).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from eval.stats import wilson  # noqa: E402
from khabar.store import open_store  # noqa: E402

JUDGMENTS = HERE / "stories_judgments.jsonl"


def sample_links(store, n: int, seed: int) -> list[dict]:
    links = store.story_links()
    rng = random.Random(seed)
    return sorted(rng.sample(links, min(n, len(links))), key=lambda link: (link["doc"], link["linked"]))


def _lead(store, doc_id: str, size: int = 110) -> str:
    doc = store.get_document(doc_id)
    return " ".join(doc.text[:size].split())


def command_sample(args) -> None:
    with open_store(args.db) as store:
        for number, link in enumerate(sample_links(store, args.n, args.seed), start=1):
            a, b = store.get_document(link["doc"]), store.get_document(link["linked"])
            print(f"#{number} {link['kind']} {link['score']:.2f}  {a.id} {a.source.name} {a.published} | "
                  f"{b.id} {b.source.name} {b.published}")
            print(f"   A: {a.title} — {_lead(store, a.id)}")
            print(f"   B: {b.title} — {_lead(store, b.id)}")


def command_precision(args) -> None:
    judged = {}
    for line in Path(args.judgments).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            judged[(record["a"], record["b"])] = bool(record["same"])
    with open_store(args.db) as store:
        kinds = {(link["doc"], link["linked"]): link["kind"] for link in store.story_links()}
    counts: Counter = Counter()
    for pair, same in judged.items():
        kind = kinds.get(pair, "missing")
        for key in ("all", kind):
            counts[(key, "n")] += 1
            counts[(key, "ok")] += int(same)
    for key in ("all", "near", "story", "missing"):
        total = counts[(key, "n")]
        if total:
            low, high = wilson(counts[(key, "ok")], total)
            print(f"{key:8} {counts[(key, 'ok')]}/{total} = {counts[(key, 'ok')] / total:.3f} "
                  f"(95% CI {low:.2f}-{high:.2f})")


# -- recall on edited copies -----------------------------------------------------------------

BOILERPLATE = "تابعونا على مواقع التواصل الاجتماعي ولا تنسوا الاشتراك في نشرتنا البريدية اليومية."
ADDED = "وكانت الجهات المعنية قد أعلنت في وقت سابق عن متابعة الموضوع عن كثب."
_HARAKAT = "\u064e\u064f\u0650"


def _sentences(text: str) -> list[str]:
    from khabar.arabic import split_sentences

    return [text[s:e] for s, e in split_sentences(text)]


def edit(record: dict, kind: str, rng: random.Random) -> dict:
    """An edited copy of an article (one kind of edit), as another outlet would publish it."""
    text, title = record["text"], record["title"]
    parts = _sentences(text)
    if kind == "drop_sentence" and len(parts) > 3:
        parts.pop(rng.randrange(1, len(parts)))
        text = "\n".join(parts)
    elif kind == "add_sentence":
        parts.insert(rng.randrange(1, len(parts) + 1), ADDED)
        text = "\n".join(parts)
    elif kind == "punctuation":
        text = text.replace("،", ",").replace(".", " .").replace("«", '"').replace("»", '"')
    elif kind == "diacritics":
        words = text.split(" ")
        text = " ".join(w + rng.choice(_HARAKAT) if len(w) > 3 and rng.random() < 0.3 else w for w in words)
    elif kind == "title":
        title = "عاجل | " + " ".join(reversed(title.split()))
    elif kind == "boilerplate":
        text = text + "\n" + BOILERPLATE
    elif kind == "exact":
        pass
    return {**record, "text": text, "title": title}


EDITS = ("exact", "drop_sentence", "add_sentence", "punctuation", "diacritics", "title", "boilerplate")


def command_recall(args) -> None:
    from eval.corpora import saudinewsnet_records, write_jsonl

    rng = random.Random(args.seed)
    pool = [r for _, r in zip(range(args.background + args.n), saudinewsnet_records())
            if len(r["text"]) > 400 and r.get("title")]
    originals = rng.sample(pool, min(args.n, len(pool)))
    copies = []
    for number, record in enumerate(originals):
        kind = EDITS[number % len(EDITS)]
        copy = edit(record, kind, rng)
        copy.update(source=f"copy-{kind}", url=f"https://copy.example/{number}", id=f"copy-{number}")
        copies.append((kind, record["url"], copy))
    engines = ["sqlite", "spark"] if args.engine == "both" else [args.engine]
    groups = {}
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "inputs"
        inputs.mkdir()
        first, second = inputs / "a.jsonl", inputs / "b.jsonl"
        write_jsonl(iter(pool), first)
        write_jsonl(iter(copy for _kind, _url, copy in copies), second)
        for engine in engines:
            with open_store(Path(folder) / f"{engine}.db") as store:
                _build(engine, inputs, store, Path(folder) / "spark-out")
                hits: Counter = Counter()
                for kind, url, copy in copies:
                    story = store.story_id(copy["url"])
                    hits[(kind, "n")] += 1
                    hits[(kind, "ok")] += int(story is not None and story == store.story_id(url))
                groups[engine] = story_groups(store)
            total = sum(hits[(k, "n")] for k in EDITS)
            found = sum(hits[(k, "ok")] for k in EDITS)
            print(f"engine: {engine}")
            for kind in EDITS:
                print(f"  {kind:14} {hits[(kind, 'ok')]}/{hits[(kind, 'n')]}")
            print(f"  {'all':14} {found}/{total} = {found / max(1, total):.3f}; "
                  f"{sum(len(g) > 1 for g in groups[engine])} stories with 2+ articles")
    if len(groups) == 2:
        print("same story groups on both engines:", groups["sqlite"] == groups["spark"])


def _build(engine: str, inputs: Path, store, output: Path) -> None:
    """Fill `store` from `inputs`: `khabar ingest`, or `khabar spark` + `khabar load-parquet`."""
    if engine == "sqlite":
        from khabar.batch.ingest import ingest

        ingest([str(inputs)], store)
        return
    from khabar.collection.parquet import load_parquet
    from khabar.spark.job import run_job

    run_job(str(inputs), str(output), master="local[2]")
    load_parquet(output, store)


def story_groups(store) -> set[frozenset[str]]:
    """The stored articles grouped by story (ids), the form both engines are compared in."""
    by_story: dict[str, set[str]] = {}
    for doc_id, story in store.conn.execute("SELECT id, story_id FROM documents WHERE story_id IS NOT NULL"):
        by_story.setdefault(story, set()).add(doc_id)
    return {frozenset(ids) for ids in by_story.values()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sample = sub.add_parser("sample")
    sample.add_argument("--db", required=True)
    sample.add_argument("--n", type=int, default=120)
    sample.add_argument("--seed", type=int, default=7)
    precision = sub.add_parser("precision")
    precision.add_argument("--db", required=True)
    precision.add_argument("--judgments", default=str(JUDGMENTS))
    recall = sub.add_parser("recall")
    recall.add_argument("--n", type=int, default=280)
    recall.add_argument("--background", type=int, default=1200)
    recall.add_argument("--seed", type=int, default=7)
    recall.add_argument("--engine", choices=("sqlite", "spark", "both"), default="sqlite")
    args = parser.parse_args()
    {"sample": command_sample, "precision": command_precision, "recall": command_recall}[args.command](args)


if __name__ == "__main__":
    main()

"""Benchmark: search latency (p50, p95, max) over ~200 varied queries on an ingested store.

Queries are built reproducibly (fixed seed) from the store's own titles: single words, pairs,
quoted phrases, words with proclitics and diacritics, plus filters by source and date.
Run after bench/ingest.py: `python bench/search.py --db /tmp/khabar-bench.db`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from khabar.arabic import tokenize  # noqa: E402
from khabar.store import open_store  # noqa: E402

_PREFIXES = ["و", "ب", "ل", "وال", "بال", "لل", ""]


def build_queries(store, count: int, seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    summaries = store.documents(status="ok", limit=10**7)
    titles = [d["title"] for d in summaries if d["title"]]
    sources = sorted({d["source"] for d in summaries if d["source"]})
    queries: list[tuple[str, dict]] = []
    while len(queries) < count:
        words = [t.text for t in tokenize(rng.choice(titles)) if t.kind == "word" and len(t.text) > 2]
        if len(words) < 2:
            continue
        kind = len(queries) % 6
        if kind == 0:
            query, filters = rng.choice(words), {}
        elif kind == 1:
            query, filters = " ".join(rng.sample(words, 2)), {}
        elif kind == 2:
            start = rng.randrange(len(words) - 1)
            query, filters = '"' + " ".join(words[start : start + 2]) + '"', {}
        elif kind == 3:
            query, filters = rng.choice(_PREFIXES) + rng.choice(words).removeprefix("ال"), {}
        elif kind == 4:
            query, filters = rng.choice(words), {"source": rng.choice(sources)}
        else:
            query, filters = " ".join(rng.sample(words, 2)), {"since": "2015-07-25", "until": "2018-03-15"}
        queries.append((query, filters))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    with open_store(args.db) as store:
        queries = build_queries(store, args.queries, args.seed)
        store.search("تجربة")  # warm the page cache once
        timings, cpu, hits = [], [], []
        for query, filters in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            page = store.search(query, limit=10, **filters)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            hits.append(len(page.hits))
    report = {"queries": len(timings), "queries_with_hits": sum(1 for h in hits if h)}
    # Wall time is what a user waits; CPU time is the same on a machine shared with other jobs.
    for name, values in (("wall", sorted(timings)), ("cpu", sorted(cpu))):
        report[f"{name}_p50_ms"] = round(statistics.median(values), 2)
        report[f"{name}_p95_ms"] = round(values[int(0.95 * (len(values) - 1))], 2)
        report[f"{name}_max_ms"] = round(values[-1], 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Articles per second for `analyze`, and what each stage costs, on one core.

    python -m bench.analyze [--articles N] [--stages a,b,c]

Two inputs: the bundled examples (every format: scraped text, HTML, JSON lines, Windows-1256),
repeated; and SaudiNewsNet articles from ../shared/data (JSON-lines records with text). Pages
are read into memory first, so the numbers measure khabar, not the disk. Each stage is timed
separately, so "what does stage X add to analyze" is its share of the total. Wall time and the
process's CPU time (`time.process_time`) are both reported: on a shared machine the CPU time
carries fewer of other jobs' turns, so paired runs compare better in CPU milliseconds.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import replace

from bench.common import REPO, machine, saudinewsnet_records
from khabar import build_pipeline, iter_pages, load_config
from khabar.inputs import page_from_record


def timed_stages(pipeline, seconds: dict[str, float], *, clock=time.perf_counter):
    """Wrap every built stage so its run time (by `clock`) is added to `seconds[name]`."""

    def wrap(built):
        def run(value, _inner=built.run, _name=built.spec.name):
            started = clock()
            try:
                return _inner(value)
            finally:
                seconds[_name] += clock() - started
        return replace(built, run=run)

    pipeline.reader = wrap(pipeline.reader)
    pipeline.stages = [wrap(stage) for stage in pipeline.stages]
    return pipeline


def measure(stages: list[str], pages: list) -> dict:
    seconds: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    pipeline = timed_stages(timed_stages(build_pipeline(stages, policy="record"), seconds),
                            cpu, clock=time.process_time)
    pipeline(pages[0])  # warm up lazy imports and memos
    seconds.clear()
    cpu.clear()
    started, cpu_started = time.perf_counter(), time.process_time()
    statuses = [pipeline(page).status for page in pages]
    elapsed, cpu_elapsed = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "articles": len(pages), "ok": statuses.count("ok"), "seconds": round(elapsed, 2),
        "articles_per_second": round(len(pages) / elapsed, 1),
        "ms_per_article": round(1000 * elapsed / len(pages), 2),
        "cpu_ms_per_article": round(1000 * cpu_elapsed / len(pages), 2),
        "stage_share_of_total": {name: round(s / elapsed, 3) for name, s in seconds.items()},
        "stage_ms_per_article": {name: round(1000 * s / len(pages), 2) for name, s in seconds.items()},
        "stage_cpu_ms_per_article": {name: round(1000 * s / len(pages), 2) for name, s in cpu.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="SaudiNewsNet articles to time")
    parser.add_argument("--stages", default=None,
                        help="comma-separated stage names (default: the default config's stages)")
    args = parser.parse_args()
    full = args.stages.split(",") if args.stages else [name for name, _ in load_config().stages]
    reading = ["clean.auto.v2", "segment.sentences.v1"]
    examples = list(iter_pages(REPO / "examples")) * 50
    snn = [page_from_record(r, origin="snn") for r in saudinewsnet_records(args.articles)]
    report = {
        "machine": machine(),
        "reading, cleaning, segmentation: saudinewsnet": measure(reading, snn),
        "reading, cleaning, segmentation: examples (6 pages x 50, 2 HTML)": measure(reading, examples),
        "full pipeline: saudinewsnet": measure(full, snn),
        "full pipeline: examples": measure(full, examples),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

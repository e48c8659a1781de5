"""Articles per second for reading + cleaning + sentence segmentation, on one core.

    python -m bench.analyze [--articles N] [--stages clean.auto.v1,segment.sentences.v1]

Two inputs: the bundled examples (every format: scraped text, HTML, JSON lines, Windows-1256),
repeated; and SaudiNewsNet articles from ../shared/data (JSON-lines records with text). Pages
are read into memory first, so the number measures khabar, not the disk.
"""

from __future__ import annotations

import argparse
import json
import time

from bench.common import REPO, machine, saudinewsnet_records
from khabar import build_pipeline, iter_pages, load_config
from khabar.pages import page_from_record


def measure(pipeline, pages, repeat: int = 1) -> dict:
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        statuses = [pipeline(page).status for page in pages]
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return {"articles": len(pages), "seconds": round(best, 3),
            "articles_per_second": round(len(pages) / best, 1),
            "ok": statuses.count("ok")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="SaudiNewsNet articles to time")
    parser.add_argument("--stages", default=None,
                        help="comma-separated stage names (default: the default config's stages)")
    args = parser.parse_args()
    stages = args.stages.split(",") if args.stages else [name for name, _ in load_config().stages]
    pipeline = build_pipeline(stages, policy="record")
    examples = list(iter_pages(REPO / "examples")) * 100
    snn = [page_from_record(r, origin="snn") for r in saudinewsnet_records(args.articles)]
    pipeline(snn[0])  # warm up lazy imports
    report = {
        "machine": machine(),
        "stages": stages,
        "examples (6 pages x 100, incl. 2 HTML)": measure(pipeline, examples, repeat=2),
        "examples, text pages only": measure(pipeline, [p for p in examples if p.format != "html"
                                                        and not (p.origin or "").endswith(".html")], repeat=2),
        "saudinewsnet": measure(pipeline, snn, repeat=2),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

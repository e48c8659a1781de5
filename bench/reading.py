"""Articles per second for reading + cleaning + segmentation on one core, on scraped pages of
invented site templates (eval/sites) and on SaudiNewsNet records.

    python -m bench.reading [--pages-per-template 50] [--records 3000]

The template pages are scraped text without a URL or title, so every page goes through the
line judge and title selection; SaudiNewsNet records come with their title. Pages are built in
memory first; the time is the process's CPU time (one core) and the wall time.
"""

from __future__ import annotations

import argparse
import json
import time

from bench.common import machine, saudinewsnet_records
from eval.sites import collection
from khabar import build_pipeline
from khabar.inputs import RawPage, page_from_record

STAGES = ["clean.auto.v2", "segment.sentences.v1"]


def measure(pages: list[RawPage]) -> dict:
    pipeline = build_pipeline(STAGES, policy="record")
    pipeline(pages[0])  # lazy imports and memos
    cpu, wall = time.process_time(), time.perf_counter()
    statuses = [pipeline(page).status for page in pages]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"articles": len(pages), "ok": statuses.count("ok"),
            "articles_per_cpu_second": round(len(pages) / cpu, 1),
            "ms_cpu_per_article": round(1000 * cpu / len(pages), 3),
            "articles_per_wall_second": round(len(pages) / wall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages-per-template", type=int, default=50)
    parser.add_argument("--records", type=int, default=3000, help="SaudiNewsNet records")
    args = parser.parse_args()
    sites = [RawPage(p.text.encode("utf-8"), format="text") for p in collection(args.pages_per_template)]
    records = [page_from_record(r, origin="snn") for r in saudinewsnet_records(args.records)]
    print(json.dumps({"machine": machine(), "stages": STAGES,
                      "template pages (scraped text, 10 templates)": measure(sites),
                      "saudinewsnet records": measure(records)}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

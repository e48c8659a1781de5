"""How fast the one story pass runs: `StoryIndex.add` over articles in input order, the step
the Spark job runs on its driver (and the store in its writer) once the features are computed.

    python -m bench.stories [--articles 20000]

The features (MinHash signature, bands, title and lead forms) are computed first and not timed:
on Spark the executors compute them in parallel. The raw article text is the input (no
pipeline), which is what the features need. Numbers go to docs/performance-spark.md.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.common import machine, saudinewsnet_records
from khabar.arabic.forms import terms_of
from khabar.collection.day import day_number, parse_day
from khabar.collection.stories import StoryHasher, StoryIndex, text_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    hasher = StoryHasher()
    rows = []
    for record in saudinewsnet_records(args.articles):
        text = record["text"] or ""
        if not text.strip():
            continue
        rows.append((record["id"], day_number(parse_day(record["published"])),
                     hasher.features(record["title"], text, words=terms_of(text)), text_key(text)))
    with tempfile.TemporaryDirectory() as folder:
        index = StoryIndex(str(Path(folder) / "index.db"))
        started = time.perf_counter()
        linked = 0
        for doc_id, day, features, key in rows:
            assigned = index.add(doc_id, day, features, key)
            linked += assigned is not None and assigned.linked_id is not None
        seconds = time.perf_counter() - started
        index.close()
    print(json.dumps({"machine": machine(), "articles": len(rows), "seconds": round(seconds, 2),
                      "articles_per_second": round(len(rows) / seconds, 1),
                      "joined_an_earlier_article": linked}, indent=1))


if __name__ == "__main__":
    main()

"""Articles per second for the entity, role, date and quantity stages, on one core.

    python -m bench.entities [--articles N]

SaudiNewsNet articles from ../shared/data are read, cleaned and split into sentences first (not
timed). No NER model runs here: as a stand-in for its output, every 40th word becomes a one-word
PER mention (about as many persons as a news article names, so `entities.roles.v1` does its
full work), and the gazetteer fallback of `entities.merge.v1` supplies places and organizations.
Each stage is timed alone, best of two, on one core; CPU time (this process only) is printed
beside wall time because the machine may be shared.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import time

from bench.common import machine, saudinewsnet_records
from khabar import build_pipeline
from khabar.document import Document, Entity, Mention
from khabar.inputs import page_from_record
from khabar.stages.dates import make_dates
from khabar.stages.entity_roles import make_entities_merge, make_entities_roles
from khabar.stages.quantities import make_quantities


def with_stand_in_persons(doc: Document, every: int = 40) -> Document:
    """The document with every `every`-th word as a raw PER mention (a stand-in for NER)."""
    words = [m.span() for m in re.finditer(r"[^\W\d_]+", doc.text)][::every]
    entities = tuple(Entity(f"m{i}", "PER", doc.text[s:e], (Mention(s, e),))
                     for i, (s, e) in enumerate(words, start=1))
    return dataclasses.replace(doc, entities=entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="SaudiNewsNet articles to time")
    args = parser.parse_args()
    reader = build_pipeline(["clean.auto.v2", "segment.sentences.v1"], policy="record")
    docs = [reader(page_from_record(r, origin="saudinewsnet")) for r in saudinewsnet_records(args.articles)]
    docs = [with_stand_in_persons(d) for d in docs if d.status == "ok"]
    print(f"{len(docs)} articles; {machine()}")
    stages = [("entities.merge.v1", make_entities_merge()), ("entities.roles.v1", make_entities_roles()),
              ("dates.v1", make_dates()), ("quantities.v1", make_quantities())]
    print("| stage | articles | articles/s (wall) | articles/s (CPU time) |\n|---|---|---|---|")
    for name, stage in stages:
        wall = cpu = None
        for _ in range(2):
            started, started_cpu = time.perf_counter(), time.process_time()
            out = [stage(d) for d in docs]
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
            wall = elapsed if wall is None else min(wall, elapsed)
            cpu = elapsed_cpu if cpu is None else min(cpu, elapsed_cpu)
        if name == "entities.merge.v1":
            docs = out  # later stages see the merged entities
        print(f"| `{name}` | {len(docs)} | {len(docs) / wall:,.0f} | {len(docs) / cpu:,.0f} |")
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

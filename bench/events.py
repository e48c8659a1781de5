"""Benchmark the events.cameo.v1 stage: milliseconds per article over SaudiNewsNet articles.

Times the lexicon coder alone (`classifier=False`) and the stage as shipped (the lexicon coder
plus the protest/assault sentence classifier).

    python -m bench.events               # 1,000 articles from the first archive
    python -m bench.events --articles 3000

Reads ../shared/data/saudinewsnet (CC BY-NC-SA 4.0; read only, nothing stored). Each article
becomes a Document with sentences from khabar.arabic.split_sentences; the clock (CPU time of
this process, so that other jobs on a shared machine do not inflate it) covers the stage call
only. For scale, the same loop also times sentence splitting, the cheapest stage of
an analyze run. Single process; run it with `nice` on a shared machine.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

from bench.common import saudinewsnet_records
from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.events import EventCoder
from khabar.stages.events import make_events as make_stage

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"


def articles(limit: int) -> list[tuple[str, str]]:
    """(id, text) of the first `limit` articles that have text."""
    found = ((r["id"], r["text"]) for r in saudinewsnet_records() if r["text"])
    return list(itertools.islice(found, limit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; it lives in ../shared/data", file=sys.stderr)
        return 2
    texts = articles(args.articles)
    started = time.process_time()
    coder = EventCoder()
    load_ms = (time.process_time() - started) * 1000
    started = time.process_time()
    stage = make_stage()
    stage_load_ms = (time.process_time() - started) * 1000
    split_ms: list[float] = []
    event_ms: list[float] = []
    stage_ms: list[float] = []
    events = kept = sentences = chars = 0
    for doc_id, text in texts:
        t0 = time.process_time()
        spans = split_sentences(text)
        t1 = time.process_time()
        doc = Document(id=doc_id, text=text, sentences=tuple(Sentence(s, e) for s, e in spans))
        t2 = time.process_time()
        found = coder(doc)
        t3 = time.process_time()
        rescored = stage(doc).events
        t4 = time.process_time()
        split_ms.append((t1 - t0) * 1000)
        event_ms.append((t3 - t2) * 1000)
        stage_ms.append((t4 - t3) * 1000)
        events += len(found)
        kept += len(rescored)
        sentences += len(spans)
        chars += len(text)
    n = len(texts)
    print(f"articles: {n}, sentences: {sentences}, characters: {chars}, events: {events} "
          f"(lexicon), {kept} (with the classifier)")
    print(f"coder load: {load_ms:.0f} ms; stage with classifier load: {stage_load_ms:.0f} ms "
          "(once per pipeline)")
    for label, times in (("lexicon coder", event_ms), ("events.cameo.v1 (classifier)", stage_ms)):
        print(f"{label}: mean {statistics.mean(times):.2f} ms/article, "
              f"median {statistics.median(times):.2f}, p95 {sorted(times)[int(n * 0.95)]:.2f}, "
              f"{sum(times) / chars * 1000:.3f} ms per 1,000 characters")
    print(f"split_sentences: mean {statistics.mean(split_ms):.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the quotes.cues.v2 stage over many saudinewsnet articles.

    python bench/quotes.py [--articles 2000]

Each article's `content` becomes a Document (paragraphs from lines, sentences from
khabar.arabic.split_sentences, persons from the eval stand-in finder in eval/quotes_people.py).
Building those Documents is timed as the baseline ("prepare"); then the quotes stage alone is
timed over the same Documents, and one khabar.arabic.tokenize pass over each text as a
machine-independent reference (any NER stage tokenizes at least once). With `--stages`, the
stages before the quotes stage are run too (timed), then the quotes stage is timed on their
output, which gives its share of analyze time.
Reads ../shared/data (not part of the test run).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "eval")]

from quotes_corpus import DATA  # noqa: E402
from quotes_people import find_people, lined_document, person_names  # noqa: E402

from bench.common import saudinewsnet_records  # noqa: E402
from khabar.arabic import tokenize  # noqa: E402
from khabar.document import Document  # noqa: E402
from khabar.quotes.lexicon import load_lexicon  # noqa: E402
from khabar.stages.quotes import make_quotes  # noqa: E402


def contents(limit: int) -> list[str]:
    return [r["text"] for r in itertools.islice(saudinewsnet_records(), limit)]


def prepare(text: str, names: frozenset[str], lexicon) -> Document:
    return lined_document("bench", text, find_people(text, names, lexicon))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--stages", default="", help="comma-separated full pipeline to time")
    args = parser.parse_args()
    texts = contents(args.articles)
    lexicon, names = load_lexicon(), person_names(Path(args.data))
    stage = make_quotes()

    started = time.perf_counter()
    docs = [prepare(text, names, lexicon) for text in texts]
    prepared = time.perf_counter() - started

    started = time.perf_counter()
    quotes = sum(len(stage(doc).quotes) for doc in docs)
    extracted = time.perf_counter() - started

    started = time.perf_counter()
    for text in texts:
        tokenize(text)
    tokenized = time.perf_counter() - started

    n = len(docs)
    chars = sum(len(t) for t in texts)
    print(f"articles: {n}, characters: {chars}, quotes found: {quotes}")
    print(f"prepare (paragraphs, sentences, stand-in persons): "
          f"{1000 * prepared / n:.2f} ms/article")
    print(f"quotes.cues.v2: {1000 * extracted / n:.2f} ms/article "
          f"({1000 * extracted / chars * 1000:.2f} ms per 1000 characters)")
    print(f"reference, khabar.arabic.tokenize over the whole text: {1000 * tokenized / n:.2f} "
          f"ms/article (the stage costs {extracted / tokenized:.1f}x one tokenization)")
    if args.stages:
        from khabar.inputs import RawPage
        from khabar.pipeline import build_pipeline

        before = [name for name in args.stages.split(",") if name != "quotes.cues.v2"]
        pipeline = build_pipeline(before)
        started = time.perf_counter()
        analyzed = [pipeline(RawPage(text.encode("utf-8"), format="text")) for text in texts]
        upstream = time.perf_counter() - started
        started = time.perf_counter()
        for doc in analyzed:
            stage(doc)
        own = time.perf_counter() - started
        print(f"stages before quotes ({', '.join(before)}): {1000 * upstream / n:.2f} ms/article")
        print(f"quotes.cues.v2 on their output: {1000 * own / n:.2f} ms/article; "
              f"share of analyze time: {own / (upstream + own):.1%}")

if __name__ == "__main__":
    main()

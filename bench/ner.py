"""Speed of the NER tagger: model size, load time, and tokens tagged per second on one core.

    python -m bench.ner            # ner.crf.v2's tagger
    python -m bench.ner --neural   # ner.neural.v2's: the CRF with the network

Three workloads, each with a fresh tagger (its per-word memo starts empty):
- `tag()` over the ANERcorp CAMeL test split (25,008 tokens, 9,075 distinct: a cold memo),
  then the same again (a warm memo);
- `tag()` per sentence and `tag_many()` per article over a stream of SaudiNewsNet articles
  tokenized with khabar.arabic (a news feed, where most words recur);
- `document_spans()` over the same articles: what the stage does (CRF, marginals for the
  scores, article-level consistency).
Throughput is counted in tokens per CPU second of this process (time.process_time), so other
work on a shared machine does not count against it; wall-clock rates are printed too. The model
load is timed in a fresh interpreter, apart from the import of the package. The data come from
../shared/data; without it, hand-written sentences are used.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from khabar.arabic import split_sentences, tokenize
from khabar.ner import load_tagger
from khabar.ner.conll import read_blank_separated
from khabar.ner.tagger import MODEL_DIR, NEURAL_FILE

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TEST = SHARED / "anercorp" / "ANERCorp_CamelLab_test.txt"
NEWS = SHARED / "saudinewsnet" / "2015-07-21.zip"
FALLBACK = [
    "أعلن وزير الخارجية الفرنسي ، جان إيف لودريان ، أن نظيره المصري سامح شكري سيزور باريس .",
    "وصل الرئيس الفرنسي إلى بيروت قادما من دمشق في زيارة تستغرق يومين .",
]


def load_seconds(runs: int = 5, neural: bool = False
                 ) -> tuple[tuple[float, float], tuple[float, float]]:
    """(median, max) seconds, in a fresh interpreter, to import khabar.ner (which imports the
    `khabar` package) and then to load the model with `load_tagger()` (`neural`: with the
    network of ner.neural.v2)."""
    code = ("import time; t=time.perf_counter(); from khabar.ner import load_tagger; "
            f"u=time.perf_counter(); load_tagger(neural={neural}); "
            "print(u-t, time.perf_counter()-u)")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    times = [tuple(map(float, subprocess.run([sys.executable, "-c", code], capture_output=True,
                                             text=True, env=env, check=True).stdout.split()))
             for _ in range(runs)]
    imports, loads = [t[0] for t in times], [t[1] for t in times]
    return (statistics.median(imports), max(imports)), (statistics.median(loads), max(loads))


def test_sentences() -> list[list[str]]:
    if TEST.exists():
        return [list(s.tokens) for s in read_blank_separated(TEST)]
    return [s.split() for s in FALLBACK] * 500


def news_articles(limit: int = 200_000) -> list[list[list[str]]]:
    """Articles as lists of token lists, up to `limit` tokens."""
    if not NEWS.exists():
        return [[s.split() for s in FALLBACK]] * 1000
    with zipfile.ZipFile(NEWS) as zipped:
        records = json.loads(zipped.read(zipped.namelist()[0]))
    articles, total = [], 0
    for record in records:
        text = record.get("content") or ""
        sentences = [[t.text for t in tokenize(text, s, e)] for s, e in split_sentences(text)]
        sentences = [s for s in sentences if s]
        if sentences:
            articles.append(sentences)
            total += sum(map(len, sentences))
        if total >= limit:
            break
    return articles


def timed(work) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of `work()`."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def report(name: str, tokens: int, seconds: tuple[float, float]) -> None:
    cpu, wall = seconds
    print(f"  {name:44} {tokens / cpu:9,.0f} tokens/CPU-s   ({tokens / wall:,.0f} tokens/s wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--neural", action="store_true",
                        help="the tagger of ner.neural.v2 (the CRF with the network)")
    args = parser.parse_args()
    files = [f for f in MODEL_DIR.iterdir() if f.is_file()
             and (args.neural or f.name != NEURAL_FILE)]
    size = sum(f.stat().st_size for f in files)
    (import_median, import_worst), (median, worst) = load_seconds(neural=args.neural)
    print(f"model files: {size / 1e6:.1f} MB (khabar/models/ner/: {len(files)} files)")
    print(f"fresh interpreter: import khabar.ner median {import_median:.2f}s "
          f"(max {import_worst:.2f}s); load_tagger() median {median:.2f}s (max {worst:.2f}s)")

    def load():
        return load_tagger(neural=args.neural)

    sentences = test_sentences()
    tokens = sum(map(len, sentences))
    tagger = load()
    print(f"CAMeL test split, {tokens} tokens in {len(sentences)} sentences:")
    report("tag(), cold memo", tokens, timed(lambda: [tagger.tag(s) for s in sentences]))
    report("tag(), warm memo", tokens, timed(lambda: [tagger.tag(s) for s in sentences]))

    articles = news_articles()
    tokens = sum(len(s) for article in articles for s in article)
    print(f"news stream, {tokens} tokens in {len(articles)} articles:")
    tagger = load()
    report("tag() per sentence", tokens,
           timed(lambda: [tagger.tag(s) for article in articles for s in article]))
    tagger = load()
    report("tag_many() per article", tokens,
           timed(lambda: [tagger.tag_many(article) for article in articles]))
    tagger = load()
    seconds = timed(lambda: [tagger.document_spans(article) for article in articles])
    report("document_spans() per article (the stage)", tokens, seconds)
    print(f"  {'':44} {seconds[0] / len(articles) * 1000:9.1f} CPU-ms per article")


if __name__ == "__main__":
    main()

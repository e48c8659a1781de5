"""Speed of the dependency parser: model size, load time, and CPU ms per sentence of 30 tokens.

    python -m bench.syntax             # 500 sentences of SaudiNewsNet news cut to 30 tokens
    python -m bench.syntax --count 200

The parser is meant to run only on sentences that hold an event trigger or a quote cue. Each
sentence is 30 tokens of news (khabar.arabic tokens, punctuation included; longer sentences are
cut, shorter ones skipped), parsed once with a warm word memo after one pass over the same
sentences, and timed with time.process_time, so other work on a shared machine does not count
against it. The model load is timed in a fresh interpreter, apart from the import of the package.
The news come from ../shared/data; without it, hand-written sentences are repeated.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from khabar.arabic import split_sentences, tokenize
from khabar.syntax import load_parser
from khabar.syntax.model import default_model_path

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet" / "2015-07-21.zip"
LENGTH = 30
FALLBACK = ("أعلن وزير الخارجية الفرنسي في مؤتمر صحفي عقده أمس في باريس أن بلاده ستستضيف "
            "اجتماعا للدول المانحة الشهر المقبل لبحث إعادة إعمار المدن التي دمرتها الحرب ، "
            "وقال إن الاجتماع سيعقد في مقر الوزارة .")


def sentences(count: int) -> list[list[str]]:
    """`count` token lists of exactly LENGTH tokens."""
    out: list[list[str]] = []
    if NEWS.exists():
        with zipfile.ZipFile(NEWS) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name).decode("utf-8")):
                    text = record.get("content", "")
                    for start, end in split_sentences(text):
                        tokens = [t.text for t in tokenize(text, start, end)]
                        if len(tokens) >= LENGTH:
                            out.append(tokens[:LENGTH])
                        if len(out) == count:
                            return out
    tokens = [t.text for t in tokenize(FALLBACK)][:LENGTH]
    return out + [tokens] * (count - len(out))


def load_seconds() -> float:
    code = ("import time, khabar.syntax as s; t = time.perf_counter(); s.load_parser(); "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=500)
    args = ap.parse_args()
    parser = load_parser()
    batch = sentences(args.count)
    for tokens in batch:  # warm the word memo, as a running stage's would be
        parser.parse(tokens)
    times = []
    for tokens in batch:
        started = time.process_time()
        parser.parse(tokens)
        times.append(time.process_time() - started)
    path = default_model_path()
    print(f"model {path.name}: {path.stat().st_size / 1e6:.2f} MB; load {load_seconds():.2f} s "
          f"(fresh interpreter, with the word clusters)")
    print(f"{len(batch)} sentences of {LENGTH} tokens: median {statistics.median(times) * 1e3:.2f} "
          f"CPU-ms, mean {statistics.mean(times) * 1e3:.2f} CPU-ms per sentence")


if __name__ == "__main__":
    main()

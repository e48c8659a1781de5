"""Benchmark: ingest all of SaudiNewsNet and ANT with `khabar ingest --workers 2`.

Converts the corpora (from ../shared/data) to JSON lines in a temporary folder, runs the CLI as
a subprocess, and reports wall time, CPU time, outcomes, database size and bytes per article.
Run it on a quiet machine, e.g. `nice -n 10 python bench/ingest.py --keep /tmp/khabar-bench.db`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpora import ant_records, available, saudinewsnet_records, write_jsonl  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the database here.")
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles of each corpus.")
    args = parser.parse_args()
    if not available():
        sys.exit("the shared corpora are not there (../shared/data); nothing to measure")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        saudi, ant = folder / "saudinewsnet.jsonl", folder / "ant.jsonl"
        limit = (lambda it: (r for i, r in enumerate(it) if i < args.limit)) if args.limit else (lambda it: it)
        counts = {"saudinewsnet": write_jsonl(limit(saudinewsnet_records()), saudi),
                  "ant": write_jsonl(limit(ant_records()), ant)}
        db = args.keep or folder / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        command = [sys.executable, "-c", "from khabar.cli import main; main()", "ingest", str(saudi), str(ant),
                   "--db", str(db), "--workers", str(args.workers)]
        started = time.monotonic()
        done = subprocess.run(command, env={**os.environ, "PYTHONPATH": str(REPO)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode:
            sys.exit(done.stderr[-2000:])
        from khabar.config import load_config
        from khabar.store import open_store

        with open_store(db) as store:
            store.checkpoint()
            stored = store.counts()
            documents = stored["documents"]
            articles = documents.get("ok", 0) + sum(sum(v.values()) for k, v in documents.items() if k != "ok")
        size = Path(db).stat().st_size
        report = {
            "inputs": counts, "workers": args.workers, "wall_s": round(wall, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "stages": [name for name, _options in load_config().stages],
            "summary": done.stderr.strip().splitlines()[-1].split("\r")[-1],
            "store": stored, "db_bytes": size, "documents_rows": articles,
            "bytes_per_input": round(size / max(1, sum(counts.values()))),
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

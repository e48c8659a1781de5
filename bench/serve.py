"""Requests per second and latency of `khabar serve` on a SaudiNewsNet store, on loopback.

    python -m bench.serve                      # build a store from ../shared (once), then measure
    python -m bench.serve --db khabar.db       # measure an existing store
    python -m bench.serve --articles 5000 --requests 3000 --concurrency 16 --workers 1

The server runs as `khabar serve` in its own process; the load generator (an asyncio httpx
client) runs in this one, on 127.0.0.1 only, with a bounded number of requests and a time
limit per endpoint. Numbers go to docs/performance-web.md by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO, machine, saudinewsnet_records

# Everyday words of Saudi news (ours, not the corpus's): one search per request, cycling.
SEARCH_WORDS = ["السعودية", "الرياض", "وزير", "الأمير", "الهلال", "النصر", "جدة", "مكة", "الملك", "التعليم",
                "الصحة", "الاقتصاد", "النفط", "اليمن", "المملكة", "مجلس", "الشرطة", "مشروع", "الحج", "الطلاب"]
DEFAULT_DB = Path(tempfile.gettempdir()) / "khabar-bench-web.db"


def build_store(db: Path, articles: int | None) -> None:
    """SaudiNewsNet (read from ../shared, never copied) → JSON lines → `khabar ingest` → db."""
    from khabar.store.ingest import ingest
    from khabar.store.sqlite import open_store

    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "saudinewsnet.jsonl"
        with lines.open("w", encoding="utf-8") as out:
            for record in saudinewsnet_records(articles):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.monotonic()
        with open_store(db) as store:
            summary = ingest([str(lines)], store, workers=1, batch_size=500)
        print(f"built {db}: {summary.describe()} in {time.monotonic() - started:.0f} s", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("KHABAR_TOKEN", None)
    command = [sys.executable, "-c", "from khabar.cli import main; main()", "serve", "--db", str(db),
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server exited: {server.stderr.read().decode()}")
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


async def load(base: str, paths: list[str], *, requests: int, concurrency: int, seconds: float,
               headers: dict[str, str]) -> dict[str, float]:
    """Send up to `requests` GETs (cycling over `paths`) with `concurrency` in flight."""
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10.0, headers=headers) as client:
        async def worker() -> None:
            nonlocal errors
            for i in counter:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                response = await client.get(paths[i % len(paths)])
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        for path in paths[:concurrency]:  # warm up caches and connections
            await client.get(path)
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]}


def endpoints(db: Path, count: int) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents WHERE status = 'ok' ORDER BY random() LIMIT ?",
                                          (count,))]
    conn.close()
    random.seed(7)
    return {
        "search (JSON)": [f"/search?q={word}" for word in SEARCH_WORDS],
        "search page (HTML)": [f"/search?q={word}" for word in SEARCH_WORDS],
        "article (JSON)": [f"/articles/{doc_id}" for doc_id in ids],
        "article page (HTML)": [f"/articles/{doc_id}" for doc_id in ids],
        "home page (HTML)": ["/"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="store to serve (built if missing)")
    parser.add_argument("--articles", type=int, default=None, help="SaudiNewsNet articles to ingest (default all)")
    parser.add_argument("--requests", type=int, default=3000, help="requests per endpoint")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per endpoint")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    if not args.db.exists():
        build_store(args.db, args.articles)
    port = _free_port()
    server = start_server(args.db, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        conn = sqlite3.connect(args.db)
        stored = conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        conn.close()
        print(f"{machine()}; {stored} articles; {args.workers} worker(s); concurrency {args.concurrency}")
        print("\n| endpoint | requests | errors | requests/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|")
        for name, paths in endpoints(args.db, 500).items():
            headers = {"accept": "text/html" if "HTML" in name else "application/json"}
            result = asyncio.run(load(base, paths, requests=args.requests, concurrency=args.concurrency,
                                      seconds=args.seconds, headers=headers))
            print(f"| {name} | {result['requests']} | {result['errors']} | {result['rps']:.0f} | "
                  f"{result['p50_ms']:.1f} | {result['p99_ms']:.1f} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""Requests per second and latency of `khabar serve` on a SaudiNewsNet store, on loopback.

    python -m bench.serve                      # build a store from ../shared (once), then measure
    python -m bench.serve --db khabar.db       # measure an existing store
    python -m bench.serve --articles 5000 --seconds 15 --concurrency 16 --workers 1

The server runs as `khabar serve` in its own process. The load generator is Debian's `wrk`
when installed (`apt-get install wrk`), else an asyncio httpx client in this process; either
way it talks to 127.0.0.1 only, for a bounded time (and, with httpx, a bounded number of
requests) per endpoint. Numbers go to docs/performance-web.md by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from bench.common import REPO, machine, process_tree_cpu, saudinewsnet_records

# Everyday words of Saudi news (ours, not the corpus's): one search per request, cycling.
SEARCH_WORDS = ["السعودية", "الرياض", "وزير", "الأمير", "الهلال", "النصر", "جدة", "مكة", "الملك", "التعليم",
                "الصحة", "الاقتصاد", "النفط", "اليمن", "المملكة", "مجلس", "الشرطة", "مشروع", "الحج", "الطلاب"]
DEFAULT_DB = Path(tempfile.gettempdir()) / "khabar-bench-web.db"


def build_store(db: Path, articles: int | None) -> None:
    """SaudiNewsNet (read from ../shared, never copied) → JSON lines → `khabar ingest` → db."""
    from khabar.batch.ingest import ingest
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


_WRK_SCRIPT = """
local paths = {%s}
local headers = {["Accept"] = "%s"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], headers)
end
"""


def load_wrk(base: str, paths: list[str], *, concurrency: int, seconds: float,
             headers: dict[str, str]) -> dict[str, float]:
    """Run wrk (one thread, `concurrency` connections) over `paths` for `seconds`."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        quoted = ", ".join(json.dumps(quote(p, safe="/?=&")) for p in paths)
        script.write(_WRK_SCRIPT % (quoted, headers["accept"]))
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{concurrency}", f"-d{int(seconds)}s", "--latency",
                              "-s", script.name, base], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"requests": total, "errors": errors, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
            "p99_ms": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))}


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def endpoints(db: Path, count: int) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents WHERE status = 'ok' ORDER BY random() LIMIT ?",
                                          (count,))]
    # Distinct queries, so that each is computed rather than served from the cache: words of
    # titles, read from the store at run time.
    words: set[str] = set()
    for (title,) in conn.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY random() LIMIT 20000"):
        words.update(w for w in title.split() if len(w) >= 4 and w.isalpha())
    conn.close()
    random.seed(7)
    distinct = sorted(words)
    random.shuffle(distinct)
    half = len(distinct) // 2  # each list must outlast a run, or repeats are served from the cache
    return {
        "search, 20 popular queries (JSON, cached)": [f"/search?q={word}" for word in SEARCH_WORDS],
        "search, distinct queries (JSON)": [f"/search?q={word}" for word in distinct[:half]],
        "search, distinct queries (HTML page)": [f"/search?q={word}" for word in distinct[half:]],
        "article (JSON)": [f"/articles/{doc_id}" for doc_id in ids],
        "article page (HTML)": [f"/articles/{doc_id}" for doc_id in ids],
        "home page (HTML)": ["/"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="store to serve (built if missing)")
    parser.add_argument("--articles", type=int, default=None, help="SaudiNewsNet articles to ingest (default all)")
    parser.add_argument("--requests", type=int, default=3000, help="requests per endpoint")
    parser.add_argument("--seconds", type=float, default=15.0, help="time limit per endpoint")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--httpx", action="store_true", help="use the httpx client even when wrk is installed")
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
        print("\n| endpoint | requests | errors | requests/s | p50 ms | p99 ms | server CPU ms/request |\n"
              "|---|---|---|---|---|---|---|")
        use_wrk = shutil.which("wrk") is not None and not args.httpx
        print(f"load generator: {'wrk' if use_wrk else 'httpx'}")
        for name, paths in endpoints(args.db, 2000).items():
            headers = {"accept": "text/html" if "HTML" in name else "application/json"}
            cpu_before = process_tree_cpu(server.pid)
            if use_wrk:
                result = load_wrk(base, paths, concurrency=args.concurrency, seconds=args.seconds, headers=headers)
            else:
                result = asyncio.run(load(base, paths, requests=args.requests, concurrency=args.concurrency,
                                          seconds=args.seconds, headers=headers))
            # CPU per request tells what the server costs whatever else shares the cores.
            cpu_ms = 1000 * (process_tree_cpu(server.pid) - cpu_before) / max(1, result["requests"])
            print(f"| {name} | {result['requests']} | {result['errors']} | {result['rps']:.0f} | "
                  f"{result['p50_ms']:.1f} | {result['p99_ms']:.1f} | {cpu_ms:.1f} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

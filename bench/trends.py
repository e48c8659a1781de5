"""Latency of `GET /trends` (and the other analyst endpoints) served by `khabar serve`, on loopback.

    python -m bench.trends --db khabar.db                    # a store built by bench/ingest.py
    python -m bench.trends --db khabar.db --requests 300

The server runs as `khabar serve` in its own process (one worker). Requests go one at a time, so
each latency is one request's own time, from an httpx client in this process. Every request of
a run differs (filters drawn from the store: title words, outlets, date ranges, entities), so the
app's 30-second cache never answers it; the cached case is measured apart. Prints p50, p95, p99
and the largest latency per endpoint, and the server's CPU time per request (what a request
costs whatever else shares the cores); numbers go to docs/performance-web.md by hand.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.common import machine, process_tree_cpu
from bench.serve import _free_port, start_server


def _requests(db: Path, count: int) -> dict[str, list[str]]:
    """Distinct request paths per endpoint, drawn from the store with a fixed seed."""
    conn = sqlite3.connect(db)
    rng = random.Random(17)
    sources = [row[0] for row in conn.execute("SELECT source FROM documents WHERE status = 'ok' AND source IS NOT NULL "
                                              "GROUP BY source ORDER BY COUNT(*) DESC LIMIT 20")]
    days = [row[0] for row in conn.execute("SELECT DISTINCT day FROM documents WHERE status = 'ok' "
                                           "AND day IS NOT NULL ORDER BY day")]
    words = sorted({w for (title,) in conn.execute("SELECT title FROM documents WHERE title IS NOT NULL "
                                                   "ORDER BY random() LIMIT 5000")
                    for w in (title or "").split() if len(w) >= 4 and w.isalpha()})
    entities = [row[0] for row in conn.execute("SELECT name FROM entities ORDER BY documents DESC LIMIT 500")]
    conn.close()
    rng.shuffle(words)

    def span() -> dict[str, str]:
        first, last = sorted(rng.sample(days, 2))
        return {"since": first, "until": last}

    def trends(params: dict[str, str]) -> str:
        return "/trends?" + urlencode(params)

    by = ("day", "week", "month")
    return {
        "trends, whole collection, a date range (JSON)": [
            trends({**span(), "by": rng.choice(by)}) for _ in range(count)],
        "trends, by outlet, a date range (JSON)": [
            trends({**span(), "by": rng.choice(by), "split": "source"}) for _ in range(count)],
        "trends, a word, by outlet (JSON)": [
            trends({"q": words[i % len(words)], "split": "source"}) for i in range(count)],
        "trends, an entity (JSON)": [
            trends({"entity": entities[i % len(entities)], "by": "week"}) for i in range(count)],
        "trends, one outlet, a word (JSON)": [
            trends({"q": words[-1 - i % len(words)], "source": rng.choice(sources)}) for i in range(count)],
        "trends page, a word, by outlet (HTML)": [
            trends({"q": words[(i * 7 + 3) % len(words)], "split": "source", "by": "week"}) for i in range(count)],
        "trends, whole collection by day, cached (JSON)": ["/trends"] * count,
    }


def measure(base: str, paths: list[str], *, html: bool) -> dict[str, float]:
    """Send the requests one after another; latencies in ms."""
    import httpx

    headers = {"accept": "text/html" if html else "application/json"}
    latencies, errors = [], 0
    with httpx.Client(base_url=base, timeout=30.0, headers=headers) as client:
        client.get("/index.json")  # the connection and the server's first store open
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            latencies.append(1000 * (time.perf_counter() - started))
            errors += response.status_code != 200
    latencies.sort()

    def at(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))]

    return {"requests": len(latencies), "errors": errors, "p50": statistics.median(latencies),
            "p95": at(0.95), "p99": at(0.99), "max": latencies[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the store to serve")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    args = parser.parse_args()
    port = _free_port()
    server = start_server(args.db, port, 1)
    try:
        conn = sqlite3.connect(args.db)
        stored = conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        conn.close()
        print(f"{machine()}; {stored} articles; one worker; one request at a time")
        print("\n| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms | server CPU ms/request |\n"
              "|---|---|---|---|---|---|---|---|")
        for name, paths in _requests(args.db, args.requests).items():
            cpu_before = process_tree_cpu(server.pid)
            result = measure(f"http://127.0.0.1:{port}", paths, html="HTML" in name)
            cpu_ms = 1000 * (process_tree_cpu(server.pid) - cpu_before) / max(1, result["requests"] + 1)
            print(f"| {name} | {result['requests']} | {result['errors']} | {result['p50']:.1f} | "
                  f"{result['p95']:.1f} | {result['p99']:.1f} | {result['max']:.1f} | {cpu_ms:.1f} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""Place resolution cost per article, and the latency of /places and /map, on a full store.

    python -m bench.places --db STORE            # copy STORE, fill its places, measure
    python -m bench.places --db STORE --requests 60

STORE is a store built by `khabar ingest` (bench/serve.py and bench/ingest.py build them from
../shared). It is copied first (SQLite's backup API; the original is never written). The copy's
places are filled again by the stage itself, one stored article at a time: the time
`PlaceResolver.resolve` takes on each article's stored entities and events is the cost the
stage adds to analysis (reading the JSON is timed apart: the pipeline has the Document in hand).
Then `khabar serve` runs the copy on loopback, and one client sends GETs one after another,
each with filters no earlier request used (so no answer comes from the page cache): /places as
JSON and as a page, /map as a page. Numbers go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.common import machine
from bench.serve import _free_port, start_server


def copy_store(source: Path, target: Path) -> None:
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def fill_places(db: Path) -> dict[str, float]:
    """Resolve the places of every stored article again; per-article times of the stage."""
    from khabar.document import Document
    from khabar.places import PlaceResolver, load_gazetteer
    from khabar.store.places import write_places

    started = time.perf_counter()
    resolver = PlaceResolver(load_gazetteer(), stage="places.resolve.v1")
    build = time.perf_counter() - started
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM places")
    resolve_times, parse_times, resolved = [], [], 0
    rows = conn.execute("SELECT n, json FROM documents WHERE status = 'ok' ORDER BY n").fetchall()
    for n, raw in rows:
        t0 = time.thread_time()
        doc = Document.from_json(raw)
        t1 = time.thread_time()
        places = resolver.resolve(doc)
        t2 = time.thread_time()
        parse_times.append(t1 - t0)
        resolve_times.append(t2 - t1)
        resolved += sum(1 for p in places if p.geonames is not None)
        local = dict(conn.execute("SELECT local_id, entity_id FROM doc_entities WHERE doc_n = ?", (n,)))
        write_places(conn, n, dataclasses.replace(doc, places=places), local)
    conn.commit()
    conn.close()
    resolve_times.sort()
    return {"articles": len(rows), "places_resolved": resolved, "stage_build_s": round(build, 2),
            "resolve_cpu_mean_ms": round(1000 * statistics.fmean(resolve_times), 3),
            "resolve_cpu_p95_ms": round(1000 * resolve_times[int(0.95 * len(resolve_times))], 3),
            "json_parse_cpu_mean_ms": round(1000 * statistics.fmean(parse_times), 3)}


def filter_sets(db: Path, count: int) -> list[dict[str, str]]:
    """Distinct filter combinations from the store: none, each outlet, each month, words."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sources = [r[0] for r in conn.execute("SELECT source FROM documents WHERE source IS NOT NULL "
                                          "GROUP BY source ORDER BY COUNT(*) DESC LIMIT 20")]
    months = [r[0] for r in conn.execute("SELECT DISTINCT substr(day, 1, 7) FROM documents "
                                         "WHERE day IS NOT NULL ORDER BY 1 DESC LIMIT 24")]
    conn.close()
    words = ["السعودية", "اليمن", "النفط", "الهلال", "الحج", "إيران", "سوريا", "الرياض", "التعليم", "داعش"]
    sets: list[dict[str, str]] = [{}]
    sets += [{"source": s} for s in sources]
    sets += [{"since": m, "until": m} for m in months]
    sets += [{"q": w} for w in words]
    sets += [{"source": s, "since": m} for s in sources[:5] for m in months[:5]]
    return sets[:count]


def latencies(base: str, path: str, sets: list[dict[str, str]], accept: str) -> dict[str, float]:
    import httpx

    times = []
    with httpx.Client(base_url=base, timeout=30.0, headers={"accept": accept}) as client:
        client.get("/places.json?limit=1")  # one warm-up: connection and first import
        for filters in sets:
            started = time.perf_counter()
            response = client.get(path + ("?" + urlencode(filters) if filters else ""))
            times.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise SystemExit(f"{path} {filters}: HTTP {response.status_code}")
    times.sort()
    return {"requests": len(times), "p50_ms": round(1000 * statistics.median(times), 1),
            "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            "max_ms": round(1000 * times[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store built by khabar ingest (copied first)")
    parser.add_argument("--requests", type=int, default=80, help="requests per endpoint, each with new filters")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "places.db"
        copy_store(args.db, copy)
        from khabar.store.sqlite import open_store

        with open_store(copy):  # migrate an older store to this version's schema
            pass
        report: dict[str, object] = {"machine": machine(), "store": str(args.db),
                                     "load_average_before": os.getloadavg()}
        report["stage"] = fill_places(copy)
        sets = filter_sets(copy, args.requests)
        port = _free_port()
        server = start_server(copy, port, 1)
        try:
            base = f"http://127.0.0.1:{port}"
            report["places_json"] = latencies(base, "/places", sets, "application/json")
            report["places_page"] = latencies(base, "/places", sets, "text/html")
            report["map_page"] = latencies(base, "/map", sets, "text/html")
            report["load_average_after"] = os.getloadavg()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())

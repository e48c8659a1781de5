"""Shared helpers for benchmarks: where the third-party corpora are, and the machine line."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator
from pathlib import Path

from eval import corpora

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SAUDINEWSNET = corpora.SAUDI


def machine() -> str:
    """One line describing where a number was measured."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; {os.cpu_count()} cores visible; Python {platform.python_version()}"


def saudinewsnet_records(limit: int | None = None) -> Iterator[dict]:
    """SaudiNewsNet articles as khabar JSON-lines records, with ids (read from ../shared, never copied)."""
    if not SAUDINEWSNET.exists():
        raise SystemExit(f"SaudiNewsNet not found at {SAUDINEWSNET}; it lives in the shared data folder")
    for count, record in enumerate(corpora.saudinewsnet_records()):
        if limit is not None and count >= limit:
            return
        yield {**record, "id": f"snn-{count:06d}", "published": (record["published"] or "")[:10] or None}


def process_tree_cpu(root: int, *, own_only: bool = False) -> float:
    """CPU seconds used so far by a process and all its descendants (Linux /proc); with
    `own_only`, by the process alone (a JVM without its Python workers, say)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        stats[pid] = fields
        children.setdefault(int(fields[1]), []).append(pid)
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        fields = stats.get(pid)
        if fields:  # utime, stime, cutime, cstime (reaped children count in c*)
            own = (11, 12) if own_only else (11, 12, 13, 14)  # reaped children are not the process
            total += sum(int(fields[i]) for i in own) / ticks
        if not own_only:
            todo.extend(children.get(pid, []))
    return total

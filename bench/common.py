"""Shared helpers for benchmarks: where the third-party corpora are, and the machine line."""

from __future__ import annotations

import json
import os
import platform
import zipfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SAUDINEWSNET = SHARED_DATA / "saudinewsnet"


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
    """SaudiNewsNet articles as khabar JSON-lines records (read from ../shared, never copied)."""
    if not SAUDINEWSNET.exists():
        raise SystemExit(f"SaudiNewsNet not found at {SAUDINEWSNET}; it lives in the shared data folder")
    count = 0
    for archive in sorted(SAUDINEWSNET.glob("*.zip")):
        with zipfile.ZipFile(archive) as bundle:
            for name in bundle.namelist():
                if not name.endswith(".json"):
                    continue
                for article in json.loads(bundle.read(name)):
                    yield {"id": f"snn-{archive.stem}-{count}", "url": article.get("url"),
                           "source": article.get("source"), "published": article.get("date_extracted", "")[:10] or None,
                           "title": article.get("title"), "text": article.get("content", "")}
                    count += 1
                    if limit is not None and count >= limit:
                        return

"""Readers for the shared news corpora (SaudiNewsNet zips, ANT TREC XML), as JSON-lines records.

Used by bench/ and eval/ only; the data stays in ../shared and is converted into a temporary
folder at run time, never into the repository.
"""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
SAUDI = SHARED / "saudinewsnet"
ANT = SHARED / "ant-multisource" / "ant_multisource_v2.1_2018-03.tar.gz"
_FIELD = re.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|TEXT)>(.*?)</\1>", re.S)


def saudinewsnet_records() -> Iterator[dict]:
    """SaudiNewsNet articles: source -> source, url, date_extracted -> published, title, content -> text."""
    for archive in sorted(SAUDI.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in sorted(zipped.namelist()):
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zipped.read(name)):
                    yield {"source": article.get("source"), "url": article.get("url"),
                           "published": article.get("date_extracted"), "title": article.get("title"),
                           "text": article.get("content") or ""}


def ant_records() -> Iterator[dict]:
    """ANT articles (TREC XML): DOCNO -> id, URL, SRC -> source, TITLE, TIME -> published, TEXT."""
    with tarfile.open(ANT) as tar:
        members = sorted((m for m in tar if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        for member in members:
            raw = tar.extractfile(member).read().decode("utf-8", "replace")
            fields = {key: value.strip() for key, value in _FIELD.findall(raw)}
            yield {"id": "ant-" + fields.get("DOCNO", member.name), "source": fields.get("SRC"),
                   "url": fields.get("URL"), "published": fields.get("TIME"),
                   "title": fields.get("TITLE"), "text": fields.get("TEXT", "")}


def write_jsonl(records: Iterator[dict], path: Path) -> int:
    """Write records as JSON lines; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def available() -> bool:
    return SAUDI.is_dir() and ANT.is_file()

"""Read the articles the quote gold set refers to, from the news corpora in ../shared/data.

Offsets in eval/quotes_gold.jsonl are character offsets into one field of one article:
saudinewsnet `content` (the JSON field, as json.load returns it), or ant-multisource `TEXT`
(the characters between `<TEXT>` and `</TEXT>`, without the line breaks that wrap them).
"""

from __future__ import annotations

import json
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


@dataclass(frozen=True, slots=True)
class Article:
    """One corpus article: where it comes from and the text field the gold offsets refer to."""

    corpus: str
    id: str  # saudinewsnet: the URL; ant-multisource: the DOCNO
    archive: str  # zip or tar member file name
    source: str
    title: str
    text: str


def saudinewsnet(data: Path = DATA) -> dict[str, Article]:
    """Every saudinewsnet article by URL (the last record wins for a repeated URL)."""
    out: dict[str, Article] = {}
    for path in sorted((data / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name).decode("utf-8")):
                    out[record["url"]] = Article("saudinewsnet", record["url"], path.name,
                                                 record["source"], record["title"],
                                                 record["content"])
    return out


def _field(doc: str, tag: str) -> str:
    start = doc.find(f"<{tag}>")
    end = doc.find(f"</{tag}>")
    return doc[start + len(tag) + 2 : end].strip("\n") if start >= 0 and end > start else ""


def ant_multisource(data: Path = DATA) -> dict[str, Article]:
    """Every ant-multisource article by DOCNO."""
    out: dict[str, Article] = {}
    path = data / "ant-multisource" / "ant_multisource_v2.1_2018-03.tar.gz"
    with tarfile.open(path) as archive:
        for member in archive:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            raw = archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            docno = _field(raw, "DOCNO").strip()
            out[docno] = Article("ant-multisource", docno, member.name, _field(raw, "SRC").strip(),
                                 _field(raw, "TITLE").strip(), _field(raw, "TEXT"))
    return out


def load_articles(corpora: set[str], data: Path = DATA) -> dict[tuple[str, str], Article]:
    """Articles of the named corpora keyed by (corpus, id)."""
    out: dict[tuple[str, str], Article] = {}
    if "saudinewsnet" in corpora:
        out.update({("saudinewsnet", k): v for k, v in saudinewsnet(data).items()})
    if "ant-multisource" in corpora:
        out.update({("ant-multisource", k): v for k, v in ant_multisource(data).items()})
    return out

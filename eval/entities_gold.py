"""The blind entity set's gold file (eval/entities_gold.jsonl): reading it and checking it.

One JSON line per article: where the article is (corpus, id, archive, outlet), its half, the
SHA-256 of the annotated corpus field, and persons, organizations and locations as offsets into
that field. The rules: docs/annotation-entities.md.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from eval.quotes_corpus import Article

GOLD = Path(__file__).resolve().parent / "entities_gold.jsonl"
TYPES = {"persons": "PER", "organizations": "ORG", "locations": "LOC"}
RECORD_KEYS = {"n", "half", "corpus", "id", "archive", "source", "sha256", *TYPES}
ROLE_KEYS = {"title", "title_value", "affiliation", "value"}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def article_for(record: dict, articles: dict) -> Article:
    """The record's corpus article, refused when it is not the text that was annotated."""
    article = articles[(record["corpus"], record["id"])]
    if text_hash(article.text) != record["sha256"]:
        raise SystemExit(f"article {record['n']} ({record['id']}) is not the text that was "
                         "annotated")
    return article


def problems(record: dict, text: str) -> list[str]:
    """What is wrong with one gold record against its article text (empty when nothing)."""
    if set(record) != RECORD_KEYS:
        return [f"keys {sorted(set(record) ^ RECORD_KEYS)}"]
    out = []
    if record["half"] not in ("dev", "test"):
        out.append(f"half {record['half']!r}")
    if text_hash(text) != record["sha256"]:
        out.append("the text is not the one annotated")

    def bad(span) -> bool:
        if not isinstance(span, list) or len(span) != 2:
            return True
        if not all(isinstance(x, int) for x in span):
            return True
        inside = text[slice(*span)]
        return not 0 <= span[0] < span[1] <= len(text) or inside != inside.strip()

    mentions = []
    for key in TYPES:
        for entity in record[key]:
            expected = {"mentions", "role"} if key == "persons" else {"mentions"}
            if set(entity) != expected or not entity["mentions"]:
                out.append(f"{key}: an entity with keys {sorted(entity)}")
                continue
            out += [f"{key}: span {m}" for m in entity["mentions"] if bad(m)]
            mentions += [m for m in entity["mentions"] if not bad(m)]
            out += _role_problems(entity.get("role"), bad)
    mentions.sort()
    out += [f"mentions overlap: {a} {b}" for a, b in zip(mentions, mentions[1:]) if b[0] < a[1]]
    return out


def _role_problems(role: dict | None, bad) -> list[str]:
    if role is None:
        return []
    if set(role) != ROLE_KEYS or bad(role["title"]):
        return [f"role {role}"]
    if role["affiliation"] is not None and bad(role["affiliation"]):
        return [f"affiliation {role['affiliation']}"]
    labels = (role["title_value"], role["value"])
    if not all(v is None or (isinstance(v, str) and v.strip()) for v in labels):
        return [f"role labels {labels}"]
    return []

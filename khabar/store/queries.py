"""Read-only queries the HTTP API and the web interface need beyond `Store`'s own methods.

Each function takes the Store's sqlite3 connection and returns plain, JSON-ready dicts. All SQL
is parameterized; the only thing ever formatted into a statement is a fixed column list.
Quote and event texts are cut from the stored `text` with the stored offsets (SQLite's
`substr` counts characters, as Python does), never stored twice.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from khabar.arabic import fold
from khabar.errors import NotInStoreError
from khabar.store.entities import entity_key
from khabar.store.network import event_ties

FOLD_FUNCTION = "khabar_fold"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and the number of rows on all pages together."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)


def install_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions these queries use (Arabic folding) on a connection."""
    conn.create_function(FOLD_FUNCTION, 1, _fold_or_none, deterministic=True)


def _fold_or_none(text: str | None) -> str | None:
    return None if text is None else " ".join(fold(text).split())


def _folded_words(text: str | None) -> list[str]:
    return fold(text or "").split()


# -- articles --------------------------------------------------------------------------------

_ARTICLE_COLUMNS = ("id", "source", "domain", "url", "published", "day", "title", "story_id")


def latest_articles(conn: sqlite3.Connection, *, source: str | None = None, limit: int = 20,
                    offset: int = 0) -> Page:
    """Stored articles (status ok), newest day first, optionally from one outlet."""
    params = {"source": source, "limit": limit, "offset": offset}
    where = "status = 'ok' AND (:source IS NULL OR source = :source OR domain = :source)"
    total = conn.execute(f"SELECT COUNT(*) FROM documents WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM documents WHERE {where} "
                        "ORDER BY day IS NULL, day DESC, n DESC LIMIT :limit OFFSET :offset", params)
    return Page([dict(zip(_ARTICLE_COLUMNS, row)) for row in rows], total, limit, offset)


def article_context(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """What the store knows around one article: its story and its entities' collection ids."""
    row = conn.execute("SELECT n, story_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotInStoreError("E503", doc_id=doc_id)
    n, story_id = row
    links = dict(conn.execute("SELECT local_id, entity_id FROM doc_entities WHERE doc_n = ?", (n,)).fetchall())
    story = None
    if story_id:
        found = conn.execute("SELECT id, headline, size, outlets FROM stories WHERE id = ?", (story_id,)).fetchone()
        if found:
            story = dict(zip(("id", "headline", "size", "outlets"), found))
    return {"story": story, "entity_ids": links}


# -- entities --------------------------------------------------------------------------------

# The distinct entity types by hopping along the (type, last, words) index: a few lookups
# instead of the full index scan that SELECT DISTINCT makes (it ran on every search).
_ENTITY_TYPES_SQL = """
WITH RECURSIVE types(type) AS (
    SELECT MIN(type) FROM entities
    UNION ALL
    SELECT (SELECT MIN(type) FROM entities WHERE type > types.type) FROM types WHERE types.type IS NOT NULL
)
SELECT type FROM types WHERE type IS NOT NULL
"""


def entity_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Collection entities a name refers to, whatever its spelling or the titles before it."""
    ids: list[int] = []
    for (entity_type,) in conn.execute(_ENTITY_TYPES_SQL).fetchall():
        key = entity_key(entity_type, name)
        if not key:
            continue
        rows = conn.execute("SELECT id FROM entities WHERE type = ? AND (key = ? OR "
                            "(? NOT LIKE '% %' AND last = ? AND words > 1))",
                            (entity_type, key, key, key)).fetchall()
        ids.extend(row[0] for row in rows)
    return ids


_ENTITY_COLUMNS = ("id", "type", "name", "mentions", "documents")


def list_entities(conn: sqlite3.Connection, *, type: str | None = None, name: str | None = None,
                  limit: int = 50, offset: int = 0) -> Page:
    """Collection entities by number of articles; `name` keeps those it refers to."""
    params: dict[str, Any] = {"type": type, "limit": limit, "offset": offset}
    where = "(:type IS NULL OR type = :type)"
    if name:
        ids = entity_ids(conn, name)
        where += " AND id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(ids)
    total = conn.execute(f"SELECT COUNT(*) FROM entities WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {', '.join(_ENTITY_COLUMNS)} FROM entities WHERE {where} "
                        "ORDER BY documents DESC, mentions DESC, id LIMIT :limit OFFSET :offset", params)
    return Page([dict(zip(_ENTITY_COLUMNS, row)) for row in rows], total, limit, offset)


def entity_detail(conn: sqlite3.Connection, entity_id: int, *, limit: int = 20) -> dict[str, Any]:
    """One entity: names, articles that mention it, roles over time, quotes, and its strongest ties
    (`cooccurring`: by shared articles; `event_ties`: by events between them)."""
    row = conn.execute(f"SELECT {', '.join(_ENTITY_COLUMNS)} FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotInStoreError("E507", entity_id=entity_id)
    entity = dict(zip(_ENTITY_COLUMNS, row))
    entity["names"] = [{"name": n, "count": c} for n, c in conn.execute(
        "SELECT name, count FROM entity_names WHERE entity_id = ? ORDER BY count DESC, name", (entity_id,))]
    entity["articles"] = [dict(zip(("id", "title", "source", "day", "mentions"), r)) for r in conn.execute(
        "SELECT d.id, d.title, d.source, d.day, SUM(de.mentions) FROM doc_entities de "
        "JOIN documents d ON d.n = de.doc_n WHERE de.entity_id = ? GROUP BY d.n "
        "ORDER BY d.day IS NULL, d.day DESC, d.n DESC LIMIT ?", (entity_id, limit))]
    entity["roles"] = [dict(zip(("title", "affiliation", "day", "doc_id"), r)) for r in conn.execute(
        "SELECT r.title, r.affiliation, d.day, d.id FROM roles r JOIN documents d ON d.n = r.doc_n "
        "WHERE r.entity_id = ? ORDER BY d.day IS NULL, d.day, d.n LIMIT ?", (entity_id, limit))]
    entity["cooccurring"] = [dict(zip(("id", "name", "type", "documents"), r)) for r in conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(DISTINCT b.doc_n) AS shared FROM doc_entities a "
        "JOIN doc_entities b ON b.doc_n = a.doc_n AND b.entity_id != a.entity_id "
        "JOIN entities e ON e.id = b.entity_id WHERE a.entity_id = ? "
        "GROUP BY b.entity_id ORDER BY shared DESC, e.name LIMIT ?", (entity_id, limit))]
    entity["event_ties"] = event_ties(conn, entity_id, limit=limit)
    entity["quotes"] = list_quotes(conn, speaker_id=entity_id, limit=limit).items
    return entity


# -- quotes ----------------------------------------------------------------------------------

_QUOTE_SQL = """
SELECT d.id, d.title, d.source, d.day, q.idx, q.speaker_entity, e.name, q.speaker_text, q.direct,
       q.start, q."end", substr(t.text, q.start + 1, q."end" - q.start)
FROM quotes q
JOIN documents d ON d.n = q.doc_n
LEFT JOIN entities e ON e.id = q.speaker_entity
JOIN (SELECT n, json_extract(json, '$.text') AS text FROM documents) t ON t.n = q.doc_n
"""
_QUOTE_KEYS = ("doc_id", "title", "source", "day", "index", "speaker_id", "speaker", "speaker_text",
               "direct", "start", "end", "text")


def list_quotes(conn: sqlite3.Connection, *, speaker: str | None = None, speaker_id: int | None = None,
                text: str | None = None, limit: int = 20, offset: int = 0) -> Page:
    """Quotes, newest first: by a speaker (a name, any spelling; or a collection id) and words."""
    install_functions(conn)
    where, params = ["1 = 1"], {"limit": limit, "offset": offset}
    if speaker_id is not None:
        where.append("q.speaker_entity = :speaker_id")
        params["speaker_id"] = int(speaker_id)
    if speaker:
        where.append("(q.speaker_entity IN (SELECT value FROM json_each(:speaker_ids)) "
                     "OR q.speaker_key = :speaker_key)")
        params["speaker_ids"] = json.dumps(entity_ids(conn, speaker))
        params["speaker_key"] = " ".join(_folded_words(speaker))
    for i, word in enumerate(_folded_words(text)):
        where.append(f"instr({FOLD_FUNCTION}(substr(t.text, q.start + 1, q.\"end\" - q.start)), :w{i}) > 0")
        params[f"w{i}"] = word
    condition = " AND ".join(where)
    total = conn.execute(f"SELECT COUNT(*) FROM ({_QUOTE_SQL} WHERE {condition})", params).fetchone()[0]
    rows = conn.execute(f"{_QUOTE_SQL} WHERE {condition} ORDER BY d.day IS NULL, d.day DESC, d.n DESC, q.idx "
                        "LIMIT :limit OFFSET :offset", params)
    items = []
    for row in rows:
        item = dict(zip(_QUOTE_KEYS, row))
        item["direct"] = bool(item["direct"])
        items.append(item)
    return Page(items, total, limit, offset)


# -- events ----------------------------------------------------------------------------------

_EVENT_SQL = """
SELECT d.id, d.title, d.source, d.day, e.idx, e.cameo, e.plover, e.source_code, e.target_code,
       e.date, e.confidence, json_extract(d.json, '$.events[' || e.idx || ']'),
       json_extract(d.json, '$.text')
FROM events e JOIN documents d ON d.n = e.doc_n
"""


def event_filter(*, actor: str | None = None, root: str | None = None, date: str | None = None,
                 since: str | None = None, until: str | None = None,
                 min_confidence: float | None = None) -> tuple[str, dict[str, Any]]:
    """The WHERE condition (over `events e JOIN documents d`) and parameters of the event filters.

    An event's day is its own date, else its article's day; `since`/`until` are inclusive and
    compare its first ten characters, so a month-only date counts from that month's first day.
    `min_confidence` keeps events whose calibrated confidence is at least that.
    """
    where, params = ["1 = 1"], {}
    if min_confidence:
        where.append("e.confidence >= :min_confidence")
        params["min_confidence"] = min_confidence
    if actor:
        where.append("(e.source_code LIKE :actor || '%' ESCAPE '\\' OR e.target_code LIKE :actor || '%' ESCAPE '\\')")
        params["actor"] = _like_literal(actor.upper())
    if root:
        where.append("substr(e.cameo, 1, 2) = :root")
        params["root"] = root.zfill(2)[:2]
    if date:
        where.append("COALESCE(e.date, d.day) LIKE :date || '%' ESCAPE '\\'")
        params["date"] = _like_literal(date)
    if since:
        where.append("substr(COALESCE(e.date, d.day), 1, 10) >= :since")
        params["since"] = since
    if until:
        # A prefix (2015, 2015-07) includes its whole year or month.
        where.append("substr(COALESCE(e.date, d.day), 1, length(:until)) <= :until")
        params["until"] = until
    return " AND ".join(where), params


EVENT_ORDER = ("COALESCE(e.date, d.day) IS NULL, COALESCE(e.date, d.day) DESC, d.n DESC, e.idx")


def list_events(conn: sqlite3.Connection, *, actor: str | None = None, root: str | None = None,
                date: str | None = None, since: str | None = None, until: str | None = None,
                min_confidence: float | None = None, limit: int = 20, offset: int = 0) -> Page:
    """Events, newest first: by actor code (source or target, prefix), CAMEO root, date prefix, range,
    lowest confidence."""
    condition, params = event_filter(actor=actor, root=root, date=date, since=since, until=until,
                                     min_confidence=min_confidence)
    params.update(limit=limit, offset=offset)
    total = conn.execute(f"SELECT COUNT(*) FROM events e JOIN documents d ON d.n = e.doc_n WHERE {condition}",
                         params).fetchone()[0]
    rows = conn.execute(f"{_EVENT_SQL} WHERE {condition} ORDER BY {EVENT_ORDER} LIMIT :limit OFFSET :offset",
                        params)
    items = []
    for doc_id, title, source, day, idx, cameo, plover, source_code, target_code, when, confidence, raw, text in rows:
        event = json.loads(raw) if raw else {}
        trigger, sentence = event.get("trigger") or {}, event.get("sentence") or {}
        items.append({
            "doc_id": doc_id, "title": title, "source": source, "day": day, "index": idx,
            "cameo": cameo, "root": cameo[:2], "plover": plover, "date": when, "confidence": confidence,
            "source_actor": _actor(event.get("source"), source_code),
            "target_actor": _actor(event.get("target"), target_code),
            "trigger": _cut(text, trigger), "sentence": _cut(text, sentence),
        })
    return Page(items, total, limit, offset)


def _actor(actor: dict[str, Any] | None, code: str | None) -> dict[str, Any] | None:
    if not actor and not code:
        return None
    actor = actor or {}
    return {"code": actor.get("code", code), "name": actor.get("name")}


def _cut(text: str | None, span: dict[str, Any]) -> str | None:
    if not text or "start" not in span:
        return None
    return text[span["start"]:span["end"]]


def _like_literal(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- stories ---------------------------------------------------------------------------------

def count_stories(conn: sqlite3.Connection, *, min_size: int = 1) -> int:
    """How many stories have at least `min_size` articles."""
    return conn.execute("SELECT COUNT(*) FROM stories WHERE size >= ?", (min_size,)).fetchone()[0]


def story_versions(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """Each outlet's articles in a story, with their lead (first 300 characters)."""
    rows = conn.execute(
        "SELECT d.id, d.source, d.day, d.title, d.url, l.kind, l.score, "
        "substr(json_extract(d.json, '$.text'), 1, 300) FROM documents d "
        "LEFT JOIN story_links l ON l.doc_n = d.n WHERE d.story_id = ? ORDER BY d.source, d.n", (story_id,))
    outlets: dict[str, list[dict[str, Any]]] = {}
    keys = ("id", "source", "day", "title", "url", "link", "score", "lead")
    for row in rows:
        article = dict(zip(keys, row))
        outlets.setdefault(article["source"] or "?", []).append(article)
    return [{"outlet": outlet, "articles": articles} for outlet, articles in outlets.items()]

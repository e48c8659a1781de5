"""Entities across articles in the store: the rules of khabar.collection.entities, applied as
articles arrive.

A per-article entity is linked by its key (`entity_key`). A person named by one word (`كيري`)
links to the collection's only full name ending in that word (`جون كيري`); while there is none,
it keeps its own entity, and when the first full name arrives later the one-word entity is
merged into it; when a second full name ending in the same word arrives, the one-word mentions
leave the first again. So the store ends with the entities the Spark job finds for the same
articles, whatever their order. All of this runs inside the writer's transaction.
"""

from __future__ import annotations

import json
import sqlite3

from khabar.collection.entities import (
    best_name,
    display_name,
    entity_key,
    is_last_name,
    is_person,
    last_word,
)

# Every column that holds a collection entity id, and so moves when entities merge or split.
ENTITY_COLUMNS = (("doc_entities", "entity_id"), ("roles", "entity_id"), ("quotes", "speaker_entity"),
                  ("events", "source_entity"), ("events", "target_entity"), ("events", "location"),
                  ("places", "entity_id"))


def link_entity(conn: sqlite3.Connection, entity_type: str, name: str) -> int:
    """The global entity id for a per-article entity, creating, merging or splitting as needed."""
    key = entity_key(entity_type, name)
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity_type, key)).fetchone()
    last_name = is_last_name(entity_type, key)
    if last_name:
        full = _full_name_for(conn, entity_type, key)
        if full is not None:
            return full
    if row is not None:
        return row[0]
    entity_id = _create(conn, entity_type, key, display_name(name, key))
    if is_person(entity_type) and " " in key:
        _settle_last_name(conn, entity_type, last_word(key))
    return entity_id


def _create(conn: sqlite3.Connection, entity_type: str, key: str, display: str) -> int:
    words = key.split()
    return conn.execute(
        "INSERT INTO entities(type, key, last, words, name) VALUES (?, ?, ?, ?, ?)",
        (entity_type, key, words[-1] if words else key, len(words), display)).lastrowid


def _full_name_for(conn: sqlite3.Connection, entity_type: str, last: str) -> int | None:
    rows = conn.execute("SELECT id FROM entities WHERE type = ? AND last = ? AND words > 1 LIMIT 2",
                        (entity_type, last)).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _settle_last_name(conn: sqlite3.Connection, entity_type: str, last: str) -> None:
    """After a full name ending in `last` arrived: the one-word `last` mentions join it when it is
    the only such full name (`جون كيري` absorbs `كيري`), and leave the full name they had joined
    when it no longer is (a second `... كيري` arrived)."""
    full_names = [row[0] for row in conn.execute(
        "SELECT id FROM entities WHERE type = ? AND last = ? AND words > 1 LIMIT 3", (entity_type, last))]
    own = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity_type, last)).fetchone()
    if len(full_names) == 1:
        if own is not None:
            _merge(conn, own[0], full_names[0])
            conn.execute("DELETE FROM entity_names WHERE entity_id = ?", (own[0],))
            conn.execute("DELETE FROM entities WHERE id = ?", (own[0],))
            recount_entity(conn, full_names[0])
        return
    if len(full_names) > 2:
        return  # the one-word mentions left the full names when the second one arrived
    # Ambiguous just now: take the one-word article entities back out of the full name holding them.
    for holder in full_names:
        rows = conn.execute("SELECT doc_n, local_id, name FROM doc_entities WHERE entity_id = ?", (holder,))
        locals_by_doc: dict[int, set[str]] = {}
        for n, local_id, name in rows.fetchall():
            if entity_key(entity_type, name) == last:
                locals_by_doc.setdefault(n, set()).add(local_id)
        if not locals_by_doc:
            continue
        if own is None:
            own = (_create(conn, entity_type, last, last),)
        for n, local_ids in sorted(locals_by_doc.items()):
            _move_article_entities(conn, n, local_ids, holder, own[0])
        names = conn.execute("SELECT name, count FROM entity_names WHERE entity_id = ?", (holder,)).fetchall()
        for name, count in names:
            if entity_key(entity_type, name) == last:
                _add_name(conn, own[0], name, count)
                conn.execute("DELETE FROM entity_names WHERE entity_id = ? AND name = ?", (holder, name))
        recount_entity(conn, holder)
        recount_entity(conn, own[0])


def _move_article_entities(conn: sqlite3.Connection, n: int, local_ids: set[str], old: int, new: int) -> None:
    """Point what article `n`'s entities `local_ids` said (mentions, roles, quotes, events, places)
    at collection entity `new` instead of `old`; the article's other entities stay with `old`.

    Roles, quotes and events hold no article entity id in their tables, so the stored Document
    says which rows came from these entities."""
    doc = json.loads(conn.execute("SELECT json FROM documents WHERE n = ?", (n,)).fetchone()[0])
    ids = sorted(local_ids)
    conn.executemany("UPDATE doc_entities SET entity_id = ? WHERE doc_n = ? AND local_id = ?",
                     [(new, n, local_id) for local_id in ids])
    conn.executemany("UPDATE places SET entity_id = ? WHERE doc_n = ? AND local_id = ?",
                     [(new, n, local_id) for local_id in ids])
    for entity in doc.get("entities") or ():
        if entity.get("id") in local_ids:
            conn.executemany("UPDATE roles SET entity_id = ? WHERE doc_n = ? AND entity_id = ? AND start = ? "
                             "AND \"end\" = ?", [(new, n, old, role["evidence"]["start"], role["evidence"]["end"])
                                                 for role in entity.get("roles") or ()])
    for idx, quote in enumerate(doc.get("quotes") or ()):
        if quote.get("speaker") in local_ids:
            conn.execute("UPDATE quotes SET speaker_entity = ? WHERE doc_n = ? AND idx = ?", (new, n, idx))
    for idx, event in enumerate(doc.get("events") or ()):
        for column, local_id in (("source_entity", (event.get("source") or {}).get("entity")),
                                 ("target_entity", (event.get("target") or {}).get("entity")),
                                 ("location", event.get("location"))):
            if local_id in local_ids:
                conn.execute(f"UPDATE events SET {column} = ? WHERE doc_n = ? AND idx = ?", (new, n, idx))


def _merge(conn: sqlite3.Connection, old: int, new: int) -> None:
    """Point every reference to entity `old`, and its names, at `new`."""
    for table, column in ENTITY_COLUMNS:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    for name, count in conn.execute("SELECT name, count FROM entity_names WHERE entity_id = ?",
                                    (old,)).fetchall():
        _add_name(conn, new, name, count)


def _add_name(conn: sqlite3.Connection, entity_id: int, name: str, count: int) -> None:
    conn.execute("INSERT INTO entity_names(entity_id, name, count) VALUES (?, ?, ?) "
                 "ON CONFLICT(entity_id, name) DO UPDATE SET count = count + excluded.count",
                 (entity_id, name, count))


def recount_entity(conn: sqlite3.Connection, entity_id: int) -> None:
    """Recompute an entity's mention and document counts, and its display name, from the articles
    linked to it."""
    conn.execute(
        "UPDATE entities SET mentions = (SELECT COALESCE(SUM(mentions), 0) FROM doc_entities "
        "WHERE entity_id = :id), documents = (SELECT COUNT(DISTINCT doc_n) FROM doc_entities "
        "WHERE entity_id = :id) WHERE id = :id", {"id": entity_id})
    row = conn.execute("SELECT type, key FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is not None:
        names = conn.execute("SELECT name, count FROM entity_names WHERE entity_id = ?", (entity_id,))
        name = best_name(names.fetchall(), row[0], row[1])
        if name is not None:
            conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))

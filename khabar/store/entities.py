"""Entities across articles: one global entity per type + normalized canonical name.

A per-article entity name is reduced to a key: folded (khabar.arabic.fold), punctuation removed,
and, for people, leading titles and descriptions dropped (`وزير الخارجية الأمريكي جون كيري` →
`جون كيري`). A person named by one word (`كيري`) links to the collection's only full name ending
in that word (`جون كيري`); while there is none, or more than one, it keeps its own entity, and
when the first full name arrives later the one-word entity is merged into it. All of this runs
inside the writer's transaction, so the result depends only on the order of the articles.
"""

from __future__ import annotations

import re
import sqlite3

from khabar.arabic import fold

PERSON_TYPES = frozenset({"PER", "PERSON", "PERS"})

# Titles and descriptions that precede a person's name (folded forms, written by us).
_TITLE_WORDS = frozenset(fold(w) for w in """
وزير وزيرة الوزير رئيس رئيسة الرئيس نائب النائب الملك الأمير الامير الشيخ السيد السيدة الدكتور
الدكتورة د المستشار المتحدث المتحدثة باسم الناطق العاهل ولي العهد خادم الحرمين الشريفين سمو
صاحب السمو الملكي معالي فخامة سعادة اللواء العميد العقيد الفريق المشير الجنرال القائد قائد
الأمين العام امين أمين الخارجية الداخلية الدفاع المالية الوزراء الحكومة الجمهورية مجلس المدير
مدير السفير سفير المبعوث مبعوث الخاص الأممي الاممي البابا الإمام الامام الحاكم حاكم عضو النائبة
""".split())
_PUNCT = re.compile(r"[^\w\s]|_")


def entity_key(entity_type: str, name: str) -> str:
    """The normalized canonical name that identifies an entity of this type in the collection."""
    words = _PUNCT.sub(" ", fold(name)).split()
    if entity_type.upper() in PERSON_TYPES:
        while len(words) > 1 and (words[0] in _TITLE_WORDS or _is_nisba(words[0], words[1:])):
            words = words[1:]
    return " ".join(words)


def _is_nisba(word: str, rest: list[str]) -> bool:
    # `الأمريكي`, `السعودية`: a definite relational adjective before a name describes it.
    return len(rest) >= 1 and word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) > 4


def link_entity(conn: sqlite3.Connection, entity_type: str, name: str) -> int:
    """The global entity id for a per-article entity, creating or merging as needed."""
    key = entity_key(entity_type, name) or fold(name).strip() or name
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity_type, key)).fetchone()
    person = entity_type.upper() in PERSON_TYPES
    if row is not None:
        entity_id = row[0]
        if person and " " not in key:
            return _full_name_for(conn, entity_type, key) or entity_id
        return entity_id
    if person and " " not in key:
        full = _full_name_for(conn, entity_type, key)
        if full is not None:
            return full
    display = _display(name, key) if person else name
    words = key.split()
    entity_id = conn.execute(
        "INSERT INTO entities(type, key, last, words, name) VALUES (?, ?, ?, ?, ?)",
        (entity_type, key, words[-1] if words else key, len(words), display)).lastrowid
    if person and " " in key:
        _absorb_last_name(conn, entity_type, key, entity_id)
    return entity_id


def _display(name: str, key: str) -> str:
    """The original spelling of the part of `name` that the key kept (titles removed)."""
    words = name.split()
    count = len(key.split())
    return " ".join(words[-count:]) if count <= len(words) else name


def _full_name_for(conn: sqlite3.Connection, entity_type: str, last: str) -> int | None:
    rows = conn.execute("SELECT id FROM entities WHERE type = ? AND last = ? AND words > 1 LIMIT 2",
                        (entity_type, last)).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _absorb_last_name(conn: sqlite3.Connection, entity_type: str, key: str, entity_id: int) -> None:
    """When the first full name `جون كيري` arrives, merge an earlier one-word `كيري` into it."""
    last = key.rsplit(" ", 1)[1]
    if _full_name_for(conn, entity_type, last) != entity_id:
        return  # another full name also ends in this word: ambiguous, keep them apart
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity_type, last)).fetchone()
    if row is None:
        return
    old = row[0]
    for table, column in (("doc_entities", "entity_id"), ("roles", "entity_id"),
                          ("quotes", "speaker_entity"), ("events", "source_entity"),
                          ("events", "target_entity"), ("events", "location")):
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (entity_id, old))
    for name, count in conn.execute("SELECT name, count FROM entity_names WHERE entity_id = ?", (old,)).fetchall():
        conn.execute("INSERT INTO entity_names(entity_id, name, count) VALUES (?, ?, ?) "
                     "ON CONFLICT(entity_id, name) DO UPDATE SET count = count + excluded.count",
                     (entity_id, name, count))
    conn.execute("DELETE FROM entity_names WHERE entity_id = ?", (old,))
    conn.execute("DELETE FROM entities WHERE id = ?", (old,))
    recount_entity(conn, entity_id)


def recount_entity(conn: sqlite3.Connection, entity_id: int) -> None:
    """Recompute an entity's mention and document counts from the articles linked to it."""
    conn.execute(
        "UPDATE entities SET mentions = (SELECT COALESCE(SUM(mentions), 0) FROM doc_entities "
        "WHERE entity_id = :id), documents = (SELECT COUNT(DISTINCT doc_n) FROM doc_entities "
        "WHERE entity_id = :id) WHERE id = :id", {"id": entity_id})

"""A person's titles across the collection (issue 14), kept apart from each article's evidence.

The `roles` table holds the titles each article gives its persons. From it the store answers two
questions: which titles a person held over time (first and last day seen, in how many
articles), and, for an article that names a person bare, which title the collection last knew
for them by that article's day. The second answer is marked `"from": "collection"` and names
the article it came from; it is never added to the article's own Document.

Example (a store whose article `bare` names `سامح شكري` without a title, and an earlier one
calls him `وزير الخارجية المصري`):

    known_titles(store.conn, "bare")
    # {"e3": {"title": "وزير الخارجية", "affiliation": "مصر", "doc_id": "earlier",
    #         "day": "2024-03-05", "from": "collection"}}
"""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.arabic import fold
from khabar.entities.roles import HONORIFICS
from khabar.errors import NotInStoreError

FROM_COLLECTION = "collection"
_CANDIDATES = 20  # latest roles read per person to find one that is not an honorific

_OVER_TIME_SQL = """
SELECT r.title, r.affiliation, MIN(d.day), MAX(d.day), COUNT(DISTINCT r.doc_n),
       (SELECT d2.id FROM roles r2 JOIN documents d2 ON d2.n = r2.doc_n
        WHERE r2.entity_id = r.entity_id AND r2.title = r.title
          AND r2.affiliation IS r.affiliation
        ORDER BY d2.day IS NULL, d2.day DESC, d2.n DESC LIMIT 1)
FROM roles r JOIN documents d ON d.n = r.doc_n
WHERE r.entity_id = ?
GROUP BY r.title, r.affiliation
ORDER BY MAX(d.day) IS NULL, MAX(d.day) DESC, COUNT(DISTINCT r.doc_n) DESC, r.title
LIMIT ?
"""

_LATEST_SQL = """
SELECT r.title, r.affiliation, d.id, d.day
FROM roles r JOIN documents d ON d.n = r.doc_n
WHERE r.entity_id = :entity AND r.doc_n != :doc
  AND (:day IS NULL OR d.day IS NULL OR d.day <= :day)
ORDER BY d.day IS NULL, d.day DESC, d.n DESC
LIMIT :limit
"""


def titles_over_time(conn: sqlite3.Connection, entity_id: int, *, limit: int = 20) -> list[dict[str, Any]]:
    """Each (title, affiliation) a person held in the collection, most recent first, with the
    first and last day it was seen, in how many articles, and the latest of those articles."""
    keys = ("title", "affiliation", "first_day", "last_day", "articles", "last_doc_id")
    return [dict(zip(keys, row)) for row in conn.execute(_OVER_TIME_SQL, (entity_id, limit))]


def known_titles(conn: sqlite3.Connection, doc_id: str) -> dict[str, dict[str, Any]]:
    """For each person the article names without a title: the title the collection last knew
    by the article's day, keyed by the article's entity id (`e3`).

    A full title is preferred to an honorific (`الأمير`) among the latest ones. Each value is
    `{"title", "affiliation", "doc_id", "day", "from": "collection"}`; `doc_id` is the article
    the title was read in.
    """
    row = conn.execute("SELECT n, day FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotInStoreError("E503", doc_id=doc_id)
    n, day = row
    titled = {entity for (entity,) in conn.execute("SELECT DISTINCT entity_id FROM roles WHERE doc_n = ?", (n,))}
    known: dict[str, dict[str, Any]] = {}
    persons = conn.execute("SELECT local_id, entity_id FROM doc_entities WHERE doc_n = ? AND type = 'PER' "
                           "ORDER BY local_id", (n,)).fetchall()
    for local_id, entity_id in persons:
        if entity_id in titled:
            continue  # the article's own evidence stands; the collection never mixes in
        rows = conn.execute(_LATEST_SQL, {"entity": entity_id, "doc": n, "day": day,
                                          "limit": _CANDIDATES}).fetchall()
        best = next((r for r in rows if fold(r[0]) not in HONORIFICS), rows[0] if rows else None)
        if best is not None:
            title, affiliation, source_id, source_day = best
            known[local_id] = {"title": title, "affiliation": affiliation, "doc_id": source_id,
                               "day": source_day, "from": FROM_COLLECTION}
    return known

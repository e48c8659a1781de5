"""The SQLite store: documents, raw inputs, search, stories and entities in one file.

`Store` is the one object the CLI and the HTTP API read and write through. Writes go through
`write_documents` / `write_prepared`, one transaction per call, so a crash at any moment leaves
the database as it was after the last finished batch. The schema changes only through the
numbered scripts in `migrations/`; `PRAGMA user_version` holds the number of the last one.

Example:
    >>> store = open_store(":memory:")
    >>> store.search("الأمم المتحدة").hits
    []
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.arabic import fold
from khabar.collection import stories as story_signals
from khabar.collection.day import parse_day
from khabar.collection.stories import StoryHasher
from khabar.document import STATUS_FAILED, STATUS_OK, Document, Reason, Source
from khabar.errors import ConfigError, NotInStoreError, SearchQueryError, StoreError
from khabar.store import queries, watches
from khabar.store.entities import link_entity, recount_entity
from khabar.store.places import write_places
from khabar.store.prepare import Prepared, prepare
from khabar.store.search import make_snippet, parse_query
from khabar.store.stories import add_to_story

# Outcomes of writing one input.
STORED, ALIAS, DUPLICATE, SKIPPED = "stored", "alias", "duplicate_id", "skipped"
# Reason code of a document stored as failed because the database refused its record.
STORE_ERROR = "store_error"

# Seconds a statement waits for a lock (SQLite's busy timeout), and how long a writer waits for
# its turn when other processes write into the same store (their transactions take seconds).
_BUSY_TIMEOUT = 30.0
_WRITE_LOCK_WAIT = 600.0


@dataclass
class WriteResult:
    """How many inputs a write stored, linked as aliases, or skipped as already present.

    `failed` holds, by position in the written items, the failed documents (reason
    `store_error`) stored in place of records that the database refused.
    """

    outcomes: dict[str, int] = field(default_factory=dict)
    failed: dict[int, Document] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the document, its rank score (lower is better) and a snippet."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # ranges in `snippet`
    snippet_start: int  # offset of the snippet in the document text


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of search results; `has_more` says whether a next page exists."""

    query: str
    hits: list[SearchHit]
    has_more: bool


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """A story: its headline, size, outlets and the days it was first and last seen."""

    id: str
    headline: str | None
    first_seen: str | None
    last_seen: str | None
    size: int
    outlets: tuple[str, ...]


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("khabar.store").joinpath("migrations")
    scripts = []
    for item in folder.iterdir():
        if item.name.endswith(".sql") and item.name[:4].isdigit():
            scripts.append((int(item.name[:4]), item.read_text(encoding="utf-8")))
    return sorted(scripts)


def schema_version() -> int:
    """The schema version this code writes: the number of the last migration."""
    return _migrations()[-1][0]


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one at a time.

    `executescript` would commit before running the script, so migrations run their statements
    one by one inside the migrating transaction instead. A statement ends at a `;` that
    `sqlite3.complete_statement` accepts, so semicolons in strings, comments and trigger bodies
    (`BEGIN ... END;`) stay inside their statement.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _has_sql(buffer):
                yield buffer
            buffer = ""
    if _has_sql(buffer):
        raise StoreError("E501", detail=f"incomplete statement at the end of a migration: {buffer[:80]!r}")


def _has_sql(text: str) -> bool:
    lines = (line.split("--", 1)[0] for line in text.splitlines())
    return bool("".join(lines).strip(" \t;"))


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error)


def _retry_busy(action: Callable[[], Any], *, wait: float = _BUSY_TIMEOUT) -> Any:
    """Run `action`, retrying for up to `wait` seconds while the database is locked."""
    deadline = time.monotonic() + wait
    delay = 0.005
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


# Errors that come from one record's data (a value SQLite cannot bind, a broken constraint, a
# field of the wrong type), not from the database itself: OperationalError (locked, disk full,
# I/O) is not among them, so it still rolls back the whole batch.
_RECORD_ERRORS = (sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.IntegrityError,
                  sqlite3.DataError, TypeError, ValueError, OverflowError, AttributeError, LookupError)


def _as_failure(item: Prepared, error: Exception) -> Prepared:
    """The failed document (reason `store_error`) stored for a record the database refused.

    It keeps the input key, so a re-run skips the input instead of failing on it again, and its
    metadata is coerced to text so the failure row itself can be stored.
    """
    doc = item.doc
    old = doc.source
    source = Source(_text(getattr(old, "name", None)), _text(getattr(old, "domain", None)),
                    _text(getattr(old, "url", None)))
    published = _text(doc.published)
    reason = Reason(STORE_ERROR, "store.write", f"{type(error).__name__}: {error}")
    failed = dataclasses.replace(doc, id=_text(doc.id) or item.input_key, title=_text(doc.title),
                                 source=source, published=published, status=STATUS_FAILED, reason=reason)
    return dataclasses.replace(item, doc=failed, doc_json=failed.to_json(), text_key=None,
                               day=parse_day(published), index_title="", index_body="", story=None)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


class Store:
    """Documents, raw inputs, search index, stories and entities in one SQLite database."""

    def __init__(self, path: str | Path, *, hasher: StoryHasher | None = None, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("E508", path=self.path)
        self._hasher = hasher
        self._frequencies: story_signals.TopicFrequencies | None = None  # loaded by the first write
        self._data_version: int | None = None  # PRAGMA data_version while `_frequencies` is current
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_TIMEOUT)
            if self.path != ":memory:":
                # On a brand-new file another process may be switching to WAL at the same moment;
                # that can fail with "database is locked" without waiting, so wait here.
                _retry_busy(lambda: self.conn.execute("PRAGMA journal_mode=WAL").fetchall())
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=OFF")
            self._migrate()
        except sqlite3.Error as error:
            raise StoreError("E501", detail=f"cannot open {self.path}: {error}") from error

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the Store cannot be used afterwards."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Apply the missing migrations in one write transaction (safe when processes race)."""
        known = schema_version()
        if self._check_version(known) == known:
            return  # the usual case, without taking the write lock
        self._begin()
        try:
            # Re-read under the lock: another process may have migrated since the first look.
            current = self._check_version(known)
            for number, script in _migrations():
                if number > current:
                    for statement in _statements(script):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _check_version(self, known: int) -> int:
        current = self.user_version
        if current > known:
            raise StoreError("E506", path=self.path, found=current, known=known)
        return current

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: take the write lock now, waiting while another writer holds it."""
        _retry_busy(lambda: self.conn.execute("BEGIN IMMEDIATE"), wait=_WRITE_LOCK_WAIT)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before measuring or copying it)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def user_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing -----------------------------------------------------------------------------

    def input_keys(self) -> set[str]:
        """Keys of every input already stored (see khabar.store.prepare.input_key)."""
        return {row[0] for row in self.conn.execute("SELECT key FROM inputs")}

    def write_documents(self, docs: Iterable[Document]) -> WriteResult:
        """Store documents (without their raw bytes) in one transaction."""
        self._hasher = self._hasher or StoryHasher()
        return self.write_prepared([prepare(doc, hasher=self._hasher) for doc in docs])

    def write_prepared(self, items: Iterable[Prepared]) -> WriteResult:
        """Store prepared documents in one transaction; everything or nothing is written.

        A record that the database refuses (a value it cannot store, such as a list where a
        name belongs) does not sink the batch: it is stored as a failed document with reason
        `store_error` (see `WriteResult.failed`) and the other records are written. Any other
        error (disk full, I/O) rolls the whole transaction back.
        """
        result = WriteResult()
        try:
            self._begin()
            try:
                self._forget_if_changed()
                for position, item in enumerate(items):
                    result.add(self._write_isolated(position, item, result))
                watches.evaluate_watches(self.conn)  # in this transaction: a match is recorded once
            except BaseException:
                self.conn.execute("ROLLBACK")
                self._frequencies = None  # its in-memory counts may include rolled-back rows
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError("E501", detail=str(error)) from error
        return result

    def _forget_if_changed(self) -> None:
        """Drop in-memory mirrors of the database when another process has written since."""
        # PRAGMA data_version changes only with commits of other connections (another ingest
        # into the same store); the topic frequencies then no longer match `topic_df`.
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._frequencies = None
            self._data_version = version

    def _write_isolated(self, position: int, item: Prepared, result: WriteResult) -> str:
        """Write one record inside a savepoint; a record the database refuses becomes a failure row."""
        self.conn.execute("SAVEPOINT record")
        try:
            outcome = self._write_one(item)
        except _RECORD_ERRORS as error:
            self.conn.execute("ROLLBACK TO record")
            self._frequencies = None  # it may count the forms of the record just rolled back
            failed = _as_failure(item, error)
            result.failed[position] = failed.doc
            outcome = self._write_one(failed)
        self.conn.execute("RELEASE record")
        return outcome

    def _write_one(self, item: Prepared) -> str:
        c = self.conn
        doc = item.doc
        if c.execute("SELECT 1 FROM inputs WHERE key = ?", (item.input_key,)).fetchone():
            return SKIPPED
        if item.raw is not None and doc.raw is not None:
            c.execute("INSERT OR IGNORE INTO raw(sha256, size, format, data) VALUES (?, ?, ?, ?)",
                      (doc.raw.sha256, item.raw_size, doc.raw.format, item.raw))
        outcome, target = STORED, doc.id
        row = None
        if item.text_key is not None:
            row = c.execute("SELECT id FROM documents WHERE text_key = ?", (item.text_key,)).fetchone()
        if row is not None:  # the same text, seen before (under another URL)
            outcome, target = ALIAS, row[0]
        else:
            row = c.execute("SELECT raw_sha256 FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is not None:  # same raw bytes again (alias), or an id reused for other bytes
                same_raw = doc.raw is not None and row[0] == doc.raw.sha256
                outcome = ALIAS if same_raw else DUPLICATE
        c.execute("INSERT INTO inputs(key, doc_id, origin, outcome) VALUES (?, ?, ?, ?)",
                  (item.input_key, target, item.origin, outcome))
        source = doc.source.name or doc.source.domain
        if doc.source.url:
            c.execute("INSERT OR IGNORE INTO urls(url, doc_id, source, alias) VALUES (?, ?, ?, ?)",
                      (doc.source.url, target, source, int(outcome != STORED)))
        if outcome != STORED:
            return outcome
        reason = doc.reason
        n = c.execute(
            "INSERT INTO documents(id, status, reason_code, reason_stage, url, source, domain, "
            "published, day, title, raw_sha256, text_key, json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.status, reason.code if reason else None, reason.stage if reason else None,
             doc.source.url, source, doc.source.domain, doc.published, item.day, doc.title,
             doc.raw.sha256 if doc.raw else None, item.text_key, item.doc_json),
        ).lastrowid
        if doc.status != STATUS_OK:
            return outcome
        c.execute("INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)",
                  (n, item.index_title, item.index_body))
        self._write_annotations(n, doc)
        if item.story is not None:
            if self._frequencies is None:
                self._frequencies = story_signals.TopicFrequencies(c)
            story_id = story_signals.assign_story(c, n, doc.id, item.day_number, item.story,
                                                  self._frequencies, self._story_of)
            c.execute("UPDATE documents SET story_id = ? WHERE n = ?", (story_id, n))
            add_to_story(c, story_id, n, doc.title, item.day, source or "?")
        return outcome

    def _story_of(self, n: int) -> str:
        return self.conn.execute("SELECT story_id FROM documents WHERE n = ?", (n,)).fetchone()[0]

    def _write_annotations(self, n: int, doc: Document) -> None:
        c = self.conn
        local: dict[str, int] = {}
        touched: set[int] = set()
        for entity in doc.entities:
            entity_id = link_entity(c, entity.type, entity.name)
            local[entity.id] = entity_id
            touched.add(entity_id)
            c.execute("INSERT OR REPLACE INTO doc_entities(doc_n, local_id, entity_id, type, name, mentions) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      (n, entity.id, entity_id, entity.type, entity.name, max(1, len(entity.mentions))))
            c.execute("INSERT INTO entity_names(entity_id, name, count) VALUES (?, ?, 1) "
                      "ON CONFLICT(entity_id, name) DO UPDATE SET count = count + 1", (entity_id, entity.name))
            c.executemany("INSERT INTO spans(doc_n, kind, label, start, \"end\", value, stage, score) "
                          "VALUES (?, 'mention', ?, ?, ?, ?, ?, ?)",
                          [(n, entity.type, m.start, m.end, entity.id, m.stage, m.score) for m in entity.mentions])
            c.executemany("INSERT INTO roles(doc_n, entity_id, title, affiliation, start, \"end\") "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          [(n, entity_id, r.title, r.affiliation, r.evidence.start, r.evidence.end)
                           for r in entity.roles])
        for entity_id in sorted(touched):
            recount_entity(c, entity_id)
        for idx, quote in enumerate(doc.quotes):
            speaker_key = " ".join(fold(quote.speaker_text).split()) if quote.speaker_text else None
            c.execute("INSERT INTO quotes(doc_n, idx, speaker_entity, speaker_text, speaker_key, start, \"end\", "
                      "direct, stage, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (n, idx, local.get(quote.speaker or ""), quote.speaker_text, speaker_key,
                       quote.content.start, quote.content.end, int(quote.direct), quote.stage, quote.score))
        for idx, event in enumerate(doc.events):
            c.execute(
                "INSERT INTO events(doc_n, idx, cameo, plover, source_code, source_entity, target_code, "
                "target_entity, trigger_start, trigger_end, location, date, confidence, stage) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (n, idx, event.cameo, event.plover,
                 event.source.code if event.source else None,
                 local.get(event.source.entity or "") if event.source else None,
                 event.target.code if event.target else None,
                 local.get(event.target.entity or "") if event.target else None,
                 event.trigger.start, event.trigger.end, local.get(event.location or ""),
                 event.date, event.confidence, event.stage))
        write_places(c, n, doc, local)
        c.executemany("INSERT INTO spans(doc_n, kind, label, start, \"end\", value, stage, score) "
                      "VALUES (?, 'date', NULL, ?, ?, ?, ?, NULL)",
                      [(n, d.start, d.end, d.value, d.stage) for d in doc.dates])
        c.executemany("INSERT INTO spans(doc_n, kind, label, start, \"end\", value, stage, score) "
                      "VALUES (?, 'quantity', ?, ?, ?, ?, ?, NULL)",
                      [(n, q.unit, q.start, q.end, repr(q.value), q.stage) for q in doc.quantities])

    # -- documents ---------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> Document:
        """The stored Document with this id (or the id of an exact copy linked to it)."""
        row = self.conn.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:  # a URL, perhaps of an exact copy
            row = self.conn.execute("SELECT d.json FROM urls u JOIN documents d ON d.id = u.doc_id "
                                    "WHERE u.url = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotInStoreError("E503", doc_id=doc_id)
        return Document.from_json(row[0])

    def iter_documents(self, *, status: str | None = None, batch: int = 500) -> Iterator[Document]:
        """Every stored document in order of arrival (optionally only one status)."""
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT n, json FROM documents WHERE n > ? AND (? IS NULL OR status = ?) ORDER BY n LIMIT ?",
                (last, status, status, batch)).fetchall()
            if not rows:
                return
            for n, text in rows:
                yield Document.from_json(text)
            last = rows[-1][0]

    def documents(self, *, status: str | None = None, reason: str | None = None,
                  limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Document summaries (id, status, reason, source, day, title, story), newest input last."""
        rows = self.conn.execute(
            "SELECT id, status, reason_code, source, day, title, story_id FROM documents "
            "WHERE (:status IS NULL OR status = :status) AND (:reason IS NULL OR reason_code = :reason) "
            "ORDER BY n LIMIT :limit OFFSET :offset",
            {"status": status, "reason": reason, "limit": limit, "offset": offset}).fetchall()
        keys = ("id", "status", "reason", "source", "day", "title", "story_id")
        return [dict(zip(keys, row)) for row in rows]

    def counts(self) -> dict[str, Any]:
        """Documents per status and reason code, aliases, raw inputs and stories."""
        by_status: dict[str, Any] = {}
        for status, reason, count in self.conn.execute(
                "SELECT status, reason_code, COUNT(*) FROM documents GROUP BY status, reason_code "
                "ORDER BY status, reason_code"):
            if status == STATUS_OK:
                by_status[status] = count
            else:
                by_status.setdefault(status, {})[reason or "unknown"] = count
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"documents": by_status,
                "aliases": one("SELECT COUNT(*) FROM urls WHERE alias = 1"),
                "raw_inputs": one("SELECT COUNT(*) FROM raw"),
                "stories": one("SELECT COUNT(*) FROM stories"),
                "entities": one("SELECT COUNT(*) FROM entities")}

    def aliases(self, doc_id: str) -> list[str]:
        """Every URL the article was seen under, its own first."""
        rows = self.conn.execute("SELECT url FROM urls WHERE doc_id = ? ORDER BY alias, url", (doc_id,))
        return [row[0] for row in rows]

    def raw_bytes(self, sha256: str) -> bytes:
        """The raw input stored under this SHA-256."""
        import zlib

        row = self.conn.execute("SELECT data FROM raw WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise NotInStoreError("E504", sha256=sha256)
        return zlib.decompress(row[0])

    # -- search ------------------------------------------------------------------------------

    def search(self, query: str, *, source: str | None = None, since: str | None = None,
               until: str | None = None, entity: str | None = None, speaker: str | None = None,
               limit: int = 10, offset: int = 0) -> SearchPage:
        """Ranked search over titles and bodies with Arabic-aware matching and snippets.

        `query` takes words and "quoted phrases" (all must match). Filters: `source` (outlet
        name or domain), `since`/`until` (YYYY-MM-DD, inclusive), `entity` (a name; documents
        that mention it), `speaker` (a name; documents quoting it). Raises SearchQueryError (E502) for
        a query with nothing to search.
        """
        parsed = parse_query(query)
        limit, offset = max(0, int(limit)), max(0, int(offset))
        where, params = ["search_index MATCH :match"], {"match": parsed.match_expression()}
        if source:
            where.append("(d.source = :source OR d.domain = :source)")
            params["source"] = source
        if since:
            where.append("d.day >= :since")
            params["since"] = since
        if until:
            where.append("d.day <= :until")
            params["until"] = until
        # Entity ids travel as one JSON parameter (json_each), so no SQL text is built from data.
        if entity:
            params["entity_ids"] = json.dumps(self._entity_ids(entity))
            where.append("d.n IN (SELECT doc_n FROM doc_entities "
                         "WHERE entity_id IN (SELECT value FROM json_each(:entity_ids)))")
        if speaker:
            params["speaker_ids"] = json.dumps(self._entity_ids(speaker))
            where.append("d.n IN (SELECT doc_n FROM quotes "
                         "WHERE speaker_entity IN (SELECT value FROM json_each(:speaker_ids)) "
                         "OR speaker_key = :speaker_key)")
            params["speaker_key"] = " ".join(fold(speaker).split())
        params.update(limit=limit + 1, offset=offset)
        # Rank and cut in the inner query, so only the page's rows are read in full.
        join = " JOIN documents d ON d.n = search_index.rowid" if len(where) > 1 else ""
        sql = ("SELECT d.id, d.title, d.source, d.published, top.rank, json_extract(d.json, '$.text') FROM "
               f"(SELECT search_index.rowid AS n, search_index.rank AS rank FROM search_index{join} "
               f"WHERE {' AND '.join(where)} ORDER BY search_index.rank LIMIT :limit OFFSET :offset) AS top "
               "JOIN documents d ON d.n = top.n ORDER BY top.rank")
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:  # should not happen: every term is quoted
            raise SearchQueryError("E502", query=query, detail=str(error)) from error
        hits = []
        for doc_id, title, source_name, published, rank, text in rows[:limit]:
            snippet = make_snippet(text or "", parsed)
            hits.append(SearchHit(doc_id, title, source_name, published, float(rank),
                                  snippet.text, snippet.highlights, snippet.start))
        return SearchPage(query, hits, len(rows) > limit)

    def _entity_ids(self, name: str) -> list[int]:
        return queries.entity_ids(self.conn, name)

    # -- stories -----------------------------------------------------------------------------

    def stories(self, *, since: str | None = None, until: str | None = None, min_size: int = 1,
                order: str = "outlets", limit: int = 20, offset: int = 0) -> list[StoryInfo]:
        """Stories seen between `since` and `until`, by number of outlets (or size, or recency)."""
        orders = {"outlets": "outlets DESC, size DESC, id", "size": "size DESC, outlets DESC, id",
                  "recent": "last_seen DESC, id"}
        if order not in orders:
            raise ConfigError("E103", option="order", detail=f"one of {', '.join(orders)}")
        rows = self.conn.execute(
            "SELECT id, headline, first_seen, last_seen, size FROM stories "
            "WHERE size >= :min AND (:since IS NULL OR last_seen >= :since) "
            "AND (:until IS NULL OR first_seen <= :until) "
            f"ORDER BY {orders[order]} LIMIT :limit OFFSET :offset",
            {"min": min_size, "since": since, "until": until, "limit": limit, "offset": offset}).fetchall()
        return [StoryInfo(*row[:4], row[4], self._outlets(row[0])) for row in rows]

    def story(self, story_id: str) -> tuple[StoryInfo, list[dict[str, Any]]]:
        """A story and its articles (id, source, day, title, link kind and score) in arrival order."""
        row = self.conn.execute("SELECT id, headline, first_seen, last_seen, size FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        if row is None:
            raise NotInStoreError("E505", story_id=story_id)
        articles = self.conn.execute(
            "SELECT d.id, d.source, d.day, d.title, l.kind, l.score FROM documents d "
            "LEFT JOIN story_links l ON l.doc_n = d.n WHERE d.story_id = ? ORDER BY d.n", (story_id,))
        keys = ("id", "source", "day", "title", "link", "score")
        return (StoryInfo(*row[:4], row[4], self._outlets(story_id)),
                [dict(zip(keys, article)) for article in articles])

    def story_id(self, doc_id_or_url: str) -> str | None:
        """The story of a stored article, by its id or any URL it was seen under."""
        row = self.conn.execute(
            "SELECT story_id FROM documents WHERE id = ? UNION ALL SELECT d.story_id FROM urls u "
            "JOIN documents d ON d.id = u.doc_id WHERE u.url = ? LIMIT 1", (doc_id_or_url, doc_id_or_url)).fetchone()
        return row[0] if row else None

    def story_links(self, *, kind: str | None = None) -> list[dict[str, Any]]:
        """Every link between an article and the earlier article it joined a story through."""
        rows = self.conn.execute(
            "SELECT a.id, b.id, l.kind, l.score FROM story_links l JOIN documents a ON a.n = l.doc_n "
            "JOIN documents b ON b.n = l.linked_n WHERE (? IS NULL OR l.kind = ?) ORDER BY l.doc_n",
            (kind, kind))
        return [{"doc": a, "linked": b, "kind": k, "score": s} for a, b, k, s in rows]

    def _outlets(self, story_id: str) -> tuple[str, ...]:
        rows = self.conn.execute("SELECT outlet FROM story_outlets WHERE story_id = ? "
                                 "ORDER BY articles DESC, outlet", (story_id,))
        return tuple(row[0] for row in rows)


_DUMP_TABLES = {
    "raw": "sha256", "inputs": "key", "documents": "n", "urls": "url", "spans": "doc_n, kind, start, \"end\", value",
    "entities": "id", "entity_names": "entity_id, name", "doc_entities": "doc_n, local_id",
    "roles": "doc_n, entity_id, start, title", "quotes": "doc_n, idx", "events": "doc_n, idx",
    "stories": "id", "story_outlets": "story_id, outlet", "story_links": "doc_n", "features": "doc_n",
    "lsh": "band, hash, doc_n", "topic_postings": "form, day, doc_n", "topic_df": "form", "search_terms": "doc, col, offset",
}


def dump(store: Store) -> Iterator[str]:
    """The database's contents as sorted text lines (table, then row as JSON), for comparisons.

    Two stores with equal dumps hold the same data, whatever the order of their transactions.
    """
    yield f"user_version {store.user_version}"
    for table, order in _DUMP_TABLES.items():
        for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            values = [v.hex() if isinstance(v, bytes) else v for v in row]
            yield f"{table} {json.dumps(values, ensure_ascii=False)}"


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open (and create or migrate) the khabar SQLite store at `path` (":memory:" works too).

    With `create=False`, a path where no file exists raises StoreError E508 instead of creating
    an empty store: what commands that only read want, so a mistyped path is not a new database.

    Example:
        >>> with open_store(":memory:") as store:
        ...     store.counts()["stories"]
        0
    """
    return Store(path, create=create)


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

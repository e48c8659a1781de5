-- 0002: watches (saved searches checked on every write) and an index for trends.

-- A watch: a saved set of filters (the JSON of khabar.store.trends.Filters) with a name.
-- `last_n` is the highest documents.n already evaluated; `checked_id` the last match that
-- `khabar watch check` has reported.
CREATE TABLE watches (
    name       TEXT PRIMARY KEY,
    filters    TEXT NOT NULL,
    created    TEXT NOT NULL,           -- UTC, ISO 8601
    last_n     INTEGER NOT NULL DEFAULT 0,
    checked_id INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- Articles a watch matched when they were stored, in order of matching.
CREATE TABLE watch_matches (
    id         INTEGER PRIMARY KEY,
    watch      TEXT NOT NULL,
    doc_n      INTEGER NOT NULL,
    matched_at TEXT NOT NULL,           -- UTC, ISO 8601
    UNIQUE (watch, doc_n)
);

-- Trends count articles and stories per day and outlet: this index answers them without
-- reading the documents' JSON.
CREATE INDEX documents_trends ON documents(status, day, source, story_id);

-- 0001: the first schema. Documents keep their full JSON record; the other tables are derived
-- from it (so a new Document field is stored without a schema change, inside `json`).

CREATE TABLE raw (
    sha256 TEXT PRIMARY KEY,           -- SHA-256 of the raw bytes
    size   INTEGER NOT NULL,           -- uncompressed size
    format TEXT,
    data   BLOB NOT NULL               -- zlib-compressed bytes
) WITHOUT ROWID;

-- Every input seen, keyed by raw SHA-256 + URL, so a re-run skips what is already stored.
CREATE TABLE inputs (
    key    TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    origin TEXT,
    outcome TEXT NOT NULL              -- stored | alias | duplicate_id
) WITHOUT ROWID;

CREATE TABLE documents (
    n            INTEGER PRIMARY KEY,  -- order of arrival; rowid of the search index
    id           TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL,        -- ok | rejected | failed
    reason_code  TEXT,
    reason_stage TEXT,
    url          TEXT,
    source       TEXT,                 -- outlet name, else domain
    domain       TEXT,
    published    TEXT,                 -- as the page said
    day          TEXT,                 -- YYYY-MM-DD parsed from published, for filters and windows
    title        TEXT,
    raw_sha256   TEXT,
    text_key     TEXT,                 -- SHA-256 of the folded clean text (ok documents only)
    story_id     TEXT,
    json         TEXT NOT NULL         -- the whole Document, as Document.to_json()
);
CREATE UNIQUE INDEX documents_text_key ON documents(text_key) WHERE text_key IS NOT NULL;
CREATE INDEX documents_status ON documents(status, reason_code);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_story ON documents(story_id);

-- Every URL an article was seen under: its own, and those of exact copies (aliases).
CREATE TABLE urls (
    url    TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    source TEXT,
    alias  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX urls_doc ON urls(doc_id);

-- Search: folded, proclitic-stripped tokens of title and body (see khabar/store/search.py).
CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
-- The index's terms and their places, readable (for dumps and term statistics).
CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'instance');

-- Spans that are not entities, quotes or events: mentions, dates, quantities.
CREATE TABLE spans (
    doc_n  INTEGER NOT NULL,
    kind   TEXT NOT NULL,              -- mention | date | quantity
    label  TEXT,                       -- entity type, or unit
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    value  TEXT,
    stage  TEXT,
    score  REAL
);
CREATE INDEX spans_doc ON spans(doc_n, kind);

-- Entities across the collection: one row per type + normalized canonical name.
CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    type      TEXT NOT NULL,
    key       TEXT NOT NULL,
    last      TEXT NOT NULL,           -- last word of key (links one-word names of people)
    words     INTEGER NOT NULL,        -- words in key
    name      TEXT NOT NULL,
    mentions  INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, key)
);
CREATE INDEX entities_last ON entities(type, last, words);
CREATE TABLE entity_names (
    entity_id INTEGER NOT NULL,
    name      TEXT NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE TABLE doc_entities (
    doc_n     INTEGER NOT NULL,
    local_id  TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (doc_n, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);
CREATE TABLE roles (
    doc_n       INTEGER NOT NULL,
    entity_id   INTEGER NOT NULL,
    title       TEXT NOT NULL,
    affiliation TEXT,
    start       INTEGER,
    "end"       INTEGER
);
CREATE INDEX roles_entity ON roles(entity_id);

CREATE TABLE quotes (
    doc_n          INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    speaker_entity INTEGER,            -- entities.id, when the speaker is a known entity
    speaker_text   TEXT,
    speaker_key    TEXT,               -- folded speaker_text, for filters
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    direct         INTEGER NOT NULL,
    stage          TEXT,
    score          REAL,
    PRIMARY KEY (doc_n, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

CREATE TABLE events (
    doc_n         INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    cameo         TEXT NOT NULL,
    plover        TEXT,
    source_code   TEXT,
    source_entity INTEGER,
    target_code   TEXT,
    target_entity INTEGER,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    location      INTEGER,
    date          TEXT,
    confidence    REAL,
    stage         TEXT,
    PRIMARY KEY (doc_n, idx)
) WITHOUT ROWID;
CREATE INDEX events_cameo ON events(cameo);

-- Stories: near-duplicates and same-story articles across outlets and days.
CREATE TABLE stories (
    id         TEXT PRIMARY KEY,       -- the id of its first article
    headline   TEXT,
    first_seen TEXT,
    last_seen  TEXT,
    size       INTEGER NOT NULL,
    outlets    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX stories_outlets ON stories(outlets);
CREATE TABLE story_outlets (
    story_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (story_id, outlet)
) WITHOUT ROWID;
-- Why an article joined its story: the article it matched, the signal and its score.
CREATE TABLE story_links (
    doc_n     INTEGER PRIMARY KEY,
    linked_n  INTEGER NOT NULL,
    kind      TEXT NOT NULL,           -- near | story
    score     REAL NOT NULL
);
-- Story features: near-duplicate signatures with their LSH buckets, and the title+lead forms
-- of every article with their document frequencies (for the same-story signal).
CREATE TABLE features (
    doc_n INTEGER PRIMARY KEY,
    day   INTEGER NOT NULL,            -- days since 1970-01-01, or -1 when unknown
    near  BLOB NOT NULL,               -- MinHash signature of folded word 5-grams (uint32)
    topic TEXT NOT NULL,               -- title + lead search forms, space-separated, sorted
    title TEXT NOT NULL                -- title search forms
);
CREATE TABLE lsh (
    band  INTEGER NOT NULL,
    hash  INTEGER NOT NULL,
    doc_n INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc_n)
) WITHOUT ROWID;
CREATE TABLE topic_postings (
    form  TEXT NOT NULL,
    day   INTEGER NOT NULL,
    doc_n INTEGER NOT NULL,
    PRIMARY KEY (form, day, doc_n)
) WITHOUT ROWID;
CREATE TABLE topic_df (
    form TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Titles weigh five times as much as bodies in the ranking.
INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

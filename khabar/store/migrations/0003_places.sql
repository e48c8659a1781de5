-- 0003: places. One row per resolved or unresolved place of an article (Document.places), with
-- the events the article locates there; the map and /places count from it.

CREATE TABLE places (
    doc_n     INTEGER NOT NULL,
    local_id  TEXT NOT NULL,           -- Entity.id in the article
    entity_id INTEGER,                 -- entities.id, the collection entity
    geonames  INTEGER,                 -- NULL: unresolved (see reason)
    name      TEXT,
    kind      TEXT,                    -- country | city | continent
    country   TEXT,                    -- ISO 3166-1 alpha-2
    lat       REAL,
    lon       REAL,
    score     REAL,
    reason    TEXT,
    events    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_n, local_id)
) WITHOUT ROWID;
CREATE INDEX places_geonames ON places(geonames, doc_n);
CREATE INDEX places_country ON places(country, doc_n);

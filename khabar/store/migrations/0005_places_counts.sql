-- 0005: covering indexes for the counts of /places and /map, so counting the articles and
-- events of every place (or country) reads the index alone, never the table.

DROP INDEX places_geonames;
DROP INDEX places_country;
CREATE INDEX places_counts ON places(geonames, kind, doc_n, events);
CREATE INDEX places_country_counts ON places(country, doc_n, events);

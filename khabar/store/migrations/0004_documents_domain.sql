-- 0004: an index on the outlet's domain. Filters take an outlet by name or by domain
-- (`source = ? OR domain = ?`); with both indexed, SQLite reads only that outlet's rows.
CREATE INDEX documents_domain ON documents(domain);

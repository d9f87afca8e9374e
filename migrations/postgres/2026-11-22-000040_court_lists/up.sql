-- Published court lists: every import (its list, version, who and what it
-- did, ids only), and each hearing a list confirmed, moved or warned.
CREATE TABLE court_list_imports (
    id TEXT PRIMARY KEY NOT NULL,
    list_type TEXT NOT NULL,
    -- The list's identity: type, courts, period and the import's reach.
    list_key TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    list_version TEXT,
    -- SHA-256 of the document as received.
    digest TEXT NOT NULL,
    imported_by TEXT REFERENCES users (id),
    imported_at TIMESTAMP NOT NULL,
    summary_json TEXT NOT NULL
);
CREATE UNIQUE INDEX court_list_imports_version ON court_list_imports (list_key, published_at);

CREATE TABLE hearing_confirmations (
    id TEXT PRIMARY KEY NOT NULL,
    hearing_id TEXT NOT NULL REFERENCES hearings (id),
    import_id TEXT NOT NULL REFERENCES court_list_imports (id),
    list_type TEXT NOT NULL,
    -- daily, firm or warned
    list_kind TEXT NOT NULL,
    -- confirmed, moved or warned
    outcome TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    warned_from DATE,
    warned_to DATE,
    recorded_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX hearing_confirmations_once ON hearing_confirmations (hearing_id, import_id);
CREATE INDEX hearing_confirmations_hearing ON hearing_confirmations (hearing_id);

-- Imports look tracked cases up by the keys lists use.
CREATE INDEX cases_urn ON cases (urn);
CREATE INDEX cases_case_number ON cases (case_number);
CREATE INDEX hearings_court_starts_at ON hearings (court_id, starts_at);

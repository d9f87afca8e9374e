-- The append-only, hash-chained audit log: every change, every read of a
-- victim's sensitive details, and every disclosure to another agency.
-- Each entry's hash covers its fields and the previous entry's hash, so an
-- edited, deleted or reordered entry breaks the chain
-- (`courtside verify-audit`). The head row serialises appends.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    victim_id TEXT,
    recipient TEXT,
    category TEXT,
    basis TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_victim ON audit_log (victim_id);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'genesis');

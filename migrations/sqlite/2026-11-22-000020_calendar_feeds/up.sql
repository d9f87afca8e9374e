-- Private calendar (ICS) feeds: one row per feed a supporter has made.
-- The feed's address carries a random token; only its SHA-256 hash is
-- kept. A revoked feed answers 404.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX calendar_feeds_token_hash ON calendar_feeds (token_hash);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);

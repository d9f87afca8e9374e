-- Messages about a person's own account (today: repeated failed sign-ins),
-- sent by email to that person. Like the digests, they concern no victim,
-- so they have their own small outbox rather than rows in notices (whose
-- victim_id is required). The data holds counts and times only: never an
-- address, an email or free text.
CREATE TABLE account_notices (
    id TEXT PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    template TEXT NOT NULL,
    data_json TEXT NOT NULL,
    -- pending, sending, sent, dead
    state TEXT NOT NULL,
    send_after TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    leased_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX account_notices_idempotency_key ON account_notices (idempotency_key);
CREATE INDEX account_notices_due ON account_notices (state, send_after);

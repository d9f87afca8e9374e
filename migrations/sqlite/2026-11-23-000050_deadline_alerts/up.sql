-- The supporters' 07:30 daily digests: one row per supporter and London
-- date (the unique key makes planning idempotent across restarts and
-- instances). A digest spans victims, so it has its own small outbox
-- rather than a row in notices (whose victim_id is required). Only case
-- and victim references are stored, never names or addresses.
CREATE TABLE digests (
    id TEXT PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    local_date DATE NOT NULL,
    data_json TEXT NOT NULL,
    -- pending, sending, sent, dead, cancelled (its day ended unsent), or
    -- empty (nothing that day: recorded so it is looked at once, never sent)
    state TEXT NOT NULL,
    send_after TIMESTAMP NOT NULL,
    not_after TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    leased_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX digests_idempotency_key ON digests (idempotency_key);
CREATE INDEX digests_due ON digests (state, send_after);
CREATE INDEX digests_local_date ON digests (local_date);

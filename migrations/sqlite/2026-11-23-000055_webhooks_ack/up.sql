-- Signed webhooks: a partner organisation's endpoint for its notices.
-- The secret is sealed with the field-encryption key ring and never shown
-- again after it is made. At most one live (unrevoked) endpoint per
-- organisation: registering a new one revokes the old.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX webhooks_organisation ON webhooks (organisation_id);

-- Notices that need action: acknowledge by an instant, by API or by a
-- single-purpose link; escalated once if not acknowledged in time.
-- notices.acknowledged_at is set on acknowledgement.
CREATE TABLE notice_actions (
    notice_id TEXT PRIMARY KEY NOT NULL REFERENCES notices (id),
    acknowledge_by TIMESTAMP NOT NULL,
    acknowledged_by TEXT,
    escalated_at TIMESTAMP,
    escalation_notice_id TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notice_actions_acknowledge_by ON notice_actions (acknowledge_by);

-- The acknowledgement links' tokens, by SHA-256 hash only. Each message
-- sent gets its own token (a resend after a crash carries a new link; the
-- old one still works) until the notice is acknowledged.
CREATE TABLE acknowledgement_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX acknowledgement_tokens_notice ON acknowledgement_tokens (notice_id);

-- An organisation's own supporter reminders, replacing the rules table's
-- defaults for its supporters: the `supporter` list of
-- fixtures/rules.json's `reminders`, as JSON. No row: the defaults.
CREATE TABLE organisation_reminder_rules (
    organisation_id TEXT PRIMARY KEY NOT NULL REFERENCES organisations (id),
    rules_json TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

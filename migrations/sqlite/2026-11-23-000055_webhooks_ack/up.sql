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
-- single-purpose link (only the SHA-256 hash of its token is kept);
-- escalated once if not acknowledged in time. notices.acknowledged_at is
-- set on acknowledgement.
CREATE TABLE notice_actions (
    notice_id TEXT PRIMARY KEY NOT NULL REFERENCES notices (id),
    acknowledge_by TIMESTAMP NOT NULL,
    token_hash TEXT NOT NULL,
    acknowledged_by TEXT,
    escalated_at TIMESTAMP,
    escalation_notice_id TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX notice_actions_token_hash ON notice_actions (token_hash);
CREATE INDEX notice_actions_acknowledge_by ON notice_actions (acknowledge_by);

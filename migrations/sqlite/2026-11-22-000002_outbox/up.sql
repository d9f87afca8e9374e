-- What the flows plan, stored in the same transaction as the change that
-- caused it: notices (the durable outbox), tasks for people, statutory and
-- operational deadlines, and warnings.

CREATE TABLE notices (
    id TEXT PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    case_id TEXT REFERENCES cases (id),
    hearing_id TEXT REFERENCES hearings (id),
    step TEXT NOT NULL,
    citation TEXT NOT NULL,
    reconstructed BOOLEAN NOT NULL DEFAULT FALSE,
    recipient_kind TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    recipient_user_id TEXT REFERENCES users (id),
    recipient_organisation_id TEXT REFERENCES organisations (id),
    channel TEXT NOT NULL,
    template TEXT NOT NULL,
    language TEXT NOT NULL,
    data_json TEXT NOT NULL,
    category TEXT NOT NULL,
    basis_json TEXT NOT NULL,
    not_for_public_disclosure BOOLEAN NOT NULL DEFAULT FALSE,
    state TEXT NOT NULL,
    send_after TIMESTAMP NOT NULL,
    not_after TIMESTAMP,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_owner TEXT,
    leased_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    cancelled_reason TEXT,
    acknowledged_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX notices_idempotency_key ON notices (idempotency_key);
CREATE INDEX notices_due ON notices (state, next_attempt_at);
CREATE INDEX notices_victim ON notices (victim_id);
CREATE INDEX notices_hearing ON notices (hearing_id);
CREATE INDEX notices_recipient_user ON notices (recipient_user_id);

CREATE TABLE tasks (
    id TEXT PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    case_id TEXT REFERENCES cases (id),
    hearing_id TEXT REFERENCES hearings (id),
    step TEXT NOT NULL,
    citation TEXT NOT NULL,
    reconstructed BOOLEAN NOT NULL DEFAULT FALSE,
    role TEXT NOT NULL,
    assignee_user_id TEXT REFERENCES users (id),
    organisation_id TEXT REFERENCES organisations (id),
    kind TEXT NOT NULL,
    due_at TIMESTAMP,
    detail TEXT NOT NULL,
    state TEXT NOT NULL,
    done_at TIMESTAMP,
    done_by TEXT REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX tasks_idempotency_key ON tasks (idempotency_key);
CREATE INDEX tasks_victim ON tasks (victim_id);

CREATE TABLE deadlines (
    id TEXT PRIMARY KEY NOT NULL,
    deadline_key TEXT NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    case_id TEXT REFERENCES cases (id),
    hearing_id TEXT REFERENCES hearings (id),
    kind TEXT NOT NULL,
    counted_from DATE NOT NULL,
    due_date DATE NOT NULL,
    due_at TIMESTAMP NOT NULL,
    citation TEXT NOT NULL,
    confirmed BOOLEAN NOT NULL DEFAULT TRUE,
    operational BOOLEAN NOT NULL DEFAULT FALSE,
    state TEXT NOT NULL,
    met_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX deadlines_key ON deadlines (deadline_key);
CREATE INDEX deadlines_victim ON deadlines (victim_id);

CREATE TABLE flow_warnings (
    id TEXT PRIMARY KEY NOT NULL,
    warning_key TEXT NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    case_id TEXT REFERENCES cases (id),
    kind TEXT NOT NULL,
    detail_json TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX flow_warnings_key ON flow_warnings (warning_key);
CREATE INDEX flow_warnings_victim ON flow_warnings (victim_id);

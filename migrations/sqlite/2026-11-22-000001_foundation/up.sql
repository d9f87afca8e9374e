-- Courtside foundation schema. Kept identical in migrations/sqlite and
-- migrations/postgres: only types both backends share (TEXT, INTEGER,
-- BOOLEAN, DATE, TIMESTAMP as UTC). Ids are text UUIDs.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX organisations_kind_name ON organisations (kind, name);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    manager_id TEXT REFERENCES users (id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);

CREATE TABLE courts (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    town TEXT NOT NULL,
    nation TEXT NOT NULL,
    crown_court_code TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX courts_name ON courts (name);

CREATE TABLE victims (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL,
    enhanced_rights BOOLEAN NOT NULL DEFAULT TRUE,
    is_child BOOLEAN NOT NULL DEFAULT FALSE,
    preferred_language TEXT NOT NULL DEFAULT 'en',
    probation_region_id TEXT REFERENCES organisations (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX victims_reference ON victims (reference);

-- Sensitive details live apart from the pseudonymous victim row, so that
-- ordinary queries, lists and exports never touch them.
CREATE TABLE victim_sensitive_details (
    victim_id TEXT PRIMARY KEY NOT NULL REFERENCES victims (id),
    full_name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    address TEXT,
    needs TEXT,
    safe_channels TEXT NOT NULL DEFAULT '',
    safe_hours TEXT,
    safe_to_leave_voicemail BOOLEAN NOT NULL DEFAULT FALSE,
    interpreter_language TEXT,
    guardian_name TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE supporter_assignments (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    supporter_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE,
    is_spoc BOOLEAN NOT NULL DEFAULT FALSE,
    spoc_agreed_on DATE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX supporter_assignments_victim ON supporter_assignments (victim_id);
CREATE INDEX supporter_assignments_supporter ON supporter_assignments (supporter_id);

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    scope TEXT NOT NULL,
    basis TEXT NOT NULL,
    basis_reason TEXT,
    given_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX consents_victim ON consents (victim_id);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    kind TEXT NOT NULL,
    urn TEXT,
    case_number TEXT,
    court_id TEXT REFERENCES courts (id),
    witness_care_unit_id TEXT REFERENCES organisations (id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX cases_victim ON cases (victim_id);
CREATE INDEX cases_unit ON cases (witness_care_unit_id);

CREATE TABLE hearings (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    court_id TEXT NOT NULL REFERENCES courts (id),
    courtroom TEXT,
    starts_at TIMESTAMP NOT NULL,
    estimated_minutes INTEGER NOT NULL,
    victim_attends BOOLEAN NOT NULL DEFAULT FALSE,
    victim_gives_evidence BOOLEAN NOT NULL DEFAULT FALSE,
    live_link BOOLEAN NOT NULL DEFAULT FALSE,
    outcome TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX hearings_case ON hearings (case_id);
CREATE INDEX hearings_starts_at ON hearings (starts_at);

CREATE TABLE pre_trial_visits (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    hearing_id TEXT REFERENCES hearings (id),
    court_id TEXT NOT NULL REFERENCES courts (id),
    state TEXT NOT NULL,
    starts_at TIMESTAMP,
    supporter_attends BOOLEAN NOT NULL DEFAULT FALSE,
    arranged_via TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX pre_trial_visits_case ON pre_trial_visits (case_id);

CREATE TABLE special_measures_discussions (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    held_at TIMESTAMP NOT NULL,
    setting TEXT NOT NULL,
    measures TEXT NOT NULL,
    supporter_id TEXT REFERENCES users (id),
    supporter_present BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX special_measures_discussions_case ON special_measures_discussions (case_id);

CREATE TABLE parole_milestones (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    probation_region_id TEXT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    occurs_on DATE NOT NULL,
    hearing_format TEXT,
    decision TEXT,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX parole_milestones_victim ON parole_milestones (victim_id);

CREATE TABLE attendance_requests (
    id TEXT PRIMARY KEY NOT NULL,
    hearing_id TEXT NOT NULL REFERENCES hearings (id),
    supporter_id TEXT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL,
    decision_reason TEXT,
    conditions TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX attendance_requests_hearing ON attendance_requests (hearing_id);
CREATE INDEX attendance_requests_supporter ON attendance_requests (supporter_id);

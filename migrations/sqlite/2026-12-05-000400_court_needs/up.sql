-- Needs at court (issue 19, item 1): what a victim or witness needs to give
-- evidence, recorded once and passed to the court and the Witness Service
-- with the attendance request. Only fixed kinds and a language name are
-- stored: never free text about the victim.
CREATE TABLE court_needs (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- interpreter, bsl_interpreter, registered_intermediary,
    -- disability_access, separate_waiting_room
    kind TEXT NOT NULL,
    -- the interpreter's language (a name, checked); NULL for other kinds
    language TEXT,
    -- consent or lawful_basis; NULL while neither is recorded (the need is
    -- then kept but not passed on)
    basis TEXT,
    consent_id TEXT REFERENCES consents (id),
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX court_needs_victim ON court_needs (victim_id);

-- Which partner was told of the needs for which hearing, so that a moved
-- hearing is re-sent to the partners already told.
CREATE TABLE court_need_disclosures (
    id TEXT PRIMARY KEY NOT NULL,
    hearing_id TEXT NOT NULL REFERENCES hearings (id),
    -- court or witness_service
    partner TEXT NOT NULL,
    notice_id TEXT,
    told_at TIMESTAMP NOT NULL
);
CREATE INDEX court_need_disclosures_hearing ON court_need_disclosures (hearing_id);

-- A court's own short-notice figure for needs (working days); without a
-- row the rules table's default applies.
CREATE TABLE court_need_settings (
    court_id TEXT PRIMARY KEY NOT NULL REFERENCES courts (id),
    short_notice_working_days INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

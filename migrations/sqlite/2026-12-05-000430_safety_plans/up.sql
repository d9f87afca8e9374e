-- A safety plan for the court day (issue 19, item 2), one in force per
-- hearing: which entrance and exit, where to wait, who meets the victim
-- (and when and where), and the arrangements to keep her away from the
-- defendant's family, agreed with the Witness Service. Every free-text
-- part is sealed together in `details` (field encryption, as the victim's
-- sensitive details are); only the instants, flags and ids are plain.
CREATE TABLE safety_plans (
    id TEXT PRIMARY KEY NOT NULL,
    hearing_id TEXT NOT NULL REFERENCES hearings (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- sealed JSON: entrance, exit, waiting_area, met_by, meet_place,
    -- avoid_family, agreed_with
    details TEXT NOT NULL,
    -- when the victim is met (UTC); NULL when nobody meets her
    meet_at TIMESTAMP,
    -- when the plan was agreed with the Witness Service, and who recorded
    -- that (the supporter, or the Witness Service's own staff)
    agreed_at TIMESTAMP,
    agreed_recorded_by TEXT REFERENCES users (id),
    -- the victim agreed that the plan may be written in an email
    may_email BOOLEAN NOT NULL DEFAULT FALSE,
    -- what lets the Witness Service read it: consent (or another lawful
    -- basis on the consent record) or spoc_agreement; NULL: nobody outside
    -- the supporter's service reads it
    basis TEXT,
    consent_id TEXT REFERENCES consents (id),
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX safety_plans_victim ON safety_plans (victim_id);
-- One plan in force per hearing.
CREATE UNIQUE INDEX safety_plans_hearing_in_force ON safety_plans (hearing_id)
    WHERE withdrawn_at IS NULL;

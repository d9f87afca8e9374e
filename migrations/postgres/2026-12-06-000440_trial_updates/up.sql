-- Trial-progress updates on the day (issue 19, item 3). The supporter or
-- the Witness Service records short updates on a hearing (started, giving
-- evidence, adjourned to tomorrow, jury out, verdict...) and who they told
-- in person; the victim's chosen contacts are told where she asked to be.
-- The optional note is sealed (field encryption, as the safety plan's text
-- is) and never put in a notice.
CREATE TABLE trial_updates (
    id TEXT PRIMARY KEY NOT NULL,
    hearing_id TEXT NOT NULL REFERENCES hearings (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- started, giving_evidence, adjourned_to_next_day, jury_out, verdict...
    kind TEXT NOT NULL,
    -- sealed free text; NULL when there is none
    note TEXT,
    -- who was told in person, comma-separated codes (victim, chosen_contact,
    -- witness_service, supporter); empty when nobody was
    told_in_person TEXT NOT NULL,
    -- who a message was planned for, comma-separated (victim, contact)
    messaged TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX trial_updates_hearing ON trial_updates (hearing_id, recorded_at);
CREATE INDEX trial_updates_victim ON trial_updates (victim_id);

-- Whether the victim wants trial-progress messages on the day, and to whom:
-- herself (by her own safe channel), and/or a contact she chose (by email,
-- with her consent `trial_progress_to_contact` as the basis). The contact's
-- name and email are sealed.
CREATE TABLE trial_update_preferences (
    victim_id TEXT PRIMARY KEY NOT NULL REFERENCES victims (id),
    to_victim BOOLEAN NOT NULL DEFAULT FALSE,
    contact_name TEXT,
    contact_email TEXT,
    updated_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

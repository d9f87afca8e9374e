-- Risk meetings (issue 19, item 7): a MARAC (high-risk domestic abuse) or
-- MAPPA meeting about a victim, recorded by her supporter, with the
-- actions agreed at it. Only supporters read them; nothing here is ever
-- sent to another agency. The supporter's paperwork deadline and the
-- actions she carries are planned as deadlines and tasks (steps
-- risk_meeting.paperwork and risk_meeting.action).
CREATE TABLE risk_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- marac or mappa
    kind TEXT NOT NULL,
    -- UTC; shown in Europe/London
    starts_at TIMESTAMP NOT NULL,
    -- the area or panel, e.g. "Leeds MARAC" (never a person's address)
    panel TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX risk_meetings_victim ON risk_meetings (victim_id, starts_at);
CREATE INDEX risk_meetings_starts ON risk_meetings (starts_at);

-- An action agreed at a risk meeting: who carries it (the supporter, or
-- another agency by its organisation), its text (sealed, as notes are)
-- and the London date it is due.
CREATE TABLE risk_meeting_actions (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES risk_meetings (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- supporter or agency
    owner TEXT NOT NULL,
    -- the agency's organisation; NULL when the supporter carries it
    organisation_id TEXT REFERENCES organisations (id),
    -- sealed free text
    action_text TEXT NOT NULL,
    due_on DATE NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX risk_meeting_actions_meeting ON risk_meeting_actions (meeting_id, due_on);

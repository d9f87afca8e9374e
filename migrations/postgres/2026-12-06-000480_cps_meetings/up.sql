-- Pleas and the CPS meeting (issue 19, item 5).
--
-- What kind of offence a criminal case is about, as far as the rules need
-- it: a not-guilty plea in a rape or serious sexual offence case with an
-- adult victim leads the CPS to offer her a meeting before trial. NULL:
-- not recorded.
ALTER TABLE cases ADD COLUMN offence_group TEXT;

-- The CPS's offer of a meeting before trial, one per case: when it was
-- offered, when the meeting is (UTC), and whether the victim wants her
-- ISVA (or other supporter) invited. No free text.
CREATE TABLE cps_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    offered_on DATE,
    meeting_at TIMESTAMP,
    -- undecided | wanted | not_wanted
    supporter_invited TEXT NOT NULL,
    -- the victim declined the meeting itself
    declined BOOLEAN NOT NULL DEFAULT FALSE,
    -- the current wish was planned to the prosecutor (false: not yet, for
    -- want of a basis; saving again tells them once there is one)
    prosecutor_told BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX cps_meetings_case ON cps_meetings (case_id);
CREATE INDEX cps_meetings_victim ON cps_meetings (victim_id);

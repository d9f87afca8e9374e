-- A child victim's responsible adults (issue 19, item 9): a parent,
-- guardian or appropriate adult who, while she is under 18, is sent what
-- she is sent (the Victims' Code gives a child's parent or guardian the
-- services along with the child). The name, email, phone and any reason
-- for an exclusion are sealed (field encryption, as her own details are).
-- A person the victim or the court excluded is never sent anything:
-- `excluded_by` (victim | court) is set, and pending notices to them are
-- cancelled in the same transaction.
CREATE TABLE responsible_adults (
    id TEXT PRIMARY KEY NOT NULL,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- sealed
    name TEXT NOT NULL,
    -- parent, guardian, appropriate_adult
    relationship TEXT NOT NULL,
    -- sealed; NULL when none
    email TEXT,
    -- sealed; NULL when none
    phone TEXT,
    preferred_language TEXT NOT NULL,
    -- victim, court; NULL while not excluded
    excluded_by TEXT,
    -- sealed free text (e.g. the order's reference); NULL when none
    exclusion_reason TEXT,
    excluded_at TIMESTAMP,
    ended_at TIMESTAMP,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX responsible_adults_victim ON responsible_adults (victim_id);

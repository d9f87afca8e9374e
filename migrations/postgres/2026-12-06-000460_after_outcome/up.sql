-- What follows a case's outcome (issue 19, item 6).
--
-- Protective orders on a victim's case: non-molestation, occupation,
-- restraining and prohibited-steps orders. ends_on NULL means "until
-- further order". The optional note is sealed (field encryption, as trial
-- updates' notes are) and never put in a message. An order ended early or
-- discharged keeps its row, with ended_on and how it ended.
CREATE TABLE protective_orders (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- non_molestation, occupation, restraining, prohibited_steps
    kind TEXT NOT NULL,
    made_on DATE NOT NULL,
    ends_on DATE,
    court_id TEXT REFERENCES courts (id),
    -- sealed free text; NULL when there is none
    note TEXT,
    ended_on DATE,
    -- ended or discharged; NULL while in force
    ended_as TEXT,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX protective_orders_case ON protective_orders (case_id);
CREATE INDEX protective_orders_victim ON protective_orders (victim_id);

-- Decisions the Victims' Right to Review schemes cover: not to charge
-- (police or CPS), or to stop the case (CPS discontinuance or no evidence
-- offered), with the day the victim was told, from which the limits run.
CREATE TABLE review_decisions (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- police, cps
    decided_by TEXT NOT NULL,
    -- not_to_charge, discontinued, no_evidence_offered
    decision TEXT NOT NULL,
    told_on DATE NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX review_decisions_case ON review_decisions (case_id);

-- The incident date of a crime of violence, for the Criminal Injuries
-- Compensation Scheme's two-year limit: one per case.
CREATE TABLE compensation_claims (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    incident_on DATE NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

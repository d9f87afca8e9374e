-- Statement-taking and ABE-interview appointments (issue 19, item 4): the
-- police take the victim's witness statement, or record her Achieving
-- Best Evidence (ABE) video interview, at a time and place. Her supporter
-- is booked to be with her before and after only (never in the room), with
-- an alternative supporter in case the first is away; the officer is a
-- witness care officer of the case's unit. Reminders to the three are
-- planned as tasks (steps statement_appointment.remind_*).
CREATE TABLE statement_appointments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- statement or abe_interview
    kind TEXT NOT NULL,
    -- UTC; shown in Europe/London
    starts_at TIMESTAMP NOT NULL,
    -- the police station or venue by name (never the victim's address)
    place TEXT NOT NULL,
    officer_id TEXT NOT NULL REFERENCES users (id),
    supporter_id TEXT NOT NULL REFERENCES users (id),
    alternative_supporter_id TEXT NOT NULL REFERENCES users (id),
    -- booked or cancelled
    state TEXT NOT NULL DEFAULT 'booked',
    recorded_by TEXT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX statement_appointments_case ON statement_appointments (case_id, starts_at);
CREATE INDEX statement_appointments_starts ON statement_appointments (starts_at);

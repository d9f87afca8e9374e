-- The partnership report reads each table once in the period, as narrow
-- rows; these indexes hold every column it reads, so the period's rows
-- come from the index alone (no lookup of each row in the table). Each
-- replaces the narrower report index it starts with.
DROP INDEX deadlines_kind_counted_from;
CREATE INDEX deadlines_kind_counted_from ON deadlines (kind, counted_from, state, met_at, case_id, victim_id);
DROP INDEX deadlines_due_date;
CREATE INDEX deadlines_due_date ON deadlines (due_date, state, victim_id, case_id);
DROP INDEX notices_created_at;
CREATE INDEX notices_created_at ON notices (created_at, state, step, victim_id, case_id);

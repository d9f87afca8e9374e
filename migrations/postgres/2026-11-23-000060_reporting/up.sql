-- Partnership reporting: a categorised reason beside the court's free-text
-- reason (only the category is ever counted), and indexes for the grouped
-- report queries, which filter by a date column first.
ALTER TABLE attendance_requests ADD COLUMN decision_reason_kind TEXT;
CREATE INDEX special_measures_discussions_held_at ON special_measures_discussions (held_at);
CREATE INDEX deadlines_kind_counted_from ON deadlines (kind, counted_from);
CREATE INDEX deadlines_due_date ON deadlines (due_date);
CREATE INDEX notices_created_at ON notices (created_at);
CREATE INDEX notices_step_case ON notices (step, case_id);
CREATE INDEX flow_warnings_kind_created_at ON flow_warnings (kind, created_at);
CREATE INDEX parole_milestones_occurs_on ON parole_milestones (occurs_on);

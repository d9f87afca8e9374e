DROP INDEX parole_milestones_occurs_on;
DROP INDEX flow_warnings_kind_created_at;
DROP INDEX notices_step_case;
DROP INDEX notices_created_at;
DROP INDEX deadlines_due_date;
DROP INDEX deadlines_kind_counted_from;
DROP INDEX special_measures_discussions_held_at;
ALTER TABLE attendance_requests DROP COLUMN decision_reason_kind;

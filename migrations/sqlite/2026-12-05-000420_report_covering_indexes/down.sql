DROP INDEX notices_created_at;
CREATE INDEX notices_created_at ON notices (created_at);
DROP INDEX deadlines_due_date;
CREATE INDEX deadlines_due_date ON deadlines (due_date);
DROP INDEX deadlines_kind_counted_from;
CREATE INDEX deadlines_kind_counted_from ON deadlines (kind, counted_from);

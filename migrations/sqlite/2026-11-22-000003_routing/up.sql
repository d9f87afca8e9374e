-- Where notices go: a Witness Service or a court's listing office serves a
-- court in the directory; a criminal case has a CPS area. And at most one
-- open attendance request per hearing and supporter, enforced by the
-- database on both backends (partial unique index).
ALTER TABLE organisations ADD COLUMN court_id TEXT REFERENCES courts (id);
ALTER TABLE cases ADD COLUMN cps_area_id TEXT REFERENCES organisations (id);
CREATE INDEX organisations_court ON organisations (court_id);
CREATE UNIQUE INDEX attendance_requests_one_open
    ON attendance_requests (hearing_id, supporter_id)
    WHERE state NOT IN ('refused', 'directed_should_not_attend', 'directed_need_not_attend', 'attended', 'withdrawn');

DROP INDEX attendance_requests_one_open;
DROP INDEX organisations_court;
ALTER TABLE cases DROP COLUMN cps_area_id;
ALTER TABLE organisations DROP COLUMN court_id;

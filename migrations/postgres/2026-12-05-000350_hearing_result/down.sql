ALTER TABLE hearings DROP COLUMN result_json;

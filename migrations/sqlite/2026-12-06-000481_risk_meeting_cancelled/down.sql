ALTER TABLE risk_meetings DROP COLUMN cancelled_at;

DROP TABLE digest_holds;
ALTER TABLE users DROP COLUMN reminders_in_digest;

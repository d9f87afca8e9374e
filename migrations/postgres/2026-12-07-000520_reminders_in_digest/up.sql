-- A supporter may choose to have a day's reminders listed in their 07:30
-- daily digest instead of one message each (issue 17). The digest planned
-- for the day holds the reminders it lists (digest_holds): a held reminder
-- is not sent on its own while that digest is waiting to go; once the
-- digest is sent, the reminder is cancelled ("in your daily digest"); if
-- the digest is given up, the reminder goes on its own as before.
ALTER TABLE users ADD COLUMN reminders_in_digest BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE digest_holds (
    notice_id TEXT PRIMARY KEY NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    digest_id TEXT NOT NULL REFERENCES digests (id) ON DELETE CASCADE
);
CREATE INDEX digest_holds_digest ON digest_holds (digest_id);

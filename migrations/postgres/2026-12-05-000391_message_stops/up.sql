-- A victim who asked, by the link in a message, for no more messages: from
-- then on nothing is sent to them (each notice is cancelled, and audited,
-- just before it would have gone). Their supporter and officers still
-- see everything on the pages.
CREATE TABLE message_stops (
    victim_id TEXT PRIMARY KEY NOT NULL REFERENCES victims (id) ON DELETE CASCADE,
    stopped_at TIMESTAMP NOT NULL,
    via_notice_id TEXT
);

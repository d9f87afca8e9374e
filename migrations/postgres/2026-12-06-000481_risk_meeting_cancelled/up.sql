-- A risk meeting can be cancelled (issue 19, item 7): when, in UTC. A
-- cancelled meeting stays on the victim's record and in her export, but is
-- off the supporter's week and digest, and its paperwork deadline and task
-- are withdrawn.
ALTER TABLE risk_meetings ADD COLUMN cancelled_at TIMESTAMP;

-- A notice is being sent while it holds a lease; its state stays pending
-- or failed (issue 16: on PostgreSQL the claim then changes no indexed
-- column and is a HOT update; here it changes no index entry). People,
-- the API and the metrics still see such a notice as "sending". SQLite
-- cannot add a CHECK to a table that exists; these triggers refuse the
-- rows PostgreSQL's `notice_sending_is_its_lease` refuses.
DROP TRIGGER notice_lease_only_while_sending_update;
DROP TRIGGER notice_lease_only_while_sending_insert;
-- A notice in flight at the upgrade keeps its lease, and with it its
-- sending: its worker records its result against the lease as before.
UPDATE notices SET state = 'pending' WHERE state = 'sending';
CREATE TRIGGER notice_sending_is_its_lease_insert BEFORE INSERT ON notices
WHEN NEW.lease_owner IS NOT NULL AND NEW.state NOT IN ('pending', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: notice_sending_is_its_lease');
END;
CREATE TRIGGER notice_sending_is_its_lease_update BEFORE UPDATE OF state, lease_owner ON notices
WHEN NEW.lease_owner IS NOT NULL AND NEW.state NOT IN ('pending', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: notice_sending_is_its_lease');
END;

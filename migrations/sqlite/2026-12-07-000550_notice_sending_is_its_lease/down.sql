DROP TRIGGER notice_sending_is_its_lease_update;
DROP TRIGGER notice_sending_is_its_lease_insert;
UPDATE notices SET state = 'sending' WHERE lease_owner IS NOT NULL;
CREATE TRIGGER notice_lease_only_while_sending_insert BEFORE INSERT ON notices
WHEN (NEW.state = 'sending') <> (NEW.lease_owner IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: notice_lease_only_while_sending');
END;
CREATE TRIGGER notice_lease_only_while_sending_update BEFORE UPDATE OF state, lease_owner ON notices
WHEN (NEW.state = 'sending') <> (NEW.lease_owner IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: notice_lease_only_while_sending');
END;

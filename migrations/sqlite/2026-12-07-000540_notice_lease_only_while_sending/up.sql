-- A notice holds a lease exactly while it is being sent: the claim sets
-- both, and every result, cancellation and erasure that ends the sending
-- clears the lease. Delivery records a result against the lease's owner
-- alone, so the database keeps the rule. SQLite cannot add a CHECK to a
-- table that exists; these triggers refuse the same rows.
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

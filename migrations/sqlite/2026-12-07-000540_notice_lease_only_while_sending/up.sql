-- A notice holds a lease exactly while it is being sent: the claim sets
-- both, and every result, cancellation and erasure that ends the sending
-- clears the lease. Delivery records a result against the lease's owner
-- alone, so the database keeps the rule. SQLite cannot add a CHECK to a
-- table that exists; these triggers refuse the same rows.
-- Rows an older version may have left otherwise first: a lease kept after
-- the sending ended is cleared, and a notice marked sending with no
-- lease is open again (to be claimed, as its missing lease would mean).
UPDATE notices SET lease_owner = NULL, leased_until = NULL
WHERE state <> 'sending' AND lease_owner IS NOT NULL;
UPDATE notices SET state = 'pending'
WHERE state = 'sending' AND lease_owner IS NULL;
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

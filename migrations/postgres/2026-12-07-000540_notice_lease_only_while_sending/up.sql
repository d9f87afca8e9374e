-- A notice holds a lease exactly while it is being sent: the claim sets
-- both, and every result, cancellation and erasure that ends the sending
-- clears the lease. Delivery records a result against the lease's owner
-- alone (issue 16: a `state` condition as well let the planner scan the
-- due index's 'sending' entries on every record), so the database keeps
-- the rule.
-- Rows an older version may have left otherwise first: a lease kept after
-- the sending ended is cleared, and a notice marked sending with no
-- lease is open again (to be claimed, as its missing lease would mean).
UPDATE notices SET lease_owner = NULL, leased_until = NULL
WHERE state <> 'sending' AND lease_owner IS NOT NULL;
UPDATE notices SET state = 'pending'
WHERE state = 'sending' AND lease_owner IS NULL;
ALTER TABLE notices ADD CONSTRAINT notice_lease_only_while_sending
    CHECK ((state = 'sending') = (lease_owner IS NOT NULL));

-- A notice holds a lease exactly while it is being sent: the claim sets
-- both, and every result, cancellation and erasure that ends the sending
-- clears the lease. Delivery records a result against the lease's owner
-- alone (issue 16: a `state` condition as well let the planner scan the
-- due index's 'sending' entries on every record), so the database keeps
-- the rule.
ALTER TABLE notices ADD CONSTRAINT notice_lease_only_while_sending
    CHECK ((state = 'sending') = (lease_owner IS NOT NULL));

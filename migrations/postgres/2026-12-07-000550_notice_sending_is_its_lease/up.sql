-- A notice is being sent while it holds a lease; its state stays pending
-- or failed (issue 16). The claim then changes no indexed column (`state`
-- is in `notices_due` and `notices_created_at`), so PostgreSQL rewrites
-- the row in place (a HOT update) instead of writing an entry in each of
-- the table's eight indexes. People, the API and the metrics still see
-- such a notice as "sending".
ALTER TABLE notices DROP CONSTRAINT notice_lease_only_while_sending;
-- A notice in flight at the upgrade keeps its lease, and with it its
-- sending: its worker records its result against the lease as before.
UPDATE notices SET state = 'pending' WHERE state = 'sending';
ALTER TABLE notices ADD CONSTRAINT notice_sending_is_its_lease
    CHECK (lease_owner IS NULL OR state IN ('pending', 'failed'));
-- Room on each page for the claimed version of its rows (HOT needs the
-- new version on the same page). Pages written from now on keep it;
-- those already full gain it when the table is next rewritten.
ALTER TABLE notices SET (fillfactor = 50);

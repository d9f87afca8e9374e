ALTER TABLE notices RESET (fillfactor);
ALTER TABLE notices DROP CONSTRAINT notice_sending_is_its_lease;
UPDATE notices SET state = 'sending' WHERE lease_owner IS NOT NULL;
ALTER TABLE notices ADD CONSTRAINT notice_lease_only_while_sending
    CHECK ((state = 'sending') = (lease_owner IS NOT NULL));

-- A count of committed changes to the records a person's week is made
-- from (issue 16). Each instance keeps the weeks it has worked out, and
-- keeps one only while this count is what it was when the week was read:
-- one single-row read tells an instance whether any instance has written
-- since. Every table is counted except those the week never reads and
-- that change on busy paths (the audit chain, sign-ins and API tokens,
-- the outbox of notices and what hangs off it, digests, calendar feeds,
-- court-list import records, webhooks). A new table is counted unless it
-- is added to that list (see `store::changes` and its test).
CREATE TABLE data_changes (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO data_changes (id, n) VALUES (1, 0);

-- Counted once per transaction, at its commit (a deferred trigger): the
-- row is locked last and briefly, after the audit chain's head, so two
-- writers never wait on each other in opposite orders.
CREATE FUNCTION data_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('courtside.data_changes_counted', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('courtside.data_changes_counted', txid_current()::text, true);
        UPDATE data_changes SET n = n + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER data_changes_organisations AFTER INSERT OR UPDATE OR DELETE ON organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_users AFTER INSERT OR UPDATE OR DELETE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_courts AFTER INSERT OR UPDATE OR DELETE ON courts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_victims AFTER INSERT OR UPDATE OR DELETE ON victims DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_victim_sensitive_details AFTER INSERT OR UPDATE OR DELETE ON victim_sensitive_details DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_supporter_assignments AFTER INSERT OR UPDATE OR DELETE ON supporter_assignments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_consents AFTER INSERT OR UPDATE OR DELETE ON consents DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_cases AFTER INSERT OR UPDATE OR DELETE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_hearings AFTER INSERT OR UPDATE OR DELETE ON hearings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_pre_trial_visits AFTER INSERT OR UPDATE OR DELETE ON pre_trial_visits DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_special_measures_discussions AFTER INSERT OR UPDATE OR DELETE ON special_measures_discussions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_parole_milestones AFTER INSERT OR UPDATE OR DELETE ON parole_milestones DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_attendance_requests AFTER INSERT OR UPDATE OR DELETE ON attendance_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_tasks AFTER INSERT OR UPDATE OR DELETE ON tasks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_deadlines AFTER INSERT OR UPDATE OR DELETE ON deadlines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_flow_warnings AFTER INSERT OR UPDATE OR DELETE ON flow_warnings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_hearing_confirmations AFTER INSERT OR UPDATE OR DELETE ON hearing_confirmations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_organisation_reminder_rules AFTER INSERT OR UPDATE OR DELETE ON organisation_reminder_rules DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_message_stops AFTER INSERT OR UPDATE OR DELETE ON message_stops DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_court_needs AFTER INSERT OR UPDATE OR DELETE ON court_needs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_court_need_disclosures AFTER INSERT OR UPDATE OR DELETE ON court_need_disclosures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_court_need_settings AFTER INSERT OR UPDATE OR DELETE ON court_need_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_safety_plans AFTER INSERT OR UPDATE OR DELETE ON safety_plans DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_trial_updates AFTER INSERT OR UPDATE OR DELETE ON trial_updates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_trial_update_preferences AFTER INSERT OR UPDATE OR DELETE ON trial_update_preferences DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_risk_meetings AFTER INSERT OR UPDATE OR DELETE ON risk_meetings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_statement_appointments AFTER INSERT OR UPDATE OR DELETE ON statement_appointments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_protective_orders AFTER INSERT OR UPDATE OR DELETE ON protective_orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_cps_meetings AFTER INSERT OR UPDATE OR DELETE ON cps_meetings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_risk_meeting_actions AFTER INSERT OR UPDATE OR DELETE ON risk_meeting_actions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_review_decisions AFTER INSERT OR UPDATE OR DELETE ON review_decisions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_compensation_claims AFTER INSERT OR UPDATE OR DELETE ON compensation_claims DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_responsible_adults AFTER INSERT OR UPDATE OR DELETE ON responsible_adults DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();

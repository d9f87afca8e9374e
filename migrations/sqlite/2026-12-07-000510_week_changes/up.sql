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
CREATE TRIGGER data_changes_organisations_insert AFTER INSERT ON organisations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_organisations_update AFTER UPDATE ON organisations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_organisations_delete AFTER DELETE ON organisations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_users_insert AFTER INSERT ON users BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_users_update AFTER UPDATE ON users BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_users_delete AFTER DELETE ON users BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_courts_insert AFTER INSERT ON courts BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_courts_update AFTER UPDATE ON courts BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_courts_delete AFTER DELETE ON courts BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victims_insert AFTER INSERT ON victims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victims_update AFTER UPDATE ON victims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victims_delete AFTER DELETE ON victims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victim_sensitive_details_insert AFTER INSERT ON victim_sensitive_details BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victim_sensitive_details_update AFTER UPDATE ON victim_sensitive_details BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_victim_sensitive_details_delete AFTER DELETE ON victim_sensitive_details BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_supporter_assignments_insert AFTER INSERT ON supporter_assignments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_supporter_assignments_update AFTER UPDATE ON supporter_assignments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_supporter_assignments_delete AFTER DELETE ON supporter_assignments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_consents_insert AFTER INSERT ON consents BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_consents_update AFTER UPDATE ON consents BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_consents_delete AFTER DELETE ON consents BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cases_insert AFTER INSERT ON cases BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cases_update AFTER UPDATE ON cases BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cases_delete AFTER DELETE ON cases BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearings_insert AFTER INSERT ON hearings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearings_update AFTER UPDATE ON hearings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearings_delete AFTER DELETE ON hearings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_pre_trial_visits_insert AFTER INSERT ON pre_trial_visits BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_pre_trial_visits_update AFTER UPDATE ON pre_trial_visits BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_pre_trial_visits_delete AFTER DELETE ON pre_trial_visits BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_special_measures_discussions_insert AFTER INSERT ON special_measures_discussions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_special_measures_discussions_update AFTER UPDATE ON special_measures_discussions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_special_measures_discussions_delete AFTER DELETE ON special_measures_discussions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_parole_milestones_insert AFTER INSERT ON parole_milestones BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_parole_milestones_update AFTER UPDATE ON parole_milestones BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_parole_milestones_delete AFTER DELETE ON parole_milestones BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_attendance_requests_insert AFTER INSERT ON attendance_requests BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_attendance_requests_update AFTER UPDATE ON attendance_requests BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_attendance_requests_delete AFTER DELETE ON attendance_requests BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_deadlines_insert AFTER INSERT ON deadlines BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_deadlines_update AFTER UPDATE ON deadlines BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_deadlines_delete AFTER DELETE ON deadlines BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_flow_warnings_insert AFTER INSERT ON flow_warnings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_flow_warnings_update AFTER UPDATE ON flow_warnings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_flow_warnings_delete AFTER DELETE ON flow_warnings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearing_confirmations_insert AFTER INSERT ON hearing_confirmations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearing_confirmations_update AFTER UPDATE ON hearing_confirmations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_hearing_confirmations_delete AFTER DELETE ON hearing_confirmations BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_organisation_reminder_rules_insert AFTER INSERT ON organisation_reminder_rules BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_organisation_reminder_rules_update AFTER UPDATE ON organisation_reminder_rules BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_organisation_reminder_rules_delete AFTER DELETE ON organisation_reminder_rules BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_message_stops_insert AFTER INSERT ON message_stops BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_message_stops_update AFTER UPDATE ON message_stops BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_message_stops_delete AFTER DELETE ON message_stops BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_needs_insert AFTER INSERT ON court_needs BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_needs_update AFTER UPDATE ON court_needs BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_needs_delete AFTER DELETE ON court_needs BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_disclosures_insert AFTER INSERT ON court_need_disclosures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_disclosures_update AFTER UPDATE ON court_need_disclosures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_disclosures_delete AFTER DELETE ON court_need_disclosures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_settings_insert AFTER INSERT ON court_need_settings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_settings_update AFTER UPDATE ON court_need_settings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_court_need_settings_delete AFTER DELETE ON court_need_settings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_safety_plans_insert AFTER INSERT ON safety_plans BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_safety_plans_update AFTER UPDATE ON safety_plans BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_safety_plans_delete AFTER DELETE ON safety_plans BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_updates_insert AFTER INSERT ON trial_updates BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_updates_update AFTER UPDATE ON trial_updates BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_updates_delete AFTER DELETE ON trial_updates BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_update_preferences_insert AFTER INSERT ON trial_update_preferences BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_update_preferences_update AFTER UPDATE ON trial_update_preferences BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_trial_update_preferences_delete AFTER DELETE ON trial_update_preferences BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meetings_insert AFTER INSERT ON risk_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meetings_update AFTER UPDATE ON risk_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meetings_delete AFTER DELETE ON risk_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_statement_appointments_insert AFTER INSERT ON statement_appointments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_statement_appointments_update AFTER UPDATE ON statement_appointments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_statement_appointments_delete AFTER DELETE ON statement_appointments BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_protective_orders_insert AFTER INSERT ON protective_orders BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_protective_orders_update AFTER UPDATE ON protective_orders BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_protective_orders_delete AFTER DELETE ON protective_orders BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cps_meetings_insert AFTER INSERT ON cps_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cps_meetings_update AFTER UPDATE ON cps_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_cps_meetings_delete AFTER DELETE ON cps_meetings BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meeting_actions_insert AFTER INSERT ON risk_meeting_actions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meeting_actions_update AFTER UPDATE ON risk_meeting_actions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_risk_meeting_actions_delete AFTER DELETE ON risk_meeting_actions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_review_decisions_insert AFTER INSERT ON review_decisions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_review_decisions_update AFTER UPDATE ON review_decisions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_review_decisions_delete AFTER DELETE ON review_decisions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_compensation_claims_insert AFTER INSERT ON compensation_claims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_compensation_claims_update AFTER UPDATE ON compensation_claims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_compensation_claims_delete AFTER DELETE ON compensation_claims BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_responsible_adults_insert AFTER INSERT ON responsible_adults BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_responsible_adults_update AFTER UPDATE ON responsible_adults BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_responsible_adults_delete AFTER DELETE ON responsible_adults BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;

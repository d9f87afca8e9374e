DROP INDEX hearings_court_starts_at;
DROP INDEX cases_case_number;
DROP INDEX cases_urn;
DROP INDEX hearing_confirmations_hearing;
DROP INDEX hearing_confirmations_once;
DROP TABLE hearing_confirmations;
DROP INDEX court_list_imports_version;
DROP TABLE court_list_imports;

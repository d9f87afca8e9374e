DROP TABLE court_need_settings;
DROP TABLE court_need_disclosures;
DROP TABLE court_needs;

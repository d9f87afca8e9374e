DROP TABLE cps_meetings;
ALTER TABLE cases DROP COLUMN offence_group;

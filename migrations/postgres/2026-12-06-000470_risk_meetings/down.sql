DROP TABLE risk_meeting_actions;
DROP TABLE risk_meetings;

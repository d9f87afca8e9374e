DROP TABLE organisation_reminder_rules;
DROP TABLE acknowledgement_tokens;
DROP TABLE notice_actions;
DROP TABLE webhooks;

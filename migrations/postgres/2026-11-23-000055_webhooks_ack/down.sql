DROP TABLE acknowledgement_tokens;
DROP TABLE notice_actions;
DROP TABLE webhooks;

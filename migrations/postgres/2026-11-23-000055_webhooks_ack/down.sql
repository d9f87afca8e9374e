DROP TABLE notice_actions;
DROP TABLE webhooks;

DROP TABLE oidc_pending;

-- OpenID Connect sign-ins waiting for the provider to send the browser
-- back. One row per started sign-in, deleted when the callback uses it
-- (single use) and worthless after `expires_at` (ten minutes). Only
-- hashes identify a row: `state_hash` is the SHA-256 of the `state` sent
-- to the provider, `browser_hash` the SHA-256 of the random value in the
-- short-lived cookie of the browser that started it. `nonce` and
-- `pkce_verifier` are random values of this sign-in only; no email,
-- name or address is kept here.
CREATE TABLE oidc_pending (
    state_hash TEXT PRIMARY KEY NOT NULL,
    browser_hash TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX oidc_pending_expires ON oidc_pending (expires_at);

-- Every sign-in attempt, kept so that the lockout rule survives restarts
-- and holds across instances. No email or address is stored in clear:
-- `account_key` is the SHA-256 of the normalised email, `address_key` the
-- SHA-256 of the client's IP address. `outcome` is `success`, `failure`
-- (wrong email or password) or `locked` (refused while locked out; these
-- do not count towards a lock).
CREATE TABLE sign_in_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    account_key TEXT NOT NULL,
    address_key TEXT,
    user_id TEXT,
    outcome TEXT NOT NULL
);
CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account_key, at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address_key, at);

-- Server-side sessions and used logout token IDs (SQLite). A session's
-- id is the SHA-256 of the cookie's secret, never the secret itself.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    contact_id  TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL DEFAULT '',
    sid         TEXT NOT NULL DEFAULT '',
    csrf        TEXT NOT NULL,
    id_token    TEXT NOT NULL DEFAULT '',
    user_agent  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    idle_until  TEXT NOT NULL
);
CREATE INDEX sessions_identity ON sessions (issuer, subject, sid);
CREATE INDEX sessions_contact ON sessions (contact_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_idle ON sessions (idle_until);

CREATE TABLE used_token_ids (
    issuer      TEXT NOT NULL,
    jti         TEXT NOT NULL,
    until_at    TEXT NOT NULL,
    PRIMARY KEY (issuer, jti)
);
CREATE INDEX used_token_ids_until ON used_token_ids (until_at);

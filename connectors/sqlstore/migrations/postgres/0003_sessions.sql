-- Server-side sessions and used logout token IDs (PostgreSQL). A session's
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
    created_at  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    idle_until  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_identity ON sessions (issuer, subject, sid);
CREATE INDEX sessions_contact ON sessions (contact_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_idle ON sessions (idle_until);

CREATE TABLE used_token_ids (
    issuer      TEXT NOT NULL,
    jti         TEXT NOT NULL,
    until_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, jti)
);
CREATE INDEX used_token_ids_until ON used_token_ids (until_at);

-- Staff sign-ins, the staff directory and contacts' email preferences
-- (PostgreSQL). A staff session may have no contact (contact_id '').
ALTER TABLE sessions ADD COLUMN staff BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE staff_members (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    last_seen   TIMESTAMPTZ NOT NULL
);

-- One row per contact who chose something or was sent an unsubscribe
-- link; token is that link's unguessable secret.
CREATE TABLE email_preferences (
    contact_id  TEXT PRIMARY KEY,
    opt_out     BOOLEAN NOT NULL DEFAULT FALSE,
    token       TEXT NOT NULL UNIQUE,
    updated_at  TIMESTAMPTZ NOT NULL
);

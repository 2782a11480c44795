-- Staff sign-ins, the staff directory and contacts' email preferences
-- (SQLite). A staff session may have no contact (contact_id '').
ALTER TABLE sessions ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;

CREATE TABLE staff_members (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    last_seen   TEXT NOT NULL
);

-- One row per contact who chose something or was sent an unsubscribe
-- link; token is that link's unguessable secret.
CREATE TABLE email_preferences (
    contact_id  TEXT PRIMARY KEY,
    opt_out     INTEGER NOT NULL DEFAULT 0,
    token       TEXT NOT NULL UNIQUE,
    updated_at  TEXT NOT NULL
);

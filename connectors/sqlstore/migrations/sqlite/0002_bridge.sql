-- The bridge's own tables (SQLite). Contact IDs here name contacts of
-- whichever connector is configured, so they carry no foreign keys.
CREATE TABLE identity_links (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    contact_id  TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    via         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX identity_links_contact ON identity_links (contact_id);

CREATE TABLE link_conflicts (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    contact_ids TEXT NOT NULL DEFAULT '[]',
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (issuer, subject)
);

CREATE TABLE contact_settings (
    contact_id        TEXT PRIMARY KEY,
    portal_disabled   INTEGER NOT NULL DEFAULT 0,
    modules           TEXT NOT NULL DEFAULT '{}',
    see_company_items INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT NOT NULL
);

CREATE TABLE calendar_tokens (
    token       TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    contact_id  TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT '',
    changes     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_log_contact ON audit_log (contact_id, at, id);

-- The bridge's own tables (PostgreSQL). Contact IDs here name contacts of
-- whichever connector is configured, so they carry no foreign keys.
CREATE TABLE identity_links (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    contact_id  TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    via         TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX identity_links_contact ON identity_links (contact_id);

CREATE TABLE link_conflicts (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    contact_ids JSONB NOT NULL DEFAULT '[]',
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL,
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (issuer, subject)
);

CREATE TABLE contact_settings (
    contact_id        TEXT PRIMARY KEY,
    portal_disabled   BOOLEAN NOT NULL DEFAULT FALSE,
    modules           JSONB NOT NULL DEFAULT '{}',
    see_company_items BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE calendar_tokens (
    token       TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    contact_id  TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT '',
    changes     JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_log_contact ON audit_log (contact_id, at, id);

-- Contacts' own portal preferences (language, time zone), kept by
-- clientgate, and form drafts kept across a sign-in round trip (PostgreSQL).
CREATE TABLE contact_preferences (
    contact_id  TEXT PRIMARY KEY,
    language    TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL DEFAULT '',
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE form_drafts (
    id          TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    form_values JSONB NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX form_drafts_created ON form_drafts (created_at);

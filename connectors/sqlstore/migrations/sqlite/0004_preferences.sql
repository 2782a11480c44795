-- Contacts' own portal preferences (language, time zone), kept by
-- clientgate, and form drafts kept across a sign-in round trip (SQLite).
CREATE TABLE contact_preferences (
    contact_id  TEXT PRIMARY KEY,
    language    TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

CREATE TABLE form_drafts (
    id          TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    form_values TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL
);
CREATE INDEX form_drafts_created ON form_drafts (created_at);

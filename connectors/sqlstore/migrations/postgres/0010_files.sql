-- The records of the files clientgate keeps (their content is in blob
-- storage, keyed by id), and which contacts downloaded which file (PostgreSQL).
-- Owner and uploader IDs name records of whichever connector (or the
-- conversation store, for posts), so they carry no foreign keys.
CREATE TABLE files (
    id            TEXT PRIMARY KEY,
    owner_kind    TEXT NOT NULL CHECK (owner_kind IN ('contact', 'company', 'post')),
    owner_id      TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'deleting')),
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL DEFAULT '',
    size          BIGINT NOT NULL DEFAULT 0 CHECK (size >= 0),
    sha256        TEXT NOT NULL DEFAULT '',
    uploader_kind TEXT NOT NULL CHECK (uploader_kind IN ('contact', 'staff', 'operator')),
    uploader_id   TEXT NOT NULL DEFAULT '',
    uploader_name TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX files_owner ON files (owner_kind, owner_id, state, created_at, id);
CREATE INDEX files_uploader ON files (uploader_kind, uploader_id, state);
CREATE INDEX files_state ON files (state, updated_at);

CREATE TABLE file_downloads (
    file_id     TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    contact_id  TEXT NOT NULL,
    first_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (file_id, contact_id)
);

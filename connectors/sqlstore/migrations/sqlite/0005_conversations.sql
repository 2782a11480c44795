-- Tickets, item message threads and their posts, kept by clientgate for
-- every connector (SQLite); the outbox's sent-mail markers; an index to
-- read a thread's audit history. Contact and item IDs name records of
-- whichever connector is configured, so they carry no foreign keys.
CREATE TABLE conversation_threads (
    id            TEXT PRIMARY KEY,
    contact_id    TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('ticket', 'invoice', 'quote', 'task')),
    item_id       TEXT NOT NULL DEFAULT '',
    subject       TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('open', 'waiting_on_client', 'waiting_on_staff', 'closed')),
    assignee_id   TEXT NOT NULL DEFAULT '',
    assignee_name TEXT NOT NULL DEFAULT '',
    posts         INTEGER NOT NULL DEFAULT 0,
    client_unread INTEGER NOT NULL DEFAULT 0,
    staff_unread  INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((kind = 'ticket') = (item_id = ''))
);
CREATE UNIQUE INDEX conversation_threads_item ON conversation_threads (contact_id, kind, item_id) WHERE kind <> 'ticket';
CREATE INDEX conversation_threads_contact ON conversation_threads (contact_id, kind, updated_at, id);
CREATE INDEX conversation_threads_updated ON conversation_threads (updated_at, id);
CREATE INDEX conversation_threads_status ON conversation_threads (status, updated_at, id);

CREATE TABLE conversation_posts (
    id          TEXT PRIMARY KEY,
    thread_id   TEXT NOT NULL REFERENCES conversation_threads (id) ON DELETE CASCADE,
    author_kind TEXT NOT NULL CHECK (author_kind IN ('client', 'staff')),
    author_id   TEXT NOT NULL DEFAULT '',
    author_name TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX conversation_posts_thread ON conversation_posts (thread_id, created_at, id);

CREATE TABLE mail_sent (
    key         TEXT PRIMARY KEY,
    message_id  TEXT NOT NULL DEFAULT '',
    sent_at     TEXT NOT NULL
);

CREATE INDEX audit_log_target ON audit_log (target, at, id);

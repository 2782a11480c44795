-- Online payments and invoice documents (SQLite).
-- CRM side: tax rates and amounts per line, the amount paid on an
-- invoice, and tax IDs of contacts and companies (NULL amounts: unknown).
ALTER TABLE invoice_lines ADD COLUMN tax_rate TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice_lines ADD COLUMN tax INTEGER;
ALTER TABLE quote_lines ADD COLUMN tax_rate TEXT NOT NULL DEFAULT '';
ALTER TABLE quote_lines ADD COLUMN tax INTEGER;
ALTER TABLE invoices ADD COLUMN amount_paid INTEGER;
ALTER TABLE contacts ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';

-- The bridge's payment ledger. Invoice and contact IDs name records of
-- whichever connector is configured, so they carry no foreign keys.
CREATE TABLE payment_attempts (
    id              TEXT PRIMARY KEY,
    provider        TEXT NOT NULL,
    invoice_id      TEXT NOT NULL,
    invoice_number  TEXT NOT NULL DEFAULT '',
    contact_id      TEXT NOT NULL,
    amount          INTEGER NOT NULL CHECK (amount > 0),
    currency        TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    session_id      TEXT UNIQUE,
    checkout_url    TEXT NOT NULL DEFAULT '',
    intent_id       TEXT UNIQUE,
    charge_id       TEXT NOT NULL DEFAULT '',
    receipt_url     TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    refunded        INTEGER NOT NULL DEFAULT 0,
    crm_reference   TEXT NOT NULL DEFAULT '',
    crm_recorded_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- At most one live attempt per invoice: a paid invoice cannot be paid
-- again, whatever races between replicas, tabs and webhooks.
CREATE UNIQUE INDEX payment_attempts_live ON payment_attempts (provider, invoice_id)
    WHERE state IN ('created', 'failed', 'processing', 'paid', 'disputed');
CREATE INDEX payment_attempts_invoice ON payment_attempts (invoice_id, created_at);
CREATE INDEX payment_attempts_unrecorded ON payment_attempts (state, crm_recorded_at, updated_at);

CREATE TABLE payment_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    attempt_id  TEXT NOT NULL REFERENCES payment_attempts (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    event_id    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_changes_attempt ON payment_changes (attempt_id, id);

-- Every provider event applied, once: the primary key, not a check
-- before inserting, makes a replayed or concurrent delivery a no-op.
CREATE TABLE payment_events (
    provider    TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    type        TEXT NOT NULL DEFAULT '',
    attempt_id  TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE payment_discrepancies (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    at                TEXT NOT NULL,
    provider          TEXT NOT NULL,
    event_id          TEXT NOT NULL,
    event_type        TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL,
    attempt_id        TEXT NOT NULL DEFAULT '',
    invoice_id        TEXT NOT NULL DEFAULT '',
    session_id        TEXT NOT NULL DEFAULT '',
    intent_id         TEXT NOT NULL DEFAULT '',
    expected_amount   INTEGER NOT NULL DEFAULT 0,
    expected_currency TEXT NOT NULL DEFAULT '',
    got_amount        INTEGER NOT NULL DEFAULT 0,
    got_currency      TEXT NOT NULL DEFAULT '',
    detail            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_discrepancies_at ON payment_discrepancies (at, id);

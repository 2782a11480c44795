-- CRM tables of the built-in store (PostgreSQL). Times are timestamptz;
-- money is integer minor units with a currency column.
CREATE TABLE companies (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    address_line1   TEXT NOT NULL DEFAULT '',
    address_line2   TEXT NOT NULL DEFAULT '',
    address_city    TEXT NOT NULL DEFAULT '',
    address_region  TEXT NOT NULL DEFAULT '',
    address_postcode TEXT NOT NULL DEFAULT '',
    address_country TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE contacts (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL,
    prefix          TEXT NOT NULL DEFAULT '',
    first_name      TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT '',
    company_id      TEXT REFERENCES companies (id) ON DELETE SET NULL,
    phone_home      TEXT NOT NULL DEFAULT '',
    phone_work      TEXT NOT NULL DEFAULT '',
    phone_mobile    TEXT NOT NULL DEFAULT '',
    address_line1   TEXT NOT NULL DEFAULT '',
    address_line2   TEXT NOT NULL DEFAULT '',
    address_city    TEXT NOT NULL DEFAULT '',
    address_region  TEXT NOT NULL DEFAULT '',
    address_postcode TEXT NOT NULL DEFAULT '',
    address_country TEXT NOT NULL DEFAULT '',
    second_line1    TEXT NOT NULL DEFAULT '',
    second_line2    TEXT NOT NULL DEFAULT '',
    second_city     TEXT NOT NULL DEFAULT '',
    second_region   TEXT NOT NULL DEFAULT '',
    second_postcode TEXT NOT NULL DEFAULT '',
    second_country  TEXT NOT NULL DEFAULT '',
    locale          TEXT NOT NULL DEFAULT '',
    portal_access   BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX contacts_email_key ON contacts (email_key);
CREATE INDEX contacts_company ON contacts (company_id);

CREATE TABLE invoices (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    contact_id  TEXT REFERENCES contacts (id) ON DELETE CASCADE,
    company_id  TEXT REFERENCES companies (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    due_at      TIMESTAMPTZ,
    paid_at     TIMESTAMPTZ,
    currency    TEXT NOT NULL,
    subtotal    BIGINT NOT NULL DEFAULT 0,
    discount    BIGINT NOT NULL DEFAULT 0,
    tax         BIGINT NOT NULL DEFAULT 0,
    total       BIGINT NOT NULL DEFAULT 0,
    amount_due  BIGINT NOT NULL DEFAULT 0,
    pay_url     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((contact_id IS NULL) <> (company_id IS NULL))
);
CREATE INDEX invoices_contact ON invoices (contact_id, issued_at, id);
CREATE INDEX invoices_company ON invoices (company_id, issued_at, id);

CREATE TABLE invoice_lines (
    invoice_id  TEXT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    quantity    TEXT NOT NULL DEFAULT '1',
    unit_price  BIGINT NOT NULL DEFAULT 0,
    total       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (invoice_id, position)
);

CREATE TABLE quotes (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    contact_id  TEXT REFERENCES contacts (id) ON DELETE CASCADE,
    company_id  TEXT REFERENCES companies (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    valid_until TIMESTAMPTZ,
    currency    TEXT NOT NULL,
    total       BIGINT NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    decided_at  TIMESTAMPTZ,
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_ip  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((contact_id IS NULL) <> (company_id IS NULL))
);
CREATE INDEX quotes_contact ON quotes (contact_id, issued_at, id);
CREATE INDEX quotes_company ON quotes (company_id, issued_at, id);

CREATE TABLE quote_lines (
    quote_id    TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    quantity    TEXT NOT NULL DEFAULT '1',
    unit_price  BIGINT NOT NULL DEFAULT 0,
    total       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (quote_id, position)
);

CREATE TABLE transactions (
    id          TEXT PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    amount      BIGINT NOT NULL,
    currency    TEXT NOT NULL,
    happened_at TIMESTAMPTZ NOT NULL,
    invoice_id  TEXT REFERENCES invoices (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX transactions_contact ON transactions (contact_id, happened_at, id);

CREATE TABLE tasks (
    id          TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    start_at    TIMESTAMPTZ NOT NULL,
    end_at      TIMESTAMPTZ,
    location    TEXT NOT NULL DEFAULT '',
    complete    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (contact_id, title, start_at)
);
CREATE INDEX tasks_contact ON tasks (contact_id, start_at, id);

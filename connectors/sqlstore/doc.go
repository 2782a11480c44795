// Package sqlstore is clientgate's built-in SQL store: a small CRM for
// companies without one (contacts, companies, invoices, quotes,
// transactions and tasks) and the home of the bridge's own tables (identity
// links, link conflicts, per-contact settings, calendar tokens and the audit
// log).
//
// Open picks the database from the DSN: a plain file path or a "file:" URI
// opens SQLite (modernc.org/sqlite, no cgo, WAL journal, foreign keys on, a
// busy timeout); a "postgres://" or "postgresql://" URL opens PostgreSQL
// through pgx. Open applies the embedded, versioned migrations of the
// dialect, safely when several replicas start at once.
//
// *Store implements connectors.Connector (Name "sqlstore", every
// capability) and bridge.Store. IDs are random UUID strings, so a malformed
// or foreign ID is simply not found. Money is kept in integer minor units
// with a currency column, times in UTC, and lists page with keyset cursors
// on (date, id).
package sqlstore

package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// exec runs a statement written with ? placeholders.
func (s *Store) exec(ctx context.Context, q querier, query string, args ...any) (sql.Result, error) {
	if st := s.stmt(ctx, q, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return q.ExecContext(ctx, s.d.rebind(query), args...)
}

// query runs a query written with ? placeholders.
func (s *Store) query(ctx context.Context, q querier, query string, args ...any) (*sql.Rows, error) {
	if st := s.stmt(ctx, q, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return q.QueryContext(ctx, s.d.rebind(query), args...)
}

// row runs a one-row query written with ? placeholders.
func (s *Store) row(ctx context.Context, q querier, query string, args ...any) *sql.Row {
	if st := s.stmt(ctx, q, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return q.QueryRowContext(ctx, s.d.rebind(query), args...)
}

// stmt returns the prepared statement to run query (with ? placeholders)
// on q, or nil to run it unprepared. On the store's database it prepares
// and caches the statement on first use. In a transaction it only reuses a statement
// already cached, bound to the transaction with StmtContext: preparing
// through the pool there would need a second connection, which may not
// see the transaction's uncommitted schema or may not exist at all (an
// in-memory SQLite database has one). A transaction must not run the same
// query text again while that query's rows are still open.
func (s *Store) stmt(ctx context.Context, q querier, query string) *sql.Stmt {
	switch q := q.(type) {
	case *sql.DB:
		if q == s.db {
			return s.stmts.prepared(ctx, query)
		}
	case *sql.Tx:
		if st := s.stmts.lookup(query); st != nil {
			return q.StmtContext(ctx, st)
		}
	}
	return nil
}

// inTx runs f in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// lockKey serialises transactions working on one natural key. PostgreSQL
// takes a transaction-scoped advisory lock; SQLite transactions already
// begin IMMEDIATE, one writer at a time.
func (s *Store) lockKey(ctx context.Context, tx *sql.Tx, key string) error {
	if s.d.name != "postgres" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, key); err != nil {
		return fmt.Errorf("lock %s: %w", key, err)
	}
	return nil
}

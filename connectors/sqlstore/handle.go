package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// OpenHandle opens another connection pool on the store's database with
// the store's settings, for a library that needs a database/sql handle of
// its own, such as the job queue. On SQLite the handle uses the same file
// with WAL, the busy timeout and BEGIN IMMEDIATE transactions, so its
// writers wait for the store's instead of failing; an in-memory SQLite
// database cannot be shared and is refused. maxConns bounds the pool
// (at least 1). The caller closes the handle.
func (s *Store) OpenHandle(ctx context.Context, maxConns int) (*sql.DB, error) {
	maxConns = max(maxConns, 1)
	if s.d.name == "postgres" {
		db, err := openPostgres(ctx, s.dsn)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(maxConns)
		db.SetMaxIdleConns(maxConns)
		return db, nil
	}
	if isMemory(s.dsn) {
		return nil, fmt.Errorf("sqlstore: open handle: an in-memory SQLite database cannot be shared; use a file")
	}
	db, err := sql.Open("sqlite", sqliteDSN(s.dsn))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open handle: %w", err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	if err := pingSQLite(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: open handle: %w", err)
	}
	return db, nil
}

// DSN returns the DSN the store was opened with. It may hold a password:
// never log it.
func (s *Store) DSN() string { return s.dsn }

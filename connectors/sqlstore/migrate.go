package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrationFS embed.FS

// migration is one versioned SQL file.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's migrations in version order. Files are
// named NNNN_name.sql.
func (d dialect) migrations() ([]migration, error) {
	dir := path.Join("migrations", d.name)
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("bad migration file name %q", e.Name())
		}
		body, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the pending migrations in one transaction. On
// PostgreSQL a transaction-scoped advisory lock (per schema) serialises
// replicas starting together; on SQLite the transaction begins IMMEDIATE,
// which takes the write lock up front.
func (s *Store) migrate(ctx context.Context) error {
	all, err := s.d.migrations()
	if err != nil {
		return fmt.Errorf("sqlstore: migrations: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if s.d.name == "postgres" {
			const lock = `SELECT pg_advisory_xact_lock(hashtext('clientgate.sqlstore.migrate.' || current_schema()))`
			if _, err := tx.ExecContext(ctx, lock); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
		}
		return s.applyMigrations(ctx, tx, all)
	})
	return ctxWrap(ctx, "migrate", err)
}

func (s *Store) applyMigrations(ctx context.Context, tx *sql.Tx, all []migration) error {
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`
	if _, err := tx.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	done, err := s.appliedVersions(ctx, tx)
	if err != nil {
		return err
	}
	for _, m := range all {
		if done[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("apply %s: %w", m.name, err)
		}
		_, err := s.exec(ctx, tx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, time.Now().UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("record %s: %w", m.name, err)
		}
		s.log.InfoContext(ctx, "sqlstore: applied migration", "migration", m.name, "driver", s.d.name)
	}
	return nil
}

func (s *Store) appliedVersions(ctx context.Context, tx *sql.Tx) (map[int]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

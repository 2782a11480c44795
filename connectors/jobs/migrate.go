package jobs

import (
	"context"
	"fmt"

	"github.com/riverqueue/river/rivermigrate"
)

// migrateLock serialises River's migrations between replicas starting
// together on one PostgreSQL schema (River's migrator takes no lock).
const migrateLock = `SELECT pg_advisory_xact_lock(hashtext('clientgate.jobs.migrate.' || current_schema()))`

// migrate applies River's pending migrations in one transaction. On
// SQLite the transaction begins IMMEDIATE when the handle is opened so
// (sqlstore's are), which serialises it the same way.
func (q *Queue) migrate(ctx context.Context) error {
	m, err := rivermigrate.New(q.driver, &rivermigrate.Config{Logger: q.opts.Logger})
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	tx, err := q.opts.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("jobs: migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if q.opts.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, migrateLock); err != nil {
			return fmt.Errorf("jobs: migrate: lock: %w", err)
		}
	}
	res, err := m.MigrateTx(ctx, tx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("jobs: migrate: commit: %w", err)
	}
	for _, v := range res.Versions {
		q.opts.Logger.InfoContext(ctx, "jobs: applied river migration", "version", v.Version, "name", v.Name)
	}
	return nil
}

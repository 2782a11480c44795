package jobs

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river/rivermigrate"
)

// migrateLockKey names the session advisory lock that serialises River's
// migrations between replicas starting together on one PostgreSQL schema
// (River's migrator takes no lock).
const migrateLockKey = `hashtext('clientgate.jobs.migrate.' || current_schema())`

// migrate applies River's pending migrations, each in its own
// transaction (some PostgreSQL ones add enum values, which cannot be used
// in the transaction that adds them). On PostgreSQL it holds the advisory
// lock on a connection of its own meanwhile.
func (q *Queue) migrate(ctx context.Context) error {
	m, err := rivermigrate.New(q.driver, &rivermigrate.Config{Logger: q.opts.Logger})
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	if q.opts.Dialect == Postgres {
		unlock, err := lockMigrations(ctx, q.opts.DB)
		if err != nil {
			return err
		}
		defer unlock()
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	for _, v := range res.Versions {
		q.opts.Logger.InfoContext(ctx, "jobs: applied river migration", "version", v.Version, "name", v.Name)
	}
	return nil
}

// lockMigrations takes the migration lock on a dedicated connection and
// returns the function that releases it.
func lockMigrations(ctx context.Context, db *sql.DB) (func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("jobs: migrate: lock: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+migrateLockKey+`)`); err != nil {
		conn.Close()
		return nil, fmt.Errorf("jobs: migrate: lock: %w", err)
	}
	return func() {
		// Closing the connection would also release the lock; unlock
		// first so that a pooled connection never keeps it.
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(`+migrateLockKey+`)`)
		conn.Close()
	}, nil
}

// Package jobstest opens job queues on sqlstore databases for tests,
// with timings fast enough for a test (polling every 50ms, first retry
// after 20ms).
package jobstest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"clientgate/connectors/jobs"
	"clientgate/connectors/sqlstore"
)

// Open opens a queue on the store's database as cmd does (its own
// handle: one connection on SQLite, four and a LISTEN connection on
// PostgreSQL), with o's non-zero fields winning over the test timings.
// At cleanup the queue is stopped and the handle closed. It returns the
// handle too, for tests that look into River's tables or simulate a
// process exit by closing it.
func Open(t testing.TB, store *sqlstore.Store, o jobs.Options) (*jobs.Queue, *sql.DB) {
	t.Helper()
	ctx := context.Background()
	conns := 1
	o.Dialect = store.Driver()
	if o.Dialect == jobs.Postgres {
		conns, o.ListenDSN = 4, store.DSN()
	}
	db, err := store.OpenHandle(ctx, conns)
	if err != nil {
		t.Fatalf("jobstest: open handle: %v", err)
	}
	o.DB = db
	if o.PollInterval == 0 {
		o.PollInterval = 50 * time.Millisecond
	}
	if o.RetryBase == 0 {
		o.RetryBase = 20 * time.Millisecond
	}
	q, err := jobs.Open(ctx, o)
	if err != nil {
		db.Close()
		t.Fatalf("jobstest: jobs.Open: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := q.Stop(ctx); err != nil {
			t.Errorf("jobstest: Stop: %v", err)
		}
		db.Close()
	})
	return q, db
}

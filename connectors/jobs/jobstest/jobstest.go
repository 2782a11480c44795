// Package jobstest opens job queues on sqlstore databases for tests,
// with timings fast enough for a test (polling every 50ms, first retry
// after 20ms).
package jobstest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

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

// Metric returns the value of the first series of the named counter or
// gauge in reg whose labels include labels, or -1 when there is none.
func Metric(t testing.TB, reg prometheus.Gatherer, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatalf("jobstest: gather: %v", err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			if hasLabels(m.GetLabel(), labels) {
				if m.GetCounter() != nil {
					return m.GetCounter().GetValue()
				}
				return m.GetGauge().GetValue()
			}
		}
	}
	return -1
}

func hasLabels(pairs []*dto.LabelPair, want map[string]string) bool {
	n := 0
	for _, l := range pairs {
		if v, ok := want[l.GetName()]; ok {
			if v != l.GetValue() {
				return false
			}
			n++
		}
	}
	return n == len(want)
}

// Eventually polls cond every 20ms until it holds, failing the test
// after 20 seconds (jobs run asynchronously).
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

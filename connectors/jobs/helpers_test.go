package jobs_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors/jobs"
	"clientgate/connectors/jobs/jobstest"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// bridgeDB is one bridge database, as a test's queues share it.
type bridgeDB struct {
	name  string
	dsn   string
	store *sqlstore.Store
}

// eachDialect runs f on a fresh bridge database of every dialect.
func eachDialect(t *testing.T, f func(t *testing.T, b bridgeDB)) {
	for _, d := range []struct {
		name string
		dsn  func(testing.TB) string
	}{{jobs.SQLite, sqlstoretest.SQLiteDSN}, {jobs.Postgres, sqlstoretest.PostgresDSN}} {
		t.Run(d.name, func(t *testing.T) {
			dsn := d.dsn(t)
			store, err := sqlstore.Open(context.Background(), dsn, sqlstore.Options{})
			if err != nil {
				t.Fatalf("open store: %v", err)
			}
			t.Cleanup(func() { store.Close() })
			f(t, bridgeDB{name: d.name, dsn: dsn, store: store})
		})
	}
}

// testLogger writes to the test's output when -v is set, else discards.
func testLogger(t *testing.T) *slog.Logger {
	var w io.Writer = io.Discard
	if testing.Verbose() && os.Getenv("JOBS_TEST_LOG") != "" {
		w = os.Stderr
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// testQueue is a queue under test with its registry.
type testQueue struct {
	*jobs.Queue
	reg *prometheus.Registry
	db  *sql.DB
}

// open opens a queue on the database with fast test timings and a
// registry of its own; o's non-zero fields win.
func (b bridgeDB) open(t *testing.T, o jobs.Options) testQueue {
	t.Helper()
	reg := prometheus.NewRegistry()
	o.Registerer, o.Logger = reg, testLogger(t)
	q, db := jobstest.Open(t, b.store, o)
	return testQueue{Queue: q, reg: reg, db: db}
}

// echoArgs is the test's job kind.
type echoArgs struct {
	N   int    `json:"n"`
	Key string `json:"key" river:"unique"`
}

func (echoArgs) Kind() string { return "test.echo" }

// runs records the jobs a handler saw.
type runs struct {
	mu   sync.Mutex
	seen []int // N of each run, in order
	ch   chan int
}

func newRuns() *runs { return &runs{ch: make(chan int, 100)} }

func (r *runs) add(n int) {
	r.mu.Lock()
	r.seen = append(r.seen, n)
	r.mu.Unlock()
	r.ch <- n
}

func (r *runs) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// wait waits for the next run and returns its N.
func (r *runs) wait(t *testing.T) int {
	t.Helper()
	select {
	case n := <-r.ch:
		return n
	case <-time.After(20 * time.Second):
		t.Fatalf("no job ran within 20s (runs so far: %d)", r.count())
		return 0
	}
}

// eventually is jobstest.Eventually.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	jobstest.Eventually(t, what, cond)
}

// metric returns the value of a series in reg, or -1 when absent.
func metric(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	return jobstest.Metric(t, reg, name, labels)
}

// lintMetrics checks the registry's metrics with Prometheus's linter.
func lintMetrics(t *testing.T, reg *prometheus.Registry) {
	t.Helper()
	problems, err := testutil.GatherAndLint(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if !strings.Contains(p.Text, "counter metrics should have") {
			t.Errorf("metric %s: %s", p.Metric, p.Text)
		}
	}
}

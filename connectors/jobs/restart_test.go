package jobs_test

import (
	"context"
	"testing"
	"time"

	"clientgate/connectors/jobs"
)

// TestJobSurvivesRestart enqueues jobs in one queue that stops before
// running them (one never started, one stopped before its scheduled
// time), then opens a new queue on new connections to the same database:
// each job runs there exactly once.
func TestJobSurvivesRestart(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		ctx := context.Background()
		before := b.open(t, jobs.Options{})
		enqueue(t, before, echoArgs{N: 1}, jobs.EnqueueOptions{})
		stopAndClose(t, before)

		started := b.open(t, jobs.Options{})
		early := newRuns()
		register(t, started, early, nil, jobs.KindOptions{})
		start(t, started)
		// Enqueued while a worker runs, due after the stop below. The
		// first job may run here already: that is the point of a queue,
		// so count it with the later ones.
		enqueue(t, started, echoArgs{N: 2}, jobs.EnqueueOptions{At: time.Now().Add(1500 * time.Millisecond)})
		stopAndClose(t, started)

		after := b.open(t, jobs.Options{})
		r := newRuns()
		register(t, after, r, nil, jobs.KindOptions{})
		if err := after.Start(ctx); err != nil {
			t.Fatal(err)
		}
		want := 2 - early.count()
		for range want {
			r.wait(t)
		}
		time.Sleep(500 * time.Millisecond)
		total := early.count() + r.count()
		if total != 2 || r.count() < 1 {
			t.Errorf("jobs ran %d times before and %d after the restart, want 2 in all and job 2 after", early.count(), r.count())
		}
		for _, n := range early.seen {
			if n == 2 {
				t.Error("job 2 ran before its time in the stopped queue")
			}
		}
	})
}

// stopAndClose stops q and closes its handle, as a process exit would.
func stopAndClose(t *testing.T, q testQueue) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := q.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	q.db.Close()
}

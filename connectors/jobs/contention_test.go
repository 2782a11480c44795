package jobs_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
)

// TestStoreAndQueueWriteTogether runs jobs that write to the store while
// the test writes to it too, with outbox jobs enqueued in the store's
// transactions: on SQLite the queue's own connection and the store's pool
// share one file, and every write must wait its turn rather than fail
// with "database is locked".
func TestStoreAndQueueWriteTogether(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		ctx := context.Background()
		q := b.open(t, jobs.Options{Workers: 4})
		r := newRuns()
		err := jobs.Register(q.Queue, func(ctx context.Context, j *jobs.Job[echoArgs]) error {
			_, err := b.store.CreateTicket(ctx, connectors.Scope{ContactID: "worker"},
				connectors.NewTicket{Subject: fmt.Sprint("job ", j.Args.N), Body: "from a job"})
			r.add(j.Args.N)
			return err
		}, jobs.KindOptions{MaxAttempts: 1})
		if err != nil {
			t.Fatal(err)
		}
		start(t, q)
		const jobsN, writers, perWriter = 30, 3, 10
		for n := range jobsN {
			enqueue(t, q, echoArgs{N: n}, jobs.EnqueueOptions{})
		}
		var wg sync.WaitGroup
		errs := make(chan error, writers*perWriter)
		for w := range writers {
			wg.Go(func() {
				for i := range perWriter {
					_, err := b.store.CreateTicket(ctx, connectors.Scope{ContactID: fmt.Sprint("writer-", w)},
						connectors.NewTicket{Subject: fmt.Sprint("ticket ", i), Body: "from the test"})
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("store write beside the queue: %v", err)
			}
		}
		for range jobsN {
			r.wait(t)
		}
		eventually(t, "every job completed", func() bool {
			return metric(t, q.reg, "clientgate_jobs", map[string]string{"kind": "test.echo", "state": "completed"}) == jobsN
		})
		if n := metric(t, q.reg, "clientgate_jobs_finished_total", map[string]string{"outcome": "discarded"}); n > 0 {
			t.Errorf("%v jobs failed writing to the store", n)
		}
	})
}

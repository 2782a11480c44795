package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"clientgate/connectors/jobs"
)

func register(t *testing.T, q testQueue, r *runs, fail func(j *jobs.Job[echoArgs]) error, o jobs.KindOptions) {
	t.Helper()
	err := jobs.Register(q.Queue, func(ctx context.Context, j *jobs.Job[echoArgs]) error {
		var err error
		if fail != nil {
			err = fail(j)
		}
		r.add(j.Args.N)
		return err
	}, o)
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
}

func start(t *testing.T, q testQueue) {
	t.Helper()
	if err := q.Start(context.Background()); err != nil {
		t.Fatalf("Start: %v", err)
	}
}

func enqueue(t *testing.T, q testQueue, args echoArgs, o jobs.EnqueueOptions) jobs.Result {
	t.Helper()
	res, err := q.Enqueue(context.Background(), args, o)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	return res
}

func TestRunsEnqueuedJobs(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{})
		r := newRuns()
		register(t, q, r, nil, jobs.KindOptions{})
		start(t, q)
		for n := 1; n <= 3; n++ {
			enqueue(t, q, echoArgs{N: n}, jobs.EnqueueOptions{})
		}
		got := map[int]bool{}
		for range 3 {
			got[r.wait(t)] = true
		}
		if !got[1] || !got[2] || !got[3] {
			t.Errorf("ran %v, want 1, 2 and 3", got)
		}
		completed := map[string]string{"kind": "test.echo", "outcome": "completed"}
		eventually(t, "3 completed jobs counted", func() bool {
			return metric(t, q.reg, "clientgate_jobs_finished_total", completed) == 3
		})
		if n := metric(t, q.reg, "clientgate_jobs", map[string]string{"kind": "test.echo", "state": "completed"}); n != 3 {
			t.Errorf("clientgate_jobs{state=completed} = %v, want 3", n)
		}
		lintMetrics(t, q.reg)
	})
}

func TestRetriesWithBackoffUntilSuccess(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{RetryBase: 100 * time.Millisecond})
		r := newRuns()
		var attempts []time.Time
		register(t, q, r, func(j *jobs.Job[echoArgs]) error {
			attempts = append(attempts, time.Now())
			if j.Attempt < 3 {
				return fmt.Errorf("attempt %d: service down", j.Attempt)
			}
			return nil
		}, jobs.KindOptions{})
		start(t, q)
		enqueue(t, q, echoArgs{N: 7}, jobs.EnqueueOptions{})
		for range 3 {
			r.wait(t)
		}
		retried := map[string]string{"kind": "test.echo", "outcome": "retried"}
		eventually(t, "completion counted", func() bool {
			return metric(t, q.reg, "clientgate_jobs_finished_total", map[string]string{"kind": "test.echo", "outcome": "completed"}) == 1
		})
		if n := metric(t, q.reg, "clientgate_jobs_finished_total", retried); n != 2 {
			t.Errorf("retried = %v, want 2", n)
		}
		// Backoff: ~100ms after the first failure, ~200ms after the second
		// (±10%), never sooner.
		if d1, d2 := attempts[1].Sub(attempts[0]), attempts[2].Sub(attempts[1]); d1 < 90*time.Millisecond || d2 < 180*time.Millisecond {
			t.Errorf("retries after %v and %v, want at least 90ms and 180ms", d1, d2)
		}
	})
}

func TestDiscardsAfterMaxAttemptsAndOnCancel(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{})
		r := newRuns()
		register(t, q, r, func(j *jobs.Job[echoArgs]) error {
			if j.Args.N == 1 {
				return jobs.Cancel(errors.New("malformed: no retry can help"))
			}
			return errors.New("always failing")
		}, jobs.KindOptions{MaxAttempts: 2})
		start(t, q)
		enqueue(t, q, echoArgs{N: 1}, jobs.EnqueueOptions{})
		enqueue(t, q, echoArgs{N: 2}, jobs.EnqueueOptions{})
		gauge := func(state string) float64 {
			return metric(t, q.reg, "clientgate_jobs", map[string]string{"kind": "test.echo", "state": state})
		}
		eventually(t, "one job cancelled and one discarded", func() bool {
			return gauge("cancelled") == 1 && gauge("discarded") == 1
		})
		time.Sleep(300 * time.Millisecond)
		if n := r.count(); n != 3 {
			t.Errorf("handler ran %d times, want 3 (once for the cancelled job, twice for the other)", n)
		}
		eventually(t, "outcomes counted", func() bool {
			return metric(t, q.reg, "clientgate_jobs_finished_total", map[string]string{"outcome": "discarded"}) == 1 &&
				metric(t, q.reg, "clientgate_jobs_finished_total", map[string]string{"outcome": "cancelled"}) == 1
		})
	})
}

func TestUniqueSkipsADuplicate(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{})
		first := enqueue(t, q, echoArgs{N: 1, Key: "k1"}, jobs.EnqueueOptions{Unique: true})
		// The unique field is Key: another N with the same key is the same job.
		again := enqueue(t, q, echoArgs{N: 2, Key: "k1"}, jobs.EnqueueOptions{Unique: true})
		other := enqueue(t, q, echoArgs{N: 3, Key: "k2"}, jobs.EnqueueOptions{Unique: true})
		if first.Duplicate || !again.Duplicate || again.ID != first.ID || other.Duplicate {
			t.Errorf("results %+v %+v %+v: want the second to be a duplicate of the first", first, again, other)
		}
		r := newRuns()
		register(t, q, r, nil, jobs.KindOptions{})
		start(t, q)
		r.wait(t)
		r.wait(t)
		time.Sleep(300 * time.Millisecond)
		if n := r.count(); n != 2 {
			t.Errorf("ran %d jobs, want 2", n)
		}
	})
}

func TestScheduledJobWaits(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{})
		r := newRuns()
		register(t, q, r, nil, jobs.KindOptions{})
		start(t, q)
		at := time.Now().Add(700 * time.Millisecond)
		enqueue(t, q, echoArgs{N: 1}, jobs.EnqueueOptions{At: at})
		r.wait(t)
		if early := time.Until(at); early > 0 {
			t.Errorf("scheduled job ran %v early", early)
		}
	})
}

func TestRegisterAndOpenErrors(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		q := b.open(t, jobs.Options{})
		r := newRuns()
		register(t, q, r, nil, jobs.KindOptions{})
		if err := jobs.Register(q.Queue, func(context.Context, *jobs.Job[echoArgs]) error { return nil }, jobs.KindOptions{}); err == nil {
			t.Error("registering a kind twice: no error")
		}
		start(t, q)
		if err := q.Start(context.Background()); err == nil {
			t.Error("starting twice: no error")
		}
		if err := jobs.Register(q.Queue, func(context.Context, *jobs.Job[otherArgs]) error { return nil }, jobs.KindOptions{}); err == nil {
			t.Error("registering after Start: no error")
		}
	})
	if _, err := jobs.Open(context.Background(), jobs.Options{}); err == nil {
		t.Error("Open without a DB: no error")
	}
}

type otherArgs struct{}

func (otherArgs) Kind() string { return "test.other" }

package jobs

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/riverqueue/river"
)

// Args is a job kind's payload: a struct whose exported fields are
// stored as JSON and whose Kind method returns a constant name such as
// "mail.send". A field tagged `river:"unique"` is what EnqueueOptions.Unique
// compares.
type Args = river.JobArgs

// Job is one job handed to a handler: Args, plus River's row with the
// job's ID, Attempt (1 on the first run), MaxAttempts and Errors.
type Job[T Args] = river.Job[T]

// Handler works one job of kind T. Returning nil completes the job; an
// error retries it after a backoff; Cancel(err) discards it at once.
type Handler[T Args] func(ctx context.Context, job *Job[T]) error

// KindOptions tunes one job kind.
type KindOptions struct {
	// MaxAttempts is how often a job of this kind runs before it is
	// discarded; 0 means Options.MaxAttempts. Enqueue applies it.
	MaxAttempts int
	// Timeout bounds one attempt; 0 means Options.JobTimeout.
	Timeout time.Duration
}

// Register makes the queue work jobs of kind T with h. Call it before
// Start; registering a kind twice, or after Start, is an error.
func Register[T Args](q *Queue, h Handler[T], o KindOptions) error {
	var zero T
	kind := zero.Kind()
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running != nil {
		return fmt.Errorf("jobs: register %s: the queue has started", kind)
	}
	if _, dup := q.kinds[kind]; dup {
		return fmt.Errorf("jobs: register %s: already registered", kind)
	}
	if err := river.AddWorkerSafely(q.workers, &worker[T]{h: h, timeout: o.Timeout}); err != nil {
		return fmt.Errorf("jobs: register %s: %w", kind, err)
	}
	q.kinds[kind] = o
	return nil
}

// Cancel wraps err so that the job is discarded at once instead of being
// retried: for failures that no retry can fix, such as a malformed
// address.
func Cancel(err error) error { return river.JobCancel(err) }

// worker adapts a Handler to River's Worker.
type worker[T Args] struct {
	river.WorkerDefaults[T]
	h       Handler[T]
	timeout time.Duration
}

func (w *worker[T]) Work(ctx context.Context, job *river.Job[T]) error { return w.h(ctx, job) }

func (w *worker[T]) Timeout(*river.Job[T]) time.Duration { return w.timeout }

// kindOptions returns the registered options of kind, or the zero value.
func (q *Queue) kindOptions(kind string) KindOptions {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.kinds[kind]
}

// kindNames lists the registered kinds in order; q.mu must be held.
func (q *Queue) kindNames() []string {
	names := make([]string, 0, len(q.kinds))
	for k := range q.kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// EnqueueOptions tunes one enqueued job.
type EnqueueOptions struct {
	// Unique skips the insert when a job of the same kind with the same
	// unique arguments (the fields tagged `river:"unique"`, or all of them
	// when none is tagged) is already waiting, running or completed and
	// not yet cleaned up (24 hours). A job that was discarded or cancelled
	// does not block a new one.
	Unique bool
	// At delays the job until then; zero runs it as soon as possible.
	At time.Time
	// MaxAttempts overrides the kind's and the queue's.
	MaxAttempts int
}

// Result is what an enqueue did.
type Result struct {
	// ID is the job's ID (the earlier job's when Duplicate).
	ID int64
	// Duplicate reports that Unique found an earlier job and inserted
	// nothing.
	Duplicate bool
}

// Enqueue stores a job to be worked as soon as a started queue (in this
// or another replica) is free.
func (q *Queue) Enqueue(ctx context.Context, args Args, o EnqueueOptions) (Result, error) {
	res, err := q.client.Load().Insert(ctx, args, q.insertOpts(args, o))
	return result(args, res, err)
}

// EnqueueTx stores a job inside tx, a transaction on the bridge database
// (the transactional outbox): the job exists only if tx commits, and no
// worker sees it before. On SQLite, tx must come from a handle on the same
// file; on PostgreSQL from the same database and schema.
func (q *Queue) EnqueueTx(ctx context.Context, tx *sql.Tx, args Args, o EnqueueOptions) (Result, error) {
	res, err := q.client.Load().InsertTx(ctx, tx, args, q.insertOpts(args, o))
	return result(args, res, err)
}

func (q *Queue) insertOpts(args Args, o EnqueueOptions) *river.InsertOpts {
	io := &river.InsertOpts{ScheduledAt: o.At, MaxAttempts: o.MaxAttempts}
	if io.MaxAttempts <= 0 {
		io.MaxAttempts = q.kindOptions(args.Kind()).MaxAttempts
	}
	if o.Unique {
		io.UniqueOpts = river.UniqueOpts{ByArgs: true}
	}
	return io
}

func result(args Args, res *rivertype.JobInsertResult, err error) (Result, error) {
	if err != nil {
		return Result{}, fmt.Errorf("jobs: enqueue %s: %w", args.Kind(), err)
	}
	return Result{ID: res.Job.ID, Duplicate: res.UniqueSkippedAsDuplicate}, nil
}

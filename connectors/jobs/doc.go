// Package jobs is clientgate's durable job queue: background work (emails,
// payment write-backs, notifications) that must survive a restart, a
// crash or an outage of the service it talks to. It wraps River
// (github.com/riverqueue/river) on the bridge database: SQLite through
// River's SQLite driver, PostgreSQL through its database/sql driver with a
// pgx (riverpgxv5) listener for LISTEN/NOTIFY. River's own tables
// (river_job, river_leader, …) live beside clientgate's and are migrated by
// Open.
//
// A job kind is a Go type whose Kind method names it; its exported fields
// are stored as JSON:
//
//	type WriteBackArgs struct {
//		PaymentID string `json:"payment_id" river:"unique"`
//	}
//
//	func (WriteBackArgs) Kind() string { return "payments.writeback" }
//
// Register a handler for the kind before Start, then enqueue jobs of it
// from anywhere, with or without a database transaction:
//
//	q, err := jobs.Open(ctx, jobs.Options{DB: db, Dialect: "sqlite", Registerer: reg})
//	jobs.Register(q, func(ctx context.Context, j *jobs.Job[WriteBackArgs]) error {
//		return writeBack(ctx, j.Args.PaymentID) // an error retries with backoff
//	}, jobs.KindOptions{MaxAttempts: 50})
//	err = q.Start(ctx)
//	_, err = q.Enqueue(ctx, WriteBackArgs{PaymentID: "p1"}, jobs.EnqueueOptions{Unique: true})
//	err = q.Stop(ctx)
//
// A handler that returns an error is retried after an exponential backoff
// (Options.RetryBase doubling up to Options.RetryMax, with jitter) until
// the kind's MaxAttempts, then the job is kept as "discarded" for the
// operator (metrics count it); a handler that returns Cancel(err) gives up
// at once. Handlers must be idempotent: a job runs at least once, and runs
// again when the process dies while it runs (after RescueAfter) or when a
// handler's success could not be recorded.
//
// EnqueueTx inserts a job inside the caller's *sql.Tx on the bridge
// database (the transactional outbox): the job exists exactly when the
// transaction commits, so a record and the work it implies (a ticket and
// its notification) can never part.
package jobs

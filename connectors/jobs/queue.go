package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
)

// Dialects of the bridge database.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Options configures a Queue. Zero durations and counts take the defaults
// named on each field.
type Options struct {
	// DB is a database/sql handle on the bridge database. The caller owns
	// it and closes it after Stop. On SQLite give the queue a handle of its
	// own with a single connection, as River's SQLite driver recommends
	// (sqlstore's Store.OpenHandle(ctx, 1) opens one with the store's WAL,
	// busy timeout and BEGIN IMMEDIATE settings, so the queue and the
	// store wait for each other instead of failing with SQLITE_BUSY). On
	// PostgreSQL it needs at least 2 connections (4 is plenty).
	DB *sql.DB
	// Dialect is SQLite or Postgres.
	Dialect string
	// ListenDSN is, on PostgreSQL, the DSN of the one connection kept for
	// LISTEN, which wakes workers as soon as a job is inserted; "" polls
	// only, every PollInterval. Ignored on SQLite.
	ListenDSN string
	// Workers is how many jobs run at once in this process; default 4.
	Workers int
	// PollInterval is how often idle workers look for jobs; default 1s.
	PollInterval time.Duration
	// RetryBase is the wait before the first retry; each further retry
	// waits twice as long, up to RetryMax. Defaults 15s and 1h.
	RetryBase, RetryMax time.Duration
	// MaxAttempts is how often a job runs before it is discarded, unless
	// its kind or its EnqueueOptions say otherwise; default 25.
	MaxAttempts int
	// JobTimeout bounds one attempt unless the kind sets its own; default
	// 1m.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is
	// considered abandoned (its process died) and run again; default 1h.
	RescueAfter time.Duration
	// Logger receives the queue's and River's log lines; nil discards.
	Logger *slog.Logger
	// Registerer receives the queue's metrics; nil registers none.
	Registerer prometheus.Registerer
}

func (o *Options) defaults() {
	setDefault(&o.Workers, 4)
	setDefault(&o.PollInterval, time.Second)
	setDefault(&o.RetryBase, 15*time.Second)
	setDefault(&o.RetryMax, time.Hour)
	setDefault(&o.MaxAttempts, 25)
	setDefault(&o.JobTimeout, time.Minute)
	setDefault(&o.RescueAfter, time.Hour)
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

func setDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// discardedRetention is how long a job that failed for good stays in
// the table (and in clientgate_jobs{state="discarded"}) before River's
// cleaner deletes it.
const discardedRetention = 30 * 24 * time.Hour

// Queue is the durable job queue. Open it, Register every kind this
// process works, Start it, and Stop it on shutdown. Enqueue and
// EnqueueTx work from Open on, also in a process that never starts
// (such as an operator command). It is safe for concurrent use.
type Queue struct {
	opts     Options
	driver   riverdriver.Driver[*sql.Tx]
	listen   *pgxpool.Pool
	workers  *river.Workers
	metrics  *metrics
	inserter *river.Client[*sql.Tx]

	mu      sync.Mutex
	kinds   map[string]KindOptions
	running *river.Client[*sql.Tx]
	client  atomic.Pointer[river.Client[*sql.Tx]]
	done    chan struct{}
}

// Open connects the queue to the bridge database and applies River's
// migrations (serialised between replicas on PostgreSQL).
func Open(ctx context.Context, opts Options) (*Queue, error) {
	opts.defaults()
	if opts.DB == nil {
		return nil, errors.New("jobs: open: Options.DB is nil")
	}
	if opts.Dialect == Postgres && opts.DB.Stats().MaxOpenConnections == 1 {
		// The migration lock holds one connection while River migrates
		// on another.
		return nil, errors.New("jobs: open: on PostgreSQL Options.DB needs at least 2 connections")
	}
	q := &Queue{opts: opts, workers: river.NewWorkers(), kinds: map[string]KindOptions{}}
	var err error
	if q.driver, q.listen, err = newDriver(ctx, opts); err != nil {
		return nil, err
	}
	if err := q.migrate(ctx); err != nil {
		q.closeListen()
		return nil, err
	}
	if q.inserter, err = river.NewClient(q.driver, q.baseConfig()); err != nil {
		q.closeListen()
		return nil, fmt.Errorf("jobs: open: %w", err)
	}
	q.client.Store(q.inserter)
	if q.metrics, err = newMetrics(opts.Registerer, opts.DB, opts.Logger); err != nil {
		q.closeListen()
		return nil, err
	}
	return q, nil
}

// baseConfig is the River configuration shared by the inserting and the
// working client.
func (q *Queue) baseConfig() *river.Config {
	return &river.Config{
		Logger:               q.opts.Logger,
		MaxAttempts:          q.opts.MaxAttempts,
		JobTimeout:           q.opts.JobTimeout,
		RescueStuckJobsAfter: max(q.opts.RescueAfter, q.opts.JobTimeout+time.Second),
		RetryPolicy:          backoff{base: q.opts.RetryBase, max: q.opts.RetryMax},
		FetchPollInterval:    q.opts.PollInterval,
		FetchCooldown:        min(q.opts.PollInterval, 100*time.Millisecond),
		PollOnly:             q.listen == nil,
		// Keep failed jobs a month for the operator (River's default is a
		// week); completed ones are kept River's default day.
		DiscardedJobRetentionPeriod: discardedRetention,
	}
}

// Start begins working the registered kinds in the background, until
// Stop: cancelling ctx does not stop the queue (so that a shutdown
// signal leads to Stop's graceful stop, not to cancelled jobs). Without
// any registered kind it does nothing. Calling it twice is an error.
func (q *Queue) Start(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running != nil {
		return errors.New("jobs: start: already started")
	}
	if len(q.kinds) == 0 {
		q.opts.Logger.InfoContext(ctx, "jobs: no job kinds registered; not working jobs in this process")
		return nil
	}
	cfg := q.baseConfig()
	cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: q.opts.Workers}}
	cfg.Workers = q.workers
	// Kinds worked by other processes (or none yet) may be enqueued here.
	cfg.SkipUnknownJobCheck = true
	c, err := river.NewClient(q.driver, cfg)
	if err != nil {
		return fmt.Errorf("jobs: start: %w", err)
	}
	events, cancel := c.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed,
		river.EventKindJobCancelled, river.EventKindJobSnoozed)
	q.done = make(chan struct{})
	go func() {
		defer close(q.done)
		q.metrics.count(events)
	}()
	if err := c.Start(context.WithoutCancel(ctx)); err != nil {
		cancel()
		<-q.done
		return fmt.Errorf("jobs: start: %w", err)
	}
	go func() {
		<-c.Stopped()
		cancel()
	}()
	q.running = c
	q.client.Store(c)
	q.opts.Logger.InfoContext(ctx, "jobs: started", "kinds", q.kindNames(), "workers", q.opts.Workers, "dialect", q.opts.Dialect)
	return nil
}

// Stop stops fetching new jobs and waits for the running ones to finish
// until ctx ends; then it cancels their contexts and waits a little more
// (a cancelled job is run again later). Jobs not yet started stay in the
// database for the next Start. Stop releases the LISTEN connection;
// Enqueue keeps working until the caller closes Options.DB.
func (q *Queue) Stop(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	defer q.closeListen()
	c := q.running
	if c == nil {
		return nil
	}
	q.running = nil
	q.client.Store(q.inserter)
	err := c.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		q.opts.Logger.WarnContext(ctx, "jobs: running jobs did not finish in time; cancelling them")
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = c.StopAndCancel(cctx)
	}
	<-q.done
	if err != nil {
		return fmt.Errorf("jobs: stop: %w", err)
	}
	q.opts.Logger.InfoContext(ctx, "jobs: stopped")
	return nil
}

func (q *Queue) closeListen() {
	if q.listen != nil {
		q.listen.Close()
	}
}

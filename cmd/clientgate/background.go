package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/config"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail/outbox"
	"clientgate/connectors/mail/smtp"
	"clientgate/connectors/sqlstore"
	"clientgate/portal/notify"
)

// background is the durable job queue on the bridge database and what
// runs on it: the mail outbox (when email is configured). Later job
// kinds (notifications, payment write-backs) register on queue in
// buildBackground, before start.
type background struct {
	queue *jobs.Queue
	db    *sql.DB
	// outbox sends email; nil while email.smtp_url is empty.
	outbox *outbox.Outbox
	// notifier sends the notifications; nil while email is off (see
	// addNotifier).
	notifier *notify.Notifier
	log      *slog.Logger
}

// queueConns is the size of the queue's own connection pool: one on
// SQLite, as River's SQLite driver recommends (the file is shared with
// the store, which waits its turn through the busy timeout), a few on
// PostgreSQL.
func queueConns(store *sqlstore.Store) int {
	if store.Driver() == jobs.Postgres {
		return 4
	}
	return 1
}

// buildBackground opens the queue and registers its job kinds.
func buildBackground(ctx context.Context, cfg *config.Config, store *sqlstore.Store, reg prometheus.Registerer, log *slog.Logger) (*background, error) {
	db, err := store.OpenHandle(ctx, queueConns(store))
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	o := jobs.Options{DB: db, Dialect: store.Driver(), Registerer: reg, Logger: log}
	if o.Dialect == jobs.Postgres {
		o.ListenDSN = store.DSN()
	}
	q, err := jobs.Open(ctx, o)
	if err != nil {
		db.Close()
		return nil, err
	}
	b := &background{queue: q, db: db, log: log}
	if b.outbox, err = buildOutbox(cfg, q, store, log); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

// buildOutbox builds the mail outbox when email is configured.
func buildOutbox(cfg *config.Config, q *jobs.Queue, store *sqlstore.Store, log *slog.Logger) (*outbox.Outbox, error) {
	if !cfg.Email.Enabled() {
		return nil, nil
	}
	host := ""
	if u, err := url.Parse(cfg.PublicURL); err == nil {
		host = u.Hostname()
	}
	sender, err := smtp.New(smtp.Options{URL: cfg.Email.SMTPURL, From: cfg.Email.From, HELO: host, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("email: %w", err)
	}
	return outbox.New(outbox.Options{Queue: q, Sender: sender, Sent: store, Domain: host, Logger: log})
}

// start begins working jobs.
func (b *background) start(ctx context.Context) error { return b.queue.Start(ctx) }

// close stops the queue gracefully (running jobs get shutdownTimeout to
// finish; jobs not started wait in the database for the next start) and
// closes its connections.
func (b *background) close() {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := b.queue.Stop(ctx); err != nil {
		b.log.Error("job queue did not stop cleanly", "err", err)
	}
	b.db.Close()
}

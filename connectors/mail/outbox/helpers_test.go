package outbox_test

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors/jobs"
	"clientgate/connectors/jobs/jobstest"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/outbox"
	"clientgate/connectors/mail/smtp"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

const from = "portal@example.test"

// eachDialect runs f with a fresh store of every dialect.
func eachDialect(t *testing.T, f func(t *testing.T, store *sqlstore.Store)) {
	for name, dsn := range map[string]func(testing.TB) string{"sqlite": sqlstoretest.SQLiteDSN, "postgres": sqlstoretest.PostgresDSN} {
		t.Run(name, func(t *testing.T) {
			store, err := sqlstore.Open(context.Background(), dsn(t), sqlstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { store.Close() })
			f(t, store)
		})
	}
}

// rig is an outbox on a started queue, sending through an SMTP proxy to
// the test Mailpit.
type rig struct {
	box   *outbox.Outbox
	queue *jobs.Queue
	reg   *prometheus.Registry
	proxy *mailtest.Proxy
}

// newRig starts a queue and an outbox whose sender goes through a proxy
// to mp (up or down as asked).
func newRig(t *testing.T, store *sqlstore.Store, mp *mailtest.Mailpit, up bool) rig {
	t.Helper()
	p := mailtest.NewProxy(t, mp.SMTP)
	p.Up(up)
	reg := prometheus.NewRegistry()
	q, _ := jobstest.Open(t, store, jobs.Options{Registerer: reg, RetryBase: 100 * time.Millisecond, RetryMax: 300 * time.Millisecond})
	sender, err := smtp.New(smtp.Options{URL: "smtp://" + p.Addr() + "?tls=none", From: from, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	box, err := outbox.New(outbox.Options{Queue: q, Sender: sender, Sent: store, Domain: "portal.example.test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return rig{box: box, queue: q, reg: reg, proxy: p}
}

// counter returns clientgate_jobs_finished_total for mail.send and the
// outcome, 0 before the first.
func counter(t *testing.T, reg *prometheus.Registry, outcome string) float64 {
	t.Helper()
	return max(0, jobstest.Metric(t, reg, "clientgate_jobs_finished_total", map[string]string{"kind": outbox.Kind, "outcome": outcome}))
}

// eventually is jobstest.Eventually.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	jobstest.Eventually(t, what, cond)
}

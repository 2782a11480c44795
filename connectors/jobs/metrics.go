package jobs

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// metrics exports the queue's state: clientgate_jobs{kind,state}, read
// from the database at every scrape, so it counts the jobs of every
// replica (states: available and scheduled are pending, retryable failed
// and waits for its retry, running, completed, discarded failed for good,
// cancelled); and clientgate_jobs_finished_total{kind,outcome}, counted
// by this process (outcomes: completed, retried, discarded, cancelled,
// snoozed).
type metrics struct {
	finished *prometheus.CounterVec
}

// scrapeTimeout bounds the database query of one scrape.
const scrapeTimeout = 3 * time.Second

func newMetrics(reg prometheus.Registerer, db *sql.DB, log *slog.Logger) (*metrics, error) {
	m := &metrics{finished: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clientgate_jobs_finished_total",
		Help: "Job attempts finished by this process, by kind and outcome (completed, retried, discarded, cancelled, snoozed).",
	}, []string{"kind", "outcome"})}
	if reg == nil {
		return m, nil
	}
	if err := reg.Register(m.finished); err != nil {
		return nil, err
	}
	if err := reg.Register(&stateCollector{db: db, log: log}); err != nil {
		return nil, err
	}
	return m, nil
}

// count records finished jobs from River's events until the channel
// closes.
func (m *metrics) count(events <-chan *river.Event) {
	for ev := range events {
		if ev.Job == nil {
			continue
		}
		m.finished.WithLabelValues(ev.Job.Kind, outcome(ev)).Inc()
	}
}

func outcome(ev *river.Event) string {
	switch ev.Kind {
	case river.EventKindJobCompleted:
		return "completed"
	case river.EventKindJobCancelled:
		return "cancelled"
	case river.EventKindJobSnoozed:
		return "snoozed"
	}
	if ev.Job.State == rivertype.JobStateDiscarded {
		return "discarded"
	}
	return "retried"
}

// stateCollector reads the number of jobs by kind and state from River's
// table at every scrape.
type stateCollector struct {
	db  *sql.DB
	log *slog.Logger
}

var jobsDesc = prometheus.NewDesc("clientgate_jobs",
	"Jobs in the queue's table by kind and state (available, scheduled, retryable, running, completed, discarded, cancelled), across replicas.",
	[]string{"kind", "state"}, nil)

// Describe implements prometheus.Collector.
func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) { ch <- jobsDesc }

// Collect implements prometheus.Collector. A failed query is logged and
// exports nothing rather than failing the whole scrape.
func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	rows, err := c.db.QueryContext(ctx, `SELECT kind, CAST(state AS TEXT), COUNT(*) FROM river_job GROUP BY kind, state`)
	if err != nil {
		c.log.WarnContext(ctx, "jobs: metrics query failed", "err", err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var kind, state string
		var n float64
		if err := rows.Scan(&kind, &state, &n); err != nil {
			c.log.WarnContext(ctx, "jobs: metrics query failed", "err", err)
			return
		}
		ch <- prometheus.MustNewConstMetric(jobsDesc, prometheus.GaugeValue, n, kind, state)
	}
	if err := rows.Err(); err != nil {
		c.log.WarnContext(ctx, "jobs: metrics query failed", "err", err)
	}
}

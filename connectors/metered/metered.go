// Package metered is a Connector decorator that counts every call by
// connector, operation and outcome, times it, and notes it in the
// request's connectors.ReadReport. It sits directly around the adapter, so
// it sees the calls that reach the CRM, not those the cache answers.
package metered

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors"
)

// Metrics holds the connector collectors; register them once per process.
type Metrics struct {
	calls    *prometheus.CounterVec
	duration *prometheus.HistogramVec
	retries  *prometheus.CounterVec
}

// NewMetrics creates the collectors and registers them on reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_connector_calls_total",
			Help: "Calls to the CRM connector by connector, operation and outcome.",
		}, []string{"connector", "operation", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "clientgate_connector_call_duration_seconds",
			Help:    "Duration of calls to the CRM connector.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"connector", "operation"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_connector_retries_total",
			Help: "Outbound HTTP requests to the CRM that were retried.",
		}, []string{"connector"}),
	}
	for _, c := range []prometheus.Collector{m.calls, m.duration, m.retries} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("metered: register: %w", err)
		}
	}
	return m, nil
}

// RetryHook returns a function for httpclient.Options.OnRetry that counts
// retries of the named connector.
func (m *Metrics) RetryHook(connector string) func(method string) {
	counter := m.retries.WithLabelValues(connector)
	return func(string) { counter.Inc() }
}

// Outcome names an error's kind for metrics and logs: "ok", "not_found",
// "ambiguous", "invalid", "conflict", "unsupported", "unavailable",
// "backend_auth", "misconfigured", "canceled", "timeout" or "error".
func Outcome(err error) string {
	if err == nil {
		return "ok"
	}
	for _, k := range []struct {
		target error
		name   string
	}{
		{connectors.ErrNotFound, "not_found"},
		{connectors.ErrAmbiguous, "ambiguous"},
		{connectors.ErrInvalid, "invalid"},
		{connectors.ErrConflict, "conflict"},
		{connectors.ErrUnsupported, "unsupported"},
		{connectors.ErrBackendAuth, "backend_auth"},
		{connectors.ErrMisconfigured, "misconfigured"},
		{connectors.ErrUnavailable, "unavailable"},
		{context.Canceled, "canceled"},
		{context.DeadlineExceeded, "timeout"},
	} {
		if errors.Is(err, k.target) {
			return k.name
		}
	}
	return "error"
}

// Connector decorates a connectors.Connector with metrics.
type Connector struct {
	next connectors.Connector
	m    *Metrics
	name string
}

// Wrap returns next decorated with the collectors in m. Every
// operation × outcome series of next is created at zero, so that an
// alert's increase() sees the first failure.
func Wrap(next connectors.Connector, m *Metrics) *Connector {
	c := &Connector{next: next, m: m, name: next.Name()}
	for _, op := range Operations() {
		for _, o := range Outcomes() {
			m.calls.WithLabelValues(c.name, op, o)
		}
	}
	return c
}

// observe runs one call and records it under op. A call that failed
// because its caller went away (a cancelled context) is "canceled",
// whatever error the adapter made of it: it says nothing about the CRM.
func observe[T any](ctx context.Context, c *Connector, op string, call func() (T, error)) (T, error) {
	connectors.ReportFrom(ctx).Upstream()
	start := time.Now()
	v, err := call()
	c.m.duration.WithLabelValues(c.name, op).Observe(time.Since(start).Seconds())
	outcome := Outcome(err)
	if err != nil && errors.Is(ctx.Err(), context.Canceled) {
		outcome = outcomeCanceled
	}
	c.m.calls.WithLabelValues(c.name, op, outcome).Inc()
	return v, err
}

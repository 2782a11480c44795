package main

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/auth"
)

// signInMetrics counts sign-ins by outcome and link conflicts.
type signInMetrics struct {
	signIns   *prometheus.CounterVec
	conflicts prometheus.Counter
	// events counts back-channel logouts and bearer tokens by outcome;
	// limited counts requests refused by a rate limit.
	events  *prometheus.CounterVec
	limited *prometheus.CounterVec
}

func newSignInMetrics(reg prometheus.Registerer) (*signInMetrics, error) {
	m := &signInMetrics{
		signIns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_signins_total",
			Help: "Browser sign-ins by outcome (success, provisioned, or why they were refused).",
		}, []string{"outcome"}),
		conflicts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "clientgate_link_conflicts_total",
			Help: "Sign-ins refused because a verified email matched several contacts.",
		}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_auth_events_total",
			Help: "Back-channel logouts and API bearer tokens by kind and outcome (ok, or why they were refused).",
		}, []string{"kind", "outcome"}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_rate_limited_total",
			Help: "Requests refused with 429 by a rate limit, by limit.",
		}, []string{"limit"}),
	}
	for _, c := range []prometheus.Collector{m.signIns, m.conflicts, m.events, m.limited} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("metrics: %w", err)
		}
	}
	for _, o := range auth.SignInOutcomes() {
		m.signIns.WithLabelValues(o) // at zero, so that increase() sees the first one
	}
	return m, nil
}

// record is auth.Options.OnSignIn.
func (m *signInMetrics) record(outcome string) {
	m.signIns.WithLabelValues(outcome).Inc()
	if outcome == auth.OutcomeAmbiguous {
		m.conflicts.Inc()
	}
}

// authEvent is auth.Options.OnAuthEvent.
func (m *signInMetrics) authEvent(kind, outcome string) {
	m.events.WithLabelValues(kind, outcome).Inc()
}

// rateLimited is portal.RateLimits.OnLimited.
func (m *signInMetrics) rateLimited(limit string) { m.limited.WithLabelValues(limit).Inc() }

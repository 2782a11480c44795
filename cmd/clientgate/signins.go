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
	}
	for _, c := range []prometheus.Collector{m.signIns, m.conflicts} {
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

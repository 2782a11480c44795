package cache

import "github.com/prometheus/client_golang/prometheus"

// registerBreakerMetrics registers, for the named connector,
// clientgate_breaker_state, read from state at every scrape (so that it
// shows a transition the breaker makes with time, open to half-open, even
// when no call comes), and returns clientgate_breaker_transitions_total,
// every target state created at zero.
func registerBreakerMetrics(reg prometheus.Registerer, connector string, state func() BreakerState) *prometheus.CounterVec {
	labels := prometheus.Labels{"connector": connector}
	register[prometheus.Collector](reg, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "clientgate_breaker_state",
		Help:        "Circuit breaker state per connector: 0 closed, 1 half-open, 2 open.",
		ConstLabels: labels,
	}, func() float64 { return float64(state()) }))
	transitions := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name:        "clientgate_breaker_transitions_total",
		Help:        "Circuit breaker state changes per connector, by the state entered.",
		ConstLabels: labels,
	}, []string{"to"}))
	for _, s := range []BreakerState{BreakerClosed, BreakerHalfOpen, BreakerOpen} {
		transitions.WithLabelValues(s.String())
	}
	return transitions
}

package cache

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the cache's Prometheus collectors. Without a Registerer they
// are created but registered nowhere.
type metrics struct {
	hits, misses, stale, coalesced, evictions, budgetSpent prometheus.Counter
}

func newMetrics(reg prometheus.Registerer, entries func() float64) *metrics {
	counter := func(name, help string) prometheus.Counter {
		c := prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
		return register(reg, c)
	}
	m := &metrics{
		hits:      counter("clientgate_cache_hits_total", "Reads served fresh from the cache."),
		misses:    counter("clientgate_cache_misses_total", "Reads that went to the backend."),
		stale:     counter("clientgate_cache_stale_total", "Reads served stale while the backend failed."),
		coalesced: counter("clientgate_cache_coalesced_total", "Reads that joined another caller's upstream call."),
		evictions: counter("clientgate_cache_evictions_total", "Entries evicted because the cache was full."),
		budgetSpent: counter("clientgate_cache_read_budget_spent_total",
			"Reads that stopped waiting for a slow backend at the read budget and served their stale value."),
	}
	register[prometheus.Collector](reg, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "clientgate_cache_entries",
		Help: "Entries held by the cache, expired ones not yet swept included.",
	}, entries))
	return m
}

// register registers c on reg, or returns the collector already registered
// under the same description, so that two wrappers sharing a registry
// share their counters instead of failing.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if reg == nil {
		return c
	}
	err := reg.Register(c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing
		}
	}
	return c
}

package restapi

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts what the REST connector does inside one connector call:
// sub-requests, items dropped, and listings cut short by max_pages.
// Register them once per process with NewMetrics.
type Metrics struct {
	subRequests *prometheus.CounterVec
	dropped     *prometheus.CounterVec
	truncated   *prometheus.CounterVec
}

// NewMetrics creates the collectors and registers them on reg (nil: not
// registered, for tests and one-off commands).
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		subRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_restapi_subrequests_total",
			Help: "Per-item sub-requests of the REST connector by operation and outcome.",
		}, []string{"operation", "outcome"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_restapi_items_dropped_total",
			Help: "Items the REST connector dropped by operation and reason (not_owned, mapping_error, sub_request).",
		}, []string{"operation", "reason"}),
		truncated: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_restapi_walk_truncated_total",
			Help: "Listings that stopped at max_pages before the end of the CRM's list, by operation.",
		}, []string{"operation"}),
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.subRequests, m.dropped, m.truncated} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("restapi: register metrics: %w", err)
		}
	}
	return m, nil
}

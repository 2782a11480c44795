package main

import (
	"github.com/prometheus/client_golang/prometheus"

	"clientgate/portal/logbuf"
)

// registerLogDrops registers clientgate_log_records_dropped_total: log
// lines dropped because stderr stayed behind until the buffer was full
// (always 0 when logs is nil: the log is written at once).
func registerLogDrops(reg prometheus.Registerer, logs *logbuf.Writer) error {
	return reg.Register(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "clientgate_log_records_dropped_total",
		Help: "Log lines dropped because the log's destination stayed behind until its buffer was full.",
	}, func() float64 {
		if logs == nil {
			return 0
		}
		return float64(logs.Dropped())
	}))
}

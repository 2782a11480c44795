package library

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors/files"
)

// Upload outcomes, the values of the counter's outcome label: stored,
// one per refusal, and failed (storage, database or the request itself).
var uploadOutcomes = map[error]string{
	files.ErrTooLarge: "too_large", files.ErrEmpty: "empty", files.ErrType: "type", files.ErrQuota: "quota",
	files.ErrName: "name", files.ErrInfected: "infected", files.ErrScanUnavailable: "scan_unavailable",
}

// newUploadCounter makes clientgate_file_uploads_total with every outcome
// at zero and registers it on reg, when set.
func newUploadCounter(reg prometheus.Registerer) (*prometheus.CounterVec, error) {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clientgate_file_uploads_total",
		Help: "File uploads by outcome: stored, a refusal (too_large, empty, type, quota, name, infected, scan_unavailable) or failed.",
	}, []string{"outcome"})
	c.WithLabelValues("stored")
	c.WithLabelValues("failed")
	for _, o := range uploadOutcomes {
		c.WithLabelValues(o)
	}
	if reg == nil {
		return c, nil
	}
	if err := reg.Register(c); err != nil {
		return nil, fmt.Errorf("library: metrics: %w", err)
	}
	return c, nil
}

// count records how an upload ended.
func (l *Library) count(err error) {
	outcome := "stored"
	if err != nil {
		outcome = "failed"
		if r := files.Refusal(err); r != nil {
			outcome = uploadOutcomes[r]
		}
	}
	l.uploads.WithLabelValues(outcome).Inc()
}

package connectors

import (
	"context"
	"sync"
	"time"
)

// ReadReport collects, for one request, how its connector reads were
// served, so that the portal can tell the client when it shows stale data
// and the access log can say whether the cache answered. A nil *ReadReport
// is valid and records nothing.
type ReadReport struct {
	mu       sync.Mutex
	hits     int
	misses   int
	stale    int
	staleAge time.Duration
	upstream int
}

type readReportKey struct{}

// WithReadReport returns a context carrying a new, empty ReadReport.
func WithReadReport(ctx context.Context) (context.Context, *ReadReport) {
	r := &ReadReport{}
	return context.WithValue(ctx, readReportKey{}, r), r
}

// ReportFrom returns the context's ReadReport, or nil when it has none.
func ReportFrom(ctx context.Context) *ReadReport {
	r, _ := ctx.Value(readReportKey{}).(*ReadReport)
	return r
}

// Hit records a read served fresh from the cache.
func (r *ReadReport) Hit() { r.add(func() { r.hits++ }) }

// Miss records a read that went to the backend.
func (r *ReadReport) Miss() { r.add(func() { r.misses++ }) }

// Stale records a read served from the cache after the backend failed,
// with the age of the value served.
func (r *ReadReport) Stale(age time.Duration) {
	r.add(func() {
		r.stale++
		r.staleAge = max(r.staleAge, age)
	})
}

func (r *ReadReport) add(f func()) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

// Upstream records one call that reached the backend adapter.
func (r *ReadReport) Upstream() { r.add(func() { r.upstream++ }) }

// UpstreamCalls returns how many calls reached the backend adapter.
func (r *ReadReport) UpstreamCalls() int {
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.upstream
}

// StaleAge returns the age of the oldest stale value served, and whether
// any was.
func (r *ReadReport) StaleAge() (time.Duration, bool) {
	if r == nil {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.staleAge, r.stale > 0
}

// Outcome summarises the reads for a log line: "none", "hit", "miss",
// "stale" or "mixed".
func (r *ReadReport) Outcome() string {
	if r == nil {
		return "none"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	kinds := 0
	out := "none"
	for _, k := range []struct {
		n    int
		name string
	}{{r.hits, "hit"}, {r.misses, "miss"}, {r.stale, "stale"}} {
		if k.n > 0 {
			kinds++
			out = k.name
		}
	}
	if kinds > 1 {
		return "mixed"
	}
	return out
}

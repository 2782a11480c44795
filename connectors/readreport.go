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
	// version sums the mixed versions of the entries hits were served
	// from; unversioned counts hits without one (see Version).
	version     uint64
	unversioned int
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

// Hit records a read served fresh from the cache by an entry that has no
// version: the request's data then has no Version.
func (r *ReadReport) Hit() {
	r.add(func() {
		r.hits++
		r.unversioned++
	})
}

// HitVersion records a read served fresh from the cache entry with the
// given version. A cache gives every value it stores a version of its own
// that no other value in the process shares.
func (r *ReadReport) HitVersion(v uint64) {
	r.add(func() {
		r.hits++
		r.version += mix64(v)
	})
}

// Version identifies the data the request has read so far: while two
// requests' versions are equal (and ok), they read the same values. ok is
// false when any read went to the backend, served stale data or came from
// an entry without a version, and when there was no read at all; such a
// request's data is unknown to later ones. The sum is order-independent,
// so concurrent reads give the same version in any order.
func (r *ReadReport) Version() (version uint64, ok bool) {
	if r == nil {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ok = r.hits > 0 && r.unversioned == 0 && r.misses == 0 && r.stale == 0 && r.upstream == 0
	return r.version, ok
}

// mix64 spreads a version's bits (the SplitMix64 finalizer), so that sums
// of different sets of versions rarely meet.
func mix64(v uint64) uint64 {
	v ^= v >> 30
	v *= 0xbf58476d1ce4e5b9
	v ^= v >> 27
	v *= 0x94d049bb133111eb
	return v ^ v>>31
}

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

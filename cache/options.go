package cache

import (
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Options configures a Cache. Zero values take the defaults noted.
type Options struct {
	// ContactTTL is how long a contact, its company or an email lookup
	// stays fresh (default 60s). For this and the other TTLs, a negative
	// value turns caching of that kind off.
	ContactTTL time.Duration
	// ListTTL is how long a page of a list stays fresh (default 30s).
	ListTTL time.Duration
	// ItemTTL is how long a single invoice, quote or task stays fresh
	// (default 60s).
	ItemTTL time.Duration
	// NegativeTTL is how long "no contact with this email" is remembered
	// (default 10s; negative disables the negative cache).
	NegativeTTL time.Duration
	// StaleFor is how long after its freshness ends a value may still be
	// served while the backend answers ErrUnavailable (default 10m;
	// negative disables stale serving).
	StaleFor time.Duration
	// MaxEntries bounds the number of entries (default 10000); see the
	// package doc for the eviction rule.
	MaxEntries int
	// MaxPerContact bounds the entries one contact's reads may hold
	// (default 256): past it, that contact's entry closest to expiry is
	// dropped, so that no client can fill the cache for everyone.
	MaxPerContact int
	// ReadBudget is how long a read that holds a stale value waits for the
	// backend before it serves that value, marked stale, while the call
	// goes on in the background (default 2s; negative waits for the
	// backend). A request's own read deadline (connectors.WithReadDeadline)
	// replaces it.
	ReadBudget time.Duration
	// UpstreamTimeout bounds a coalesced upstream call, which runs detached
	// from any one caller's cancellation (default 30s). A caller's earlier
	// deadline bounds it further.
	UpstreamTimeout time.Duration
	// SweepInterval is how often, at most, expired entries are swept on
	// insert (default 1m).
	SweepInterval time.Duration
	// Broadcaster, when set, receives every local invalidation so that
	// other replicas drop the same entries (see the pgbus package).
	Broadcaster Broadcaster
	// PublishTimeout bounds one broadcast (default 5s).
	PublishTimeout time.Duration
	// Registerer, when set, receives the cache's metrics.
	Registerer prometheus.Registerer
	// Logger receives failed broadcasts (default: discard).
	Logger *slog.Logger
}

func (o *Options) defaults() {
	setDur := func(d *time.Duration, def time.Duration) {
		if *d == 0 {
			*d = def
		}
	}
	setDur(&o.ContactTTL, 60*time.Second)
	setDur(&o.ListTTL, 30*time.Second)
	setDur(&o.ItemTTL, 60*time.Second)
	setDur(&o.NegativeTTL, 10*time.Second)
	setDur(&o.StaleFor, 10*time.Minute)
	setDur(&o.ReadBudget, 2*time.Second)
	setDur(&o.UpstreamTimeout, 30*time.Second)
	setDur(&o.SweepInterval, time.Minute)
	setDur(&o.PublishTimeout, 5*time.Second)
	o.StaleFor = max(o.StaleFor, 0)
	if o.MaxEntries <= 0 {
		o.MaxEntries = 10000
	}
	if o.MaxPerContact <= 0 {
		o.MaxPerContact = 256
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

package cache

import (
	"context"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"clientgate/connectors"
)

// Cache is a connectors.Connector that caches the reads of another one. It
// is safe for concurrent use.
type Cache struct {
	next    connectors.Connector
	opts    Options
	store   *store
	group   singleflight.Group
	metrics *metrics
	// waiters counts callers waiting on a coalesced upstream call.
	waiters atomic.Int64
	// now is the clock that ages entries (tests replace it).
	now func() time.Time
}

var _ connectors.Connector = (*Cache)(nil)

// Wrap returns a Cache in front of c.
func Wrap(c connectors.Connector, opts Options) *Cache {
	opts.defaults()
	cc := &Cache{next: c, opts: opts, now: time.Now}
	var m *metrics
	cc.store = newStore(opts.MaxEntries, opts.SweepInterval, func(n int) { m.evictions.Add(float64(n)) })
	cc.store.maxPerOwner = opts.MaxPerContact
	m = newMetrics(opts.Registerer, func() float64 { return float64(cc.store.count()) })
	cc.metrics = m
	return cc
}

// Name returns the wrapped connector's name.
func (c *Cache) Name() string { return c.next.Name() }

// Capabilities returns the wrapped connector's capabilities.
func (c *Cache) Capabilities() connectors.Capabilities { return c.next.Capabilities() }

// Ping asks the wrapped connector; it is never cached.
func (c *Cache) Ping(ctx context.Context) error { return c.next.Ping(ctx) }

// Len returns the number of entries held, expired ones not yet swept
// included.
func (c *Cache) Len() int { return c.store.count() }

// upstreamContext detaches a coalesced call from the cancellation of the
// caller that started it, keeping its values, and bounds it by
// UpstreamTimeout or the caller's earlier deadline.
func (c *Cache) upstreamContext(ctx context.Context) (context.Context, context.CancelFunc) {
	deadline := time.Now().Add(c.opts.UpstreamTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	return context.WithDeadline(context.WithoutCancel(ctx), deadline)
}

// waiting returns how many callers are waiting on upstream calls.
func (c *Cache) waiting() int { return int(c.waiters.Load()) }

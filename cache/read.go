package cache

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"clientgate/connectors"
)

// errNoSuchEmail is returned from a negative entry.
var errNoSuchEmail = fmt.Errorf("cache: no contact with this email (remembered): %w", connectors.ErrNotFound)

// spec says how one read is cached.
type spec[T any] struct {
	key string
	ttl time.Duration
	// owner is the contact whose invalidation drops the entry.
	owner string
	// ownerOf, when set, names the owner from the value (email lookups).
	ownerOf func(T) string
	// companyScoped marks entries holding company items.
	companyScoped bool
	// negative remembers ErrNotFound for NegativeTTL.
	negative bool
	// clone, when set, copies the slices inside a value handed out.
	clone func(T) T
}

// out hands a value to a caller, copied when the spec says so.
func (sp spec[T]) out(v any) T {
	t := v.(T)
	if sp.clone != nil {
		t = sp.clone(t)
	}
	return t
}

// read serves one read: fresh from the cache, else from one coalesced
// upstream call, else the last good value while it is within the stale
// window, when the call fails with ErrUnavailable or when the request's
// read budget runs out first (the call then goes on in the background and
// stores what it gets).
func read[T any](ctx context.Context, c *Cache, sp spec[T], fetch func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	now := c.now()
	e, found := c.store.get(sp.key)
	if found && now.Sub(e.at) < e.ttl {
		c.metrics.hits.Inc()
		connectors.ReportFrom(ctx).HitVersion(e.version)
		if e.negative {
			return zero, errNoSuchEmail
		}
		return sp.out(e.val), nil
	}
	canStale := found && !e.negative && now.Sub(e.at) < e.ttl+c.opts.StaleFor
	var budget <-chan time.Time
	if canStale {
		stop, ch := c.budget(ctx)
		defer stop()
		budget = ch
	}
	v, err := c.shared(ctx, sp.key, budget, func(uctx context.Context, epoch uint64) (any, error) {
		v, err := fetch(uctx)
		remember(c, sp, v, err, epoch)
		return v, err
	})
	if err == nil {
		c.metrics.misses.Inc()
		connectors.ReportFrom(ctx).Miss()
		return sp.out(v), nil
	}
	if canStale && ctx.Err() == nil && (errors.Is(err, connectors.ErrUnavailable) || errors.Is(err, errBudgetSpent)) {
		age := now.Sub(e.at)
		c.metrics.stale.Inc()
		connectors.ReportFrom(ctx).Stale(age)
		return sp.out(e.val), nil
	}
	return zero, err
}

// remember stores a fetched value, or a negative entry for ErrNotFound
// when the spec allows it; other errors are never stored.
func remember[T any](c *Cache, sp spec[T], v T, err error, epoch uint64) {
	now := c.now()
	switch {
	case err == nil && sp.ttl > 0:
		owner := sp.owner
		if sp.ownerOf != nil {
			owner = sp.ownerOf(v)
		}
		e := &entry{val: v, at: now, ttl: sp.ttl, owner: owner, companyScoped: sp.companyScoped, version: newVersion()}
		c.store.put(sp.key, e, sp.ttl+c.opts.StaleFor, epoch)
	case err != nil && sp.negative && c.opts.NegativeTTL > 0 && errors.Is(err, connectors.ErrNotFound):
		e := &entry{at: now, ttl: c.opts.NegativeTTL, negative: true, version: newVersion()}
		c.store.put(sp.key, e, c.opts.NegativeTTL, epoch)
	}
}

// shared runs fn once for all concurrent callers of the same key. fn runs
// detached from the caller's cancellation; each caller stops waiting, with
// its own ctx error, when its ctx ends, or with errBudgetSpent when budget
// (nil: none) fires.
func (c *Cache) shared(ctx context.Context, key string, budget <-chan time.Time, fn func(context.Context, uint64) (any, error)) (any, error) {
	epoch := c.store.epoch.Load()
	ran := false
	ch := c.group.DoChan(key+"#"+strconv.FormatUint(epoch, 10), func() (v any, err error) {
		ran = true
		uctx, cancel := c.upstreamContext(ctx)
		defer cancel()
		// The call runs on singleflight's goroutine, where a panic would
		// end the process: turn it into this call's error.
		defer func() {
			if p := recover(); p != nil {
				v, err = nil, fmt.Errorf("cache: upstream call panicked: %v", p)
			}
		}()
		return fn(uctx, epoch)
	})
	c.waiters.Add(1)
	defer c.waiters.Add(-1)
	select {
	case r := <-ch:
		if !ran {
			c.metrics.coalesced.Inc()
		}
		return r.Val, r.Err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-budget:
		c.metrics.budgetSpent.Inc()
		return nil, errBudgetSpent
	}
}

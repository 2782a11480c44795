package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/cache"
	"clientgate/cache/pgbus"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/metered"
	"clientgate/connectors/sqlstore"
)

// stack is the CRM connector as the portal uses it:
// cache → circuit breaker → metrics → adapter.
type stack struct {
	// adapter is the metered adapter, for readiness pings that must
	// reach the CRM itself.
	adapter connectors.Connector
	// conn is what auth and the portal call.
	conn connectors.Connector
	// breaker guards conn; its state is part of the CRM's health.
	breaker *cache.CircuitBreaker
	// cache is nil when cache.enabled is false.
	cache *cache.Cache
	// bus broadcasts cache invalidations and ended sessions to the other
	// replicas; nil unless the database is PostgreSQL.
	bus *pgbus.Bus
}

// buildStack builds the connector stack and registers its metrics on reg.
func buildStack(cfg *config.Config, store *sqlstore.Store, reg prometheus.Registerer, log *slog.Logger) (*stack, error) {
	m, err := metered.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	// Each adapter's Name is its connector.type.
	raw, err := buildAdapter(cfg, store, log, m.RetryHook(cfg.Connector.Type), reg)
	if err != nil {
		return nil, err
	}
	st := &stack{adapter: metered.Wrap(raw, m)}
	st.breaker = cache.Breaker(st.adapter, cache.BreakerOptions{
		Failures:   uint32(max(cfg.Breaker.Failures, 1)),
		OpenFor:    cfg.Breaker.OpenFor,
		Registerer: reg,
		OnStateChange: func(from, to cache.BreakerState) {
			log.Warn("circuit breaker changed state", "connector", raw.Name(), "from", from.String(), "to", to.String())
		},
	})
	st.conn = st.breaker
	if cfg.Database.IsPostgres() {
		if st.bus, err = pgbus.New(cfg.Database.DSN, pgbus.Options{Logger: log}); err != nil {
			return nil, fmt.Errorf("replica bus: %w", err)
		}
	}
	if !cfg.Cache.Enabled {
		return st, nil
	}
	st.cache = cache.Wrap(st.conn, cacheOptions(cfg.Cache, st.bus, reg, log))
	st.conn = st.cache
	return st, nil
}

// cacheOptions copies the cache section into cache.Options.
func cacheOptions(c config.CacheConfig, bus *pgbus.Bus, reg prometheus.Registerer, log *slog.Logger) cache.Options {
	o := cache.Options{
		ContactTTL:    c.TTL.Contact,
		ListTTL:       c.TTL.Items,
		ItemTTL:       c.TTL.Items,
		NegativeTTL:   c.NegativeTTL,
		StaleFor:      c.StaleWindow,
		MaxEntries:    c.MaxEntries,
		MaxPerContact: c.MaxEntriesPerContact,
		ReadBudget:    readBudget(c.ReadBudget),
		Registerer:    reg,
		Logger:        log,
	}
	if bus != nil {
		o.Broadcaster = bus
	}
	return o
}

// run receives other replicas' invalidations and ended sessions until
// ctx ends.
func (st *stack) run(ctx context.Context) {
	if st.bus == nil {
		return
	}
	apply := func(cache.Invalidation) {}
	if st.cache != nil {
		apply = st.cache.Apply
	}
	go st.bus.Run(ctx, apply)
}

// close releases the bus.
func (st *stack) close() {
	if st.bus != nil {
		st.bus.Close()
	}
}

// readBudget maps cache.read_budget (0: wait for the CRM) onto
// cache.Options (negative: wait; 0: the default).
func readBudget(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

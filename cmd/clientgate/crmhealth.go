package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors/metered"
)

// crmPingInterval is how often every replica pings the CRM in the
// background, for clientgate_connector_up and /readyz?verbose.
const crmPingInterval = 30 * time.Second

// crmPingTimeout bounds one background ping.
const crmPingTimeout = 10 * time.Second

// crmHealth pings the CRM in the background and remembers the last
// answer. It never decides readiness: a CRM outage must not take every
// replica out of its load balancer while cached pages can be served.
type crmHealth struct {
	st  *stack
	log *slog.Logger

	mu     sync.Mutex
	at     time.Time // when the last ping ended; zero before the first
	lastOK bool
	kind   string // metered outcome of the last ping
}

// newCRMHealth registers clientgate_connector_up{connector}.
func newCRMHealth(st *stack, reg prometheus.Registerer, log *slog.Logger) (*crmHealth, error) {
	h := &crmHealth{st: st, log: log}
	up := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "clientgate_connector_up",
		Help:        "1 when the last background ping of the CRM succeeded, else 0.",
		ConstLabels: prometheus.Labels{"connector": st.adapter.Name()},
	}, func() float64 {
		if _, ok, _ := h.last(); ok {
			return 1
		}
		return 0
	})
	if err := reg.Register(up); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	return h, nil
}

// run pings now and then every crmPingInterval until ctx ends.
func (h *crmHealth) run(ctx context.Context) {
	go func() {
		t := time.NewTicker(crmPingInterval)
		defer t.Stop()
		for {
			h.ping(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// ping asks the metered adapter (past the cache and the breaker, so that
// it shows the CRM itself) and records the answer.
func (h *crmHealth) ping(ctx context.Context) {
	pctx, cancel := context.WithTimeout(ctx, crmPingTimeout)
	defer cancel()
	err := h.st.adapter.Ping(pctx)
	if ctx.Err() != nil {
		return
	}
	h.mu.Lock()
	first := h.at.IsZero()
	changed := !first && h.lastOK != (err == nil)
	h.at, h.lastOK, h.kind = time.Now(), err == nil, metered.Outcome(err)
	h.mu.Unlock()
	switch {
	case err != nil && (changed || first):
		h.log.WarnContext(ctx, "crm: ping failed", "connector", h.st.adapter.Name(), "err", err.Error())
	case err != nil:
		h.log.DebugContext(ctx, "crm: ping failed", "connector", h.st.adapter.Name(), "err", err.Error())
	case changed:
		h.log.InfoContext(ctx, "crm: ping answers again", "connector", h.st.adapter.Name())
	}
}

// last returns when the last ping ended, whether it succeeded and its
// outcome.
func (h *crmHealth) last() (time.Time, bool, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.at, h.lastOK, h.kind
}

// check is the informational "crm" readiness check: the breaker's state
// and the last ping, never an address or an error text.
func (h *crmHealth) check(context.Context) (string, error) {
	at, ok, kind := h.last()
	detail := "breaker " + h.st.breaker.State().String()
	switch {
	case at.IsZero():
		return detail + ", not pinged yet", nil
	case ok:
		return fmt.Sprintf("%s, last ping ok %s ago", detail, time.Since(at).Round(time.Second)), nil
	}
	return fmt.Sprintf("%s, last ping failed (%s) %s ago", detail, kind, time.Since(at).Round(time.Second)),
		fmt.Errorf("crm: last ping failed (%s)", kind)
}

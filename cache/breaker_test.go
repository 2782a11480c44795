package cache

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

type transition struct{ from, to BreakerState }

func newBreaker(t *testing.T, reg prometheus.Registerer) (*fake.Connector, *CircuitBreaker, chan transition, connectors.Contact) {
	t.Helper()
	f := fake.New()
	ct := f.AddContact(connectors.Contact{Email: "a@example.com"})
	changes := make(chan transition, 16)
	b := Breaker(f, BreakerOptions{
		Failures: 3, OpenFor: 20 * time.Millisecond, Registerer: reg,
		OnStateChange: func(from, to BreakerState) { changes <- transition{from, to} },
	})
	return f, b, changes, ct
}

func expectTransition(t *testing.T, changes chan transition, want transition) {
	t.Helper()
	if got := <-changes; got != want {
		t.Fatalf("transition %v→%v, want %v→%v", got.from, got.to, want.from, want.to)
	}
}

func TestBreakerOpensAndRecovers(t *testing.T) {
	reg := prometheus.NewRegistry()
	f, b, changes, ct := newBreaker(t, reg)
	ctx := context.Background()
	f.SetError("GetContact", connectors.ErrUnavailable)
	for range 3 {
		if _, err := b.GetContact(ctx, ct.ID); !errors.Is(err, connectors.ErrUnavailable) {
			t.Fatalf("got %v, want ErrUnavailable", err)
		}
	}
	expectTransition(t, changes, transition{BreakerClosed, BreakerOpen})
	if v := breakerGauge(t, reg); v != 2 {
		t.Fatalf("state gauge = %v, want 2", v)
	}
	// Open: fails fast without calling the backend.
	if _, err := b.GetContact(ctx, ct.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("open breaker returned %v, want ErrUnavailable", err)
	}
	wantCalls(t, f, "GetContact", 3)

	// After OpenFor a probe goes through; it fails, so it opens again.
	waitFor(t, func() bool { return b.State() == BreakerHalfOpen })
	expectTransition(t, changes, transition{BreakerOpen, BreakerHalfOpen})
	if _, err := b.GetContact(ctx, ct.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("failing probe returned %v", err)
	}
	expectTransition(t, changes, transition{BreakerHalfOpen, BreakerOpen})
	wantCalls(t, f, "GetContact", 4)

	// The backend recovers: the next probe closes the breaker.
	f.SetError("GetContact", nil)
	waitFor(t, func() bool { return b.State() == BreakerHalfOpen })
	expectTransition(t, changes, transition{BreakerOpen, BreakerHalfOpen})
	if v := breakerGauge(t, reg); v != 1 {
		t.Fatalf("state gauge = %v, want 1", v)
	}
	_, err := b.GetContact(ctx, ct.ID)
	mustNil(t, err)
	expectTransition(t, changes, transition{BreakerHalfOpen, BreakerClosed})
	if b.State() != BreakerClosed || breakerGauge(t, reg) != 0 {
		t.Fatalf("state %v, want closed", b.State())
	}
}

// breakerGauge scrapes clientgate_breaker_state{connector="fake"} from
// reg, as Prometheus would.
func breakerGauge(t *testing.T, reg *prometheus.Registry) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range families {
		if mf.GetName() != "clientgate_breaker_state" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "connector" && l.GetValue() == "fake" {
					return m.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatal("no clientgate_breaker_state{connector=\"fake\"}")
	return 0
}

func TestBreakerGaugeFollowsTransitionsWithoutCalls(t *testing.T) {
	reg := prometheus.NewRegistry()
	f, b, _, ct := newBreaker(t, reg)
	f.SetError("GetContact", connectors.ErrUnavailable)
	for range 3 {
		_, _ = b.GetContact(context.Background(), ct.ID)
	}
	if v := breakerGauge(t, reg); v != 2 {
		t.Fatalf("state gauge = %v, want 2 (open)", v)
	}
	// No call is made: the scrape alone sees OpenFor pass.
	waitFor(t, func() bool { return breakerGauge(t, reg) == 1 })
	wantCalls(t, f, "GetContact", 3)
	want := `
# HELP clientgate_breaker_transitions_total Circuit breaker state changes per connector, by the state entered.
# TYPE clientgate_breaker_transitions_total counter
clientgate_breaker_transitions_total{connector="fake",to="closed"} 0
clientgate_breaker_transitions_total{connector="fake",to="half-open"} 1
clientgate_breaker_transitions_total{connector="fake",to="open"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "clientgate_breaker_transitions_total"); err != nil {
		t.Error(err)
	}
}

func TestBreakerIgnoresNonBackendErrors(t *testing.T) {
	for _, sentinel := range []error{connectors.ErrNotFound, connectors.ErrInvalid, context.Canceled} {
		t.Run(sentinel.Error(), func(t *testing.T) {
			f, b, _, ct := newBreaker(t, nil)
			f.SetError("GetContact", sentinel)
			for range 10 {
				if _, err := b.GetContact(context.Background(), ct.ID); !errors.Is(err, sentinel) {
					t.Fatalf("got %v, want %v", err, sentinel)
				}
			}
			if b.State() != BreakerClosed {
				t.Fatalf("state %v after %v errors, want closed", b.State(), sentinel)
			}
			wantCalls(t, f, "GetContact", 10)
		})
	}
}

func TestCacheServesStaleWhileBreakerOpen(t *testing.T) {
	f, b, changes, ct := newBreaker(t, nil)
	c := Wrap(b, Options{ContactTTL: time.Nanosecond, StaleFor: time.Hour})
	ctx := context.Background()
	_, err := c.GetContact(ctx, ct.ID)
	mustNil(t, err)
	f.SetError("", connectors.ErrUnavailable)
	for range 3 {
		_, err := c.GetContact(ctx, ct.ID)
		mustNil(t, err)
	}
	expectTransition(t, changes, transition{BreakerClosed, BreakerOpen})
	rctx, rep := connectors.WithReadReport(ctx)
	got, err := c.GetContact(rctx, ct.ID)
	mustNil(t, err)
	if _, stale := rep.StaleAge(); !stale || got.ID != ct.ID {
		t.Fatalf("open breaker: stale=%v contact=%q", stale, got.ID)
	}
	wantCalls(t, f, "GetContact", 4)
	if !reflect.DeepEqual(c.Capabilities(), f.Capabilities()) || c.Name() != "fake" {
		t.Fatal("capabilities or name do not pass through")
	}
}

package cache

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sony/gobreaker/v2"

	"clientgate/connectors"
)

// BreakerState is a circuit breaker's state, as exported in the
// clientgate_breaker_state gauge.
type BreakerState int

// The breaker states.
const (
	BreakerClosed   BreakerState = 0
	BreakerHalfOpen BreakerState = 1
	BreakerOpen     BreakerState = 2
)

// String names the state.
func (s BreakerState) String() string {
	return [...]string{"closed", "half-open", "open"}[min(max(int(s), 0), 2)]
}

// BreakerOptions configures a CircuitBreaker. Zero values take the
// defaults noted.
type BreakerOptions struct {
	// Failures is how many consecutive ErrUnavailable failures open the
	// breaker (default 5).
	Failures uint32
	// OpenFor is how long the breaker stays open before it lets probes
	// through (default 30s).
	OpenFor time.Duration
	// Probes is how many calls a half-open breaker lets through; that many
	// successes close it, one failure opens it again (default 1).
	Probes uint32
	// OnStateChange, when set, is called on every change of state.
	OnStateChange func(from, to BreakerState)
	// Registerer, when set, receives clientgate_breaker_state.
	Registerer prometheus.Registerer
}

// CircuitBreaker is a connectors.Connector that fails fast with
// ErrUnavailable while its backend keeps failing. Only ErrUnavailable
// counts as a failure: ErrNotFound, ErrInvalid and the other answers mean
// the backend works. A call ended by its own context counts for nothing.
type CircuitBreaker struct {
	next connectors.Connector
	cb   *gobreaker.TwoStepCircuitBreaker[struct{}]
}

var _ connectors.Connector = (*CircuitBreaker)(nil)

// Breaker returns a circuit breaker in front of c. Put it below the cache
// (portal → cache → breaker → adapter) so that the cache keeps serving
// stale values while the breaker is open.
func Breaker(c connectors.Connector, opts BreakerOptions) *CircuitBreaker {
	if opts.Failures == 0 {
		opts.Failures = 5
	}
	if opts.OpenFor <= 0 {
		opts.OpenFor = 30 * time.Second
	}
	b := &CircuitBreaker{next: c}
	// The state gauge reads b.cb, so the metrics are registered once it
	// exists; no transition can happen before.
	var transitions *prometheus.CounterVec
	st := gobreaker.Settings{
		Name:        c.Name(),
		MaxRequests: opts.Probes,
		Timeout:     opts.OpenFor,
		ReadyToTrip: func(n gobreaker.Counts) bool { return n.ConsecutiveFailures >= opts.Failures },
		IsSuccessful: func(err error) bool {
			return !errors.Is(err, connectors.ErrUnavailable)
		},
		IsExcluded: func(err error) bool {
			return !errors.Is(err, connectors.ErrUnavailable) &&
				(errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
		},
		OnStateChange: func(_ string, from, to gobreaker.State) {
			transitions.WithLabelValues(BreakerState(to).String()).Inc()
			if opts.OnStateChange != nil {
				opts.OnStateChange(BreakerState(from), BreakerState(to))
			}
		},
	}
	b.cb = gobreaker.NewTwoStepCircuitBreaker[struct{}](st)
	transitions = registerBreakerMetrics(opts.Registerer, c.Name(), b.State)
	return b
}

// State returns the breaker's current state.
func (b *CircuitBreaker) State() BreakerState { return BreakerState(b.cb.State()) }

// guard runs f when the breaker allows it and records its outcome.
func guard[T any](ctx context.Context, b *CircuitBreaker, f func() (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	done, err := b.cb.Allow()
	if err != nil {
		return zero, fmt.Errorf("cache: breaker for %s: %w (%v)", b.next.Name(), connectors.ErrUnavailable, err)
	}
	defer func() {
		// Record a panicking call as a failure so that a half-open
		// breaker does not wait for it forever; the panic goes on.
		if p := recover(); p != nil {
			done(fmt.Errorf("cache: panic: %w", connectors.ErrUnavailable))
			panic(p)
		}
	}()
	v, err := f()
	done(err)
	return v, err
}

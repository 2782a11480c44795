package cache

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
)

func TestHitAfterMiss(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx, rep := connectors.WithReadReport(context.Background())
	for range 3 {
		got, err := fx.c.GetContact(ctx, fx.alice.ID)
		mustNil(t, err)
		if got.ID != fx.alice.ID {
			t.Fatalf("got contact %q, want %q", got.ID, fx.alice.ID)
		}
	}
	wantCalls(t, fx.f, "GetContact", 1)
	if rep.Outcome() != "mixed" {
		t.Fatalf("report outcome = %q, want mixed (one miss, two hits)", rep.Outcome())
	}
	fx.clock.advance(61 * time.Second)
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	wantCalls(t, fx.f, "GetContact", 2)
}

func TestCoalescing(t *testing.T) {
	fx := newFixture(t, Options{})
	const n = 64
	release := make(chan struct{})
	fx.f.SetHook(func(ctx context.Context, op string) {
		if op == "ListInvoices" {
			<-release
		}
	})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, err := fx.c.ListInvoices(context.Background(), connectors.Scope{ContactID: fx.alice.ID}, connectors.PageRequest{})
			errs <- err
		})
	}
	// Wait until the first call reached the backend and every other
	// caller joined it (each joined caller is counted when it returns, so
	// count waiters through singleflight by probing the group instead).
	waitFor(t, func() bool { return fx.f.Calls("ListInvoices") == 1 })
	waitFor(t, func() bool { return fx.c.waiting() == n })
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		mustNil(t, err)
	}
	wantCalls(t, fx.f, "ListInvoices", 1)
	if got := testutil.ToFloat64(fx.c.metrics.coalesced); got != n-1 {
		t.Fatalf("coalesced = %v, want %d", got, n-1)
	}
}

func TestCancelledCallerDoesNotCancelOthers(t *testing.T) {
	fx := newFixture(t, Options{})
	release := make(chan struct{})
	fx.f.SetHook(func(ctx context.Context, op string) {
		if op == "GetContact" {
			<-release
		}
	})
	ctx1, cancel1 := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() {
		_, err := fx.c.GetContact(ctx1, fx.alice.ID)
		first <- err
	}()
	waitFor(t, func() bool { return fx.f.Calls("GetContact") == 1 })
	second := make(chan error, 1)
	go func() {
		_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
		second <- err
	}()
	waitFor(t, func() bool { return fx.c.waiting() == 2 })
	cancel1()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller got %v, want context.Canceled", err)
	}
	close(release)
	mustNil(t, <-second)
	wantCalls(t, fx.f, "GetContact", 1)
	// The shared call completed and was cached despite the cancellation.
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	wantCalls(t, fx.f, "GetContact", 1)
}

func TestCancelledContextFailsEvenOnHit(t *testing.T) {
	fx := newFixture(t, Options{})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fx.c.GetContact(ctx, fx.alice.ID); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// waitFor polls cond until it holds; the test's own deadline bounds it.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for !cond() {
		time.Sleep(time.Millisecond)
	}
}

func TestUpstreamContextDetachedAndBounded(t *testing.T) {
	fx := newFixture(t, Options{UpstreamTimeout: time.Hour})
	type key struct{}
	seen := make(chan context.Context, 1)
	fx.f.SetHook(func(ctx context.Context, op string) { seen <- ctx })
	deadline := time.Now().Add(time.Minute)
	ctx, cancel := context.WithDeadline(context.WithValue(context.Background(), key{}, "v"), deadline)
	defer cancel()
	_, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	up := <-seen
	if d, ok := up.Deadline(); !ok || !d.Equal(deadline) {
		t.Fatalf("upstream deadline %v %v, want the caller's %v", d, ok, deadline)
	}
	if up.Value(key{}) != "v" {
		t.Fatal("upstream context lost the caller's values")
	}

	fx2 := newFixture(t, Options{UpstreamTimeout: time.Minute})
	fx2.f.SetHook(func(ctx context.Context, op string) { seen <- ctx })
	_, err = fx2.c.GetContact(context.Background(), fx2.alice.ID)
	mustNil(t, err)
	if d, ok := (<-seen).Deadline(); !ok || time.Until(d) > time.Minute {
		t.Fatalf("upstream deadline %v %v, want at most UpstreamTimeout away", d, ok)
	}
}

func TestUpstreamPanicBecomesError(t *testing.T) {
	fx := newFixture(t, Options{})
	fx.f.SetHook(func(ctx context.Context, op string) { panic("adapter bug") })
	if _, err := fx.c.GetContact(context.Background(), fx.alice.ID); err == nil {
		t.Fatal("a panicking upstream call returned no error")
	}
	fx.f.SetHook(nil)
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
}

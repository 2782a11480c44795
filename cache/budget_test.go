package cache

import (
	"context"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
)

// hang makes the fake's GetContact block until the returned release is
// called (also at the end of the test).
func hang(t *testing.T, fx *fixture) (release func()) {
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	t.Cleanup(release)
	fx.f.SetHook(func(_ context.Context, op string) {
		if op == "GetContact" {
			<-gate
		}
	})
	return release
}

func TestReadBudgetServesStaleWhileTheRefreshGoesOn(t *testing.T) {
	fx := newFixture(t, Options{ContactTTL: time.Minute, StaleFor: 10 * time.Minute, ReadBudget: 50 * time.Millisecond})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	fx.clock.advance(2 * time.Minute)
	release := hang(t, fx)

	ctx, rep := connectors.WithReadReport(context.Background())
	got, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	if age, stale := rep.StaleAge(); !stale || age != 2*time.Minute || got.ID != fx.alice.ID {
		t.Fatalf("past the budget: stale=%v age=%v contact=%q, want the stale contact", stale, age, got.ID)
	}
	// A second caller joins the call still running rather than starting one.
	_, err = fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	wantCalls(t, fx.f, "GetContact", 2)

	release()
	deadline := time.Now().Add(5 * time.Second)
	for fresh := false; !fresh; {
		ctx, rep := connectors.WithReadReport(context.Background())
		_, err := fx.c.GetContact(ctx, fx.alice.ID)
		mustNil(t, err)
		fresh = rep.Outcome() == "hit"
		if !fresh && time.Now().After(deadline) {
			t.Fatal("the background refresh never stored its value")
		}
		time.Sleep(5 * time.Millisecond)
	}
	wantCalls(t, fx.f, "GetContact", 2)
}

func TestRequestReadDeadlineReplacesTheBudget(t *testing.T) {
	fx := newFixture(t, Options{ContactTTL: time.Minute, StaleFor: 10 * time.Minute, ReadBudget: time.Hour})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	fx.clock.advance(2 * time.Minute)
	hang(t, fx)
	ctx, rep := connectors.WithReadReport(context.Background())
	ctx = connectors.WithReadDeadline(ctx, time.Now().Add(-time.Second)) // already spent
	done := make(chan error, 1)
	go func() {
		_, err := fx.c.GetContact(ctx, fx.alice.ID)
		done <- err
	}()
	select {
	case err := <-done:
		mustNil(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("a read whose deadline had passed waited for the hanging backend")
	}
	if _, stale := rep.StaleAge(); !stale {
		t.Fatal("not served stale")
	}
}

func TestReadBudgetDoesNotApplyWithoutAStaleValue(t *testing.T) {
	fx := newFixture(t, Options{ReadBudget: 10 * time.Millisecond})
	release := hang(t, fx)
	done := make(chan error, 1)
	go func() {
		_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("returned %v before the backend answered; with nothing cached it must wait", err)
	case <-time.After(100 * time.Millisecond):
	}
	release()
	mustNil(t, <-done)
}

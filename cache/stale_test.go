package cache

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestStaleServedWhileUnavailable(t *testing.T) {
	fx := newFixture(t, Options{ContactTTL: time.Minute, StaleFor: 10 * time.Minute})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	fx.f.SetError("GetContact", fmt.Errorf("boom: %w", connectors.ErrUnavailable))
	fx.clock.advance(5 * time.Minute)

	ctx, rep := connectors.WithReadReport(context.Background())
	got, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	if got.ID != fx.alice.ID {
		t.Fatalf("stale value is contact %q, want %q", got.ID, fx.alice.ID)
	}
	age, stale := rep.StaleAge()
	if !stale || age != 5*time.Minute {
		t.Fatalf("report stale=%v age=%v, want true 5m", stale, age)
	}
	if rep.Outcome() != "stale" {
		t.Fatalf("report outcome %q, want stale", rep.Outcome())
	}
	wantCalls(t, fx.f, "GetContact", 2)
}

func TestStaleWindowExpires(t *testing.T) {
	fx := newFixture(t, Options{ContactTTL: time.Minute, StaleFor: 10 * time.Minute})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	fx.f.SetError("GetContact", connectors.ErrUnavailable)
	fx.clock.advance(11*time.Minute + time.Second)
	ctx, rep := connectors.WithReadReport(context.Background())
	if _, err := fx.c.GetContact(ctx, fx.alice.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("past the stale window got %v, want ErrUnavailable", err)
	}
	if _, stale := rep.StaleAge(); stale {
		t.Fatal("report says stale, want no stale serve")
	}
}

func TestStaleNotServedForOtherErrors(t *testing.T) {
	for _, sentinel := range []error{connectors.ErrNotFound, connectors.ErrInvalid, connectors.ErrBackendAuth} {
		t.Run(sentinel.Error(), func(t *testing.T) {
			fx := newFixture(t, Options{})
			s := connectors.Scope{ContactID: fx.alice.ID}
			_, err := fx.c.ListInvoices(context.Background(), s, connectors.PageRequest{})
			mustNil(t, err)
			fx.f.SetError("ListInvoices", sentinel)
			fx.clock.advance(31 * time.Second)
			if _, err := fx.c.ListInvoices(context.Background(), s, connectors.PageRequest{}); !errors.Is(err, sentinel) {
				t.Fatalf("got %v, want %v", err, sentinel)
			}
		})
	}
}

func TestErrorsNotCached(t *testing.T) {
	fx := newFixture(t, Options{})
	fx.f.SetError("GetContact", connectors.ErrUnavailable)
	for range 2 {
		if _, err := fx.c.GetContact(context.Background(), fx.alice.ID); !errors.Is(err, connectors.ErrUnavailable) {
			t.Fatalf("got %v, want ErrUnavailable", err)
		}
	}
	wantCalls(t, fx.f, "GetContact", 2)
	fx.f.SetError("GetContact", nil)
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	if _, err := fx.c.GetContact(context.Background(), "no-such-contact"); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
	if _, err := fx.c.GetContact(context.Background(), "no-such-contact"); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
	wantCalls(t, fx.f, "GetContact", 5)
}

func TestNegativeCache(t *testing.T) {
	fx := newFixture(t, Options{NegativeTTL: 10 * time.Second})
	const email = "nobody@example.com"
	for range 3 {
		if _, err := fx.c.FindContactByEmail(context.Background(), email); !errors.Is(err, connectors.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	}
	wantCalls(t, fx.f, "FindContactByEmail", 1)
	fx.clock.advance(11 * time.Second)
	if _, err := fx.c.FindContactByEmail(context.Background(), "NOBODY@example.com"); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
	wantCalls(t, fx.f, "FindContactByEmail", 2)

	// Creating the contact drops the negative entry at once.
	created, err := fx.c.CreateContact(context.Background(), connectors.NewContact{Email: email})
	mustNil(t, err)
	got, err := fx.c.FindContactByEmail(context.Background(), email)
	mustNil(t, err)
	if got.ID != created.ID {
		t.Fatalf("found %q, want the created %q", got.ID, created.ID)
	}
}

func TestNegativeCacheDisabled(t *testing.T) {
	fx := newFixture(t, Options{NegativeTTL: -1})
	for range 2 {
		if _, err := fx.c.FindContactByEmail(context.Background(), "nobody@example.com"); !errors.Is(err, connectors.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	}
	wantCalls(t, fx.f, "FindContactByEmail", 2)
}

func TestAmbiguousNotCached(t *testing.T) {
	fx := newFixture(t, Options{})
	fx.f.AddContact(connectors.Contact{Email: "ALICE@example.com"})
	for range 2 {
		if _, err := fx.c.FindContactByEmail(context.Background(), "alice@example.com"); !errors.Is(err, connectors.ErrAmbiguous) {
			t.Fatalf("got %v, want ErrAmbiguous", err)
		}
	}
	wantCalls(t, fx.f, "FindContactByEmail", 2)
}

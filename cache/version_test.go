package cache

import (
	"context"
	"testing"

	"clientgate/connectors"
)

// TestHitsCarryTheEntryVersion: hits on one entry report one version; a
// refreshed entry (after an invalidation) and another contact's entry
// report others, and a miss reports none.
func TestHitsCarryTheEntryVersion(t *testing.T) {
	fx := newFixture(t, Options{})
	read := func(id string) (uint64, bool) {
		ctx, rep := connectors.WithReadReport(context.Background())
		_, err := fx.c.GetContact(ctx, id)
		mustNil(t, err)
		return rep.Version()
	}
	if _, ok := read(fx.alice.ID); ok {
		t.Fatal("a miss has a version")
	}
	first, ok := read(fx.alice.ID)
	if again, _ := read(fx.alice.ID); !ok || again != first {
		t.Fatalf("two hits on one entry: %d, %d (ok %v)", first, again, ok)
	}
	read(fx.bob.ID)
	if bob, _ := read(fx.bob.ID); bob == first {
		t.Error("two contacts' entries share a version")
	}
	fx.c.Invalidate(fx.alice.ID)
	read(fx.alice.ID)
	if after, ok := read(fx.alice.ID); !ok || after == first {
		t.Errorf("the refreshed entry kept its version %d (ok %v)", after, ok)
	}
}

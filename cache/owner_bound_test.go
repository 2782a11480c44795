package cache

import (
	"context"
	"testing"

	"clientgate/connectors"
)

// TestEntriesBoundedPerContact: one contact asking for ever new pages
// (here: every page size) keeps at most MaxPerContact entries and does
// not push out another contact's.
func TestEntriesBoundedPerContact(t *testing.T) {
	fx := newFixture(t, Options{MaxPerContact: 4})
	ctx := context.Background()
	_, err := fx.c.GetContact(ctx, fx.bob.ID)
	mustNil(t, err)
	for limit := 1; limit <= 20; limit++ {
		_, err := fx.c.ListInvoices(ctx, connectors.Scope{ContactID: fx.alice.ID}, connectors.PageRequest{Limit: limit})
		mustNil(t, err)
	}
	fx.c.store.mu.Lock()
	alice, bob := len(fx.c.store.byOwner[fx.alice.ID]), len(fx.c.store.byOwner[fx.bob.ID])
	fx.c.store.mu.Unlock()
	if alice != 4 || bob != 1 || fx.c.Len() != 5 {
		t.Errorf("entries: alice %d, bob %d, total %d; want 4, 1, 5", alice, bob, fx.c.Len())
	}
	before := fx.f.Calls("GetContact")
	_, err = fx.c.GetContact(ctx, fx.bob.ID)
	mustNil(t, err)
	wantCalls(t, fx.f, "GetContact", before) // still cached
}

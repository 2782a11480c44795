package connectortest

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// CheckIsolation requests every seeded item as every other contact, as
// unknown and malformed contacts, with and without company scope, and
// checks that each one the scope may not see is ErrNotFound; it also
// checks that malformed item IDs are ErrNotFound and that unknown
// contacts list nothing.
func CheckIsolation(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	w := open(r, c, seed)
	if w == nil {
		return
	}
	for _, k := range allKinds() {
		if !k.Supported(w.caps) {
			continue
		}
		seen := map[string]bool{}
		for _, owner := range w.contactKeys() {
			for _, e := range k.Seeded(seed, owner) {
				if id := w.id(k, e.Key); id != "" && k.HasGet() && !seen[e.Key] {
					seen[e.Key] = true
					checkItemHidden(r, w, k, owner, e, id)
				}
			}
		}
		checkMalformedItems(r, w, k)
		checkUnknownListsEmpty(r, w, k)
	}
}

// checkItemHidden gets an item as every scope that must not see it.
func checkItemHidden(r Reporter, w *world, k kindOps, owner string, e entry, id string) {
	r.Helper()
	ctx := context.Background()
	var scopes []connectors.Scope
	for _, other := range w.contactKeys() {
		for _, withCompany := range []bool{false, true} {
			if !visible(w, k, other, withCompany, e.Key) {
				scopes = append(scopes, w.scope(other, withCompany))
			}
		}
	}
	for _, bad := range []string{"no-such-contact-4f1c9b", "", "1 OR 1=1", "../1"} {
		scopes = append(scopes, connectors.Scope{ContactID: bad}, connectors.Scope{ContactID: bad, WithCompany: true})
	}
	for _, s := range scopes {
		got, err := k.Get(ctx, w.c, s, id)
		if err == nil {
			r.Errorf("LEAK: %s %s of %s is visible to contact %q (with company: %v): %+v",
				k.Name(), e.Key, owner, s.ContactID, s.WithCompany, got.Value)
			continue
		}
		wantErr(r, fmt.Sprintf("%s %s of %s as %q", k.Name(), e.Key, owner, s.ContactID), err, connectors.ErrNotFound)
	}
}

// visible reports whether contact key, with or without company scope, may
// see the item with the given item key.
func visible(w *world, k kindOps, key string, withCompany bool, itemKey string) bool {
	for _, e := range expected(k, w.seed, key, withCompany, w.caps) {
		if e.Key == itemKey {
			return true
		}
	}
	return false
}

func checkMalformedItems(r Reporter, w *world, k kindOps) {
	r.Helper()
	if !k.HasGet() {
		return
	}
	for _, id := range malformedIDs() {
		_, err := k.Get(context.Background(), w.c, w.scope(keyZoe, true), id)
		wantErr(r, fmt.Sprintf("%s get with malformed ID %s", k.Name(), quoted(id)), err, connectors.ErrNotFound)
	}
}

// checkUnknownListsEmpty checks that a contact that does not exist lists
// nothing (an empty page or ErrNotFound).
func checkUnknownListsEmpty(r Reporter, w *world, k kindOps) {
	r.Helper()
	for _, id := range unknownContactIDs() {
		items, _, err := k.List(context.Background(), w.c, connectors.Scope{ContactID: id, WithCompany: true}, connectors.PageRequest{})
		if err != nil {
			wantErr(r, k.Name()+" of unknown contact "+quoted(id), err, connectors.ErrNotFound)
		} else if len(items) > 0 {
			r.Errorf("LEAK: %s of unknown contact %s lists %s", k.Name(), quoted(id), keys(items))
		}
	}
}

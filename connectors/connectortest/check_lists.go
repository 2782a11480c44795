package connectortest

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// CheckLists checks every list of every seeded contact, with and without
// company items: exactly the expected items (no drafts, company items
// only with Scope.WithCompany and CompanyItems, never another company's),
// newest first, fields as seeded, and each item read back by its get
// method equal to its list entry.
func CheckLists(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	w := open(r, c, seed)
	if w == nil {
		return
	}
	for _, k := range allKinds() {
		if !k.Supported(w.caps) {
			continue
		}
		for _, key := range w.contactKeys() {
			for _, withCompany := range []bool{false, true} {
				checkList(r, w, k, key, withCompany)
			}
		}
	}
}

func checkList(r Reporter, w *world, k kindOps, key string, withCompany bool) {
	r.Helper()
	ctx := context.Background()
	where := fmt.Sprintf("%s of %s (with company: %v)", k.Name(), key, withCompany)
	s := w.scope(key, withCompany)
	got, err := w.listAll(ctx, k, s, 0)
	if !noErr(r, where, err) {
		return
	}
	want := expected(k, w.seed, key, withCompany, w.caps)
	if keys(got) != keys(want) {
		r.Errorf("%s: got %s, want %s (newest first, no drafts, only this scope)", where, keys(got), keys(want))
		return
	}
	for i := range want {
		k.Compare(r, where, got[i], want[i])
		if i > 0 && got[i].When.After(got[i-1].When) {
			r.Errorf("%s: %s is newer than %s before it", where, got[i].Key, got[i-1].Key)
		}
		if !k.HasGet() {
			continue
		}
		one, err := k.Get(ctx, w.c, s, got[i].ID)
		if noErr(r, where+": get "+got[i].Key, err) {
			k.Compare(r, where+": get", one, want[i])
		}
	}
}

// keys formats the item keys of a list for comparison and messages.
func keys(es []entry) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Key
	}
	return fmt.Sprintf("%q", out)
}

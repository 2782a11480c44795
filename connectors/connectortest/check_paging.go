package connectortest

import (
	"context"
	"encoding/base64"
	"fmt"

	"clientgate/connectors"
)

// badCursors are cursors no connector can have issued.
func badCursors() []string {
	return []string{"garbage-cursor", "!!!", "%%%", "-1", "{}", "\x00",
		base64.RawURLEncoding.EncodeToString([]byte("not a cursor at all"))}
}

// CheckPaging walks every list of every seeded contact with small page
// sizes and checks that each item comes exactly once, in the same order as
// one big page, and that a garbage cursor is ErrInvalid.
func CheckPaging(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	w := open(r, c, seed)
	if w == nil {
		return
	}
	ctx := context.Background()
	for _, k := range allKinds() {
		if !k.Supported(w.caps) {
			continue
		}
		for _, key := range w.contactKeys() {
			s := w.scope(key, true)
			full, err := w.listAll(ctx, k, s, connectors.MaxLimit)
			if !noErr(r, k.Name()+" of "+key, err) {
				continue
			}
			for _, limit := range []int{1, 2, 3} {
				where := fmt.Sprintf("%s of %s, %d per page", k.Name(), key, limit)
				paged, err := w.listAll(ctx, k, s, limit)
				if noErr(r, where, err) && ids(paged) != ids(full) {
					r.Errorf("%s: walked %s, want %s", where, keys(paged), keys(full))
				}
			}
		}
		for _, cur := range badCursors() {
			_, _, err := k.List(ctx, c, w.scope(keyZoe, true), connectors.PageRequest{Limit: 2, Cursor: cur})
			wantErr(r, k.Name()+" with cursor "+quoted(cur), err, connectors.ErrInvalid)
		}
	}
}

// ids formats the item IDs of a list for comparison.
func ids(es []entry) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return fmt.Sprintf("%q", out)
}

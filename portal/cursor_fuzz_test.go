package portal

import (
	"testing"

	"clientgate/connectors"
)

// FuzzCursor: opening any value never panics; whatever a sealed cursor
// holds comes back unchanged for its own contact and list only.
func FuzzCursor(f *testing.F) {
	cs := newCursorSealer([][]byte{[]byte("0123456789abcdef0123456789abcdef")})
	ann := connectors.Scope{ContactID: "ann"}
	for _, seed := range []string{"", "o1:20", "bzE6MjA", cs.seal("invoices", ann, "o1:20"), "%00", "\xff", "AAAAAAAAAAAAAAAAAAAAAAA"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if inner, err := cs.open("invoices", ann, v); err == nil && v != "" {
			if again, err := cs.open("invoices", ann, cs.seal("invoices", ann, inner)); err != nil || again != inner {
				t.Fatalf("re-sealed %q: %q, %v", inner, again, err)
			}
			if _, err := cs.open("quotes", ann, v); err == nil {
				t.Fatalf("%q opened for another list", v)
			}
			if _, err := cs.open("invoices", connectors.Scope{ContactID: "bob"}, v); err == nil {
				t.Fatalf("%q opened for another contact", v)
			}
		}
		sealed := cs.seal("tasks", ann, v)
		if got, err := cs.open("tasks", ann, sealed); err != nil || got != v {
			t.Fatalf("round trip of %q: %q, %v", v, got, err)
		}
	})
}

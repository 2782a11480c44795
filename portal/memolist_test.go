package portal

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"clientgate/connectors"
)

// versionedEnv is an env whose fake CRM reports every read as a cache
// hit on an entry of version *ver (what cache.Wrap does on a hit).
func versionedEnv(t *testing.T) (*env, *atomic.Uint64) {
	e := newEnv(t, nil)
	var ver atomic.Uint64
	ver.Store(1)
	e.crm.SetHook(func(ctx context.Context, op string) {
		connectors.ReportFrom(ctx).HitVersion(ver.Load())
	})
	return e, &ver
}

func TestListAnswerKeptWhileItsDataIsUnchanged(t *testing.T) {
	e, ver := versionedEnv(t)
	first := e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantStatus(t, first, http.StatusOK)
	wantBody(t, first, "INV-0001")
	tag := first.Header().Get("ETag")
	if tag == "" || first.Header().Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("headers: %v", first.Header())
	}
	e.crm.AddInvoice("ann", connectors.Invoice{ID: "inv9", Number: "INV-0009", Status: connectors.InvoiceUnpaid,
		IssuedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	kept := e.do(req{path: "/api/v1/invoices", as: "ann"})
	if kept.Body.String() != first.Body.String() || kept.Header().Get("ETag") != tag {
		t.Fatal("the same cache entries gave a different answer: the memo was not used")
	}
	ver.Add(1) // the cache refreshed its entry
	fresh := e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantBody(t, fresh, "INV-0009")
	if fresh.Header().Get("ETag") == tag {
		t.Error("a new body kept the old ETag")
	}
	bob := e.do(req{path: "/api/v1/invoices", as: "bob"})
	wantNoBody(t, bob, "INV-0")
	limited := e.do(req{path: "/api/v1/invoices?limit=1", as: "ann"})
	wantNoBody(t, limited, "INV-0001")
}

func TestListAnswerNotModified(t *testing.T) {
	e, _ := versionedEnv(t)
	tag := e.do(req{path: "/api/v1/quotes", as: "ann"}).Header().Get("ETag")
	tests := []struct {
		name, header string
		want         int
	}{
		{"its tag", tag, http.StatusNotModified},
		{"weak form", "W/" + tag, http.StatusNotModified},
		{"in a list", `"other", ` + tag, http.StatusNotModified},
		{"any", "*", http.StatusNotModified},
		{"another tag", `"other"`, http.StatusOK},
		{"unquoted", tag[1 : len(tag)-1], http.StatusOK},
	}
	for _, tt := range tests {
		w := e.do(req{path: "/api/v1/quotes", as: "ann", header: map[string]string{"If-None-Match": tt.header}})
		if w.Code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.want)
		}
		if tt.want == http.StatusNotModified && (w.Body.Len() != 0 || w.Header().Get("ETag") != tag) {
			t.Errorf("%s: 304 with body %q, ETag %q", tt.name, w.Body.String(), w.Header().Get("ETag"))
		}
	}
	if w := e.do(req{path: "/api/v1/quotes", as: "bob", header: map[string]string{"If-None-Match": tag}}); w.Code != http.StatusOK {
		t.Errorf("bob's list matched ann's ETag: %d", w.Code)
	}
}

func TestListAnswerWithoutVersionIsNotKept(t *testing.T) {
	e := newEnv(t, nil)
	stale := atomic.Bool{}
	stale.Store(true)
	e.crm.SetHook(func(ctx context.Context, op string) {
		if stale.Load() {
			connectors.ReportFrom(ctx).Stale(time.Minute)
			return
		}
		connectors.ReportFrom(ctx).HitVersion(1)
	})
	w := e.do(req{path: "/api/v1/tasks", as: "ann"})
	if w.Header().Get(headerStaleAge) != "60" || w.Header().Get("ETag") == "" {
		t.Fatalf("stale answer headers: %v", w.Header())
	}
	e.crm.AddTask("ann", connectors.Task{ID: "task9", Title: "Second meeting", Start: time.Now().Add(time.Hour)})
	stale.Store(false)
	w = e.do(req{path: "/api/v1/tasks", as: "ann"})
	wantBody(t, w, "Second meeting")
	if w.Header().Get(headerStaleAge) != "" {
		t.Error("a fresh answer is marked stale")
	}
}

func TestBodyMemoBounds(t *testing.T) {
	m := newBodyMemo(100, time.Minute)
	now := time.Now()
	m.now = func() time.Time { return now }
	for i, k := range []string{"a", "b", "c"} {
		m.put(k, &memoBody{version: uint64(i), body: make([]byte, 40)})
	}
	if m.bytes > 100 || len(m.entries) != 2 {
		t.Fatalf("memo holds %d bytes in %d entries, bound 100", m.bytes, len(m.entries))
	}
	if _, ok := m.get("c", 2); !ok {
		t.Error("the newest entry was dropped")
	}
	if _, ok := m.get("c", 3); ok {
		t.Error("an entry answered for another version")
	}
	m.put("big", &memoBody{body: make([]byte, 101)})
	if _, ok := m.get("big", 0); ok {
		t.Error("a body above the bound was kept")
	}
	now = now.Add(2 * time.Minute)
	if _, ok := m.get("c", 2); ok {
		t.Error("an expired entry answered")
	}
}

func TestListAnswerFromUnversionedReadsIsNotKept(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetHook(func(ctx context.Context, op string) { connectors.ReportFrom(ctx).Hit() })
	wantNoBody(t, e.do(req{path: "/api/v1/tasks", as: "ann"}), "Second meeting")
	e.crm.AddTask("ann", connectors.Task{ID: "task9", Title: "Second meeting", Start: time.Now().Add(time.Hour)})
	wantBody(t, e.do(req{path: "/api/v1/tasks", as: "ann"}), "Second meeting")
}

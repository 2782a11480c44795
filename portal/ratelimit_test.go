package portal

import (
	"net/http"
	"sync"
	"testing"
)

// limitLog records OnLimited calls.
type limitLog struct {
	mu  sync.Mutex
	got map[string]int
}

func (l *limitLog) add(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got[name]++
}

func TestRateLimits(t *testing.T) {
	log := &limitLog{got: map[string]int{}}
	e := newEnv(t, func(o *Options) {
		o.RateLimits = RateLimits{SignInPerAddress: 3, ReadsPerSession: 4, WritesPerSession: 2,
			ReadsPerAddress: 50, WritesPerAddress: 50, OnLimited: log.add}
	})
	for range 4 {
		wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), http.StatusOK)
	}
	w := e.do(req{path: "/clients/invoices", as: "ann"})
	wantStatus(t, w, http.StatusTooManyRequests)
	if w.Header().Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	w = e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantStatus(t, w, http.StatusTooManyRequests)
	wantBody(t, w, `"type":"urn:clientgate:problem:rate-limited"`)
	wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "bob"}), http.StatusOK) // another session

	patch := req{method: http.MethodPatch, path: "/api/v1/me", as: "bob", bearer: true, json: `{"first_name":"Bo"}`}
	for range 2 {
		wantStatus(t, e.do(patch), http.StatusOK)
	}
	wantStatus(t, e.do(patch), http.StatusTooManyRequests) // writes are stricter than reads

	for range 3 {
		wantStatus(t, e.do(req{path: "/auth/login"}), http.StatusOK)
	}
	wantStatus(t, e.do(req{path: "/auth/login"}), http.StatusTooManyRequests)
	if log.got["session_read"] != 2 || log.got["session_write"] != 1 || log.got["signin"] != 1 {
		t.Errorf("counted %v", log.got)
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.RateLimits = RateLimits{ReadsPerAddress: 3} })
	for _, who := range []string{"ann", "bob", ""} {
		w := e.do(req{path: "/api/v1/invoices", as: who})
		if w.Code == http.StatusTooManyRequests {
			t.Fatalf("%q limited early", who)
		}
	}
	wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), http.StatusTooManyRequests)
	wantStatus(t, e.do(req{path: "/healthz"}), http.StatusOK) // health checks are never limited
}

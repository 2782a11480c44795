package connectortest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
)

// FaultHarness builds an HTTP connector for the fault suite.
type FaultHarness interface {
	// OpenURL returns a connector pointed at baseURL, configured with a
	// short timeout (about 300ms), tiny retry waits and a small
	// MaxBodyBytes (about 1 MiB), and the secret that must never appear in
	// errors.
	OpenURL(t *testing.T, baseURL string) (c connectors.Connector, secret string)
}

// FaultHarnessFunc adapts a function to FaultHarness.
type FaultHarnessFunc func(t *testing.T, baseURL string) (connectors.Connector, string)

// OpenURL calls f.
func (f FaultHarnessFunc) OpenURL(t *testing.T, baseURL string) (connectors.Connector, string) {
	return f(t, baseURL)
}

// Opener returns a connector pointed at baseURL and its secret.
type Opener func(baseURL string) (c connectors.Connector, secret string)

// RunFaults runs every backend fault in parallel subtests: each starts a
// test server on 127.0.0.1 that always fails one way, and checks that Ping
// and FindContactByEmail (and, where supported, UpdateContact and
// DecideQuote) return the right sentinel, that idempotent GETs were
// retried while writes were sent at most once, that redirects are not
// followed, and that no error text holds the secret.
func RunFaults(t *testing.T, h FaultHarness) {
	for _, f := range faults() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			runFault(t, func(u string) (connectors.Connector, string) { return h.OpenURL(t, u) }, f)
		})
	}
}

// CheckFaults runs every fault one after the other, reporting to r.
func CheckFaults(r Reporter, open Opener) {
	r.Helper()
	for _, f := range faults() {
		runFault(r, open, f)
	}
}

// hits counts the requests a fault server received.
type hits struct {
	mu         sync.Mutex
	get, write int // GET/HEAD and every other method
	redirected int // requests that followed a redirect
}

func (h *hits) count(r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case strings.HasPrefix(r.URL.Path, redirectTarget):
		h.redirected++
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		h.get++
	default:
		h.write++
	}
}

func (h *hits) take() (get, write, redirected int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	get, write, redirected = h.get, h.write, h.redirected
	h.get, h.write, h.redirected = 0, 0, 0
	return get, write, redirected
}

// runFault starts the fault's server, opens a connector on it and checks
// every call.
func runFault(r Reporter, open Opener, f fault) {
	r.Helper()
	h := &hits{}
	unblock := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		h.count(req)
		f.serve(w, req, unblock)
	}))
	defer srv.Close()
	defer close(unblock)
	url := srv.URL
	if f.refused {
		srv.Close()
	}
	c, secret := open(url)
	for _, cl := range faultCalls(c.Capabilities()) {
		where := f.name + ": " + cl.op
		err := cl.do(c)
		get, write, redirected := h.take()
		checkFaultErr(r, where, err, f.want, secret)
		if f.retried && get > 0 && get < 2 {
			r.Errorf("%s: GET sent %d time(s), want retries", where, get)
		}
		if cl.write && write > 1 {
			r.Errorf("%s: write request sent %d times, want at most once", where, write)
		}
		if redirected > 0 {
			r.Errorf("%s: redirect followed", where)
		}
	}
}

// checkFaultErr checks that a call failed with the wanted sentinel (any
// error when want is nil) and that the error text holds no secret.
func checkFaultErr(r Reporter, where string, err, want error, secret string) {
	r.Helper()
	if err == nil {
		r.Errorf("%s: no error", where)
		return
	}
	if want != nil {
		wantErr(r, where, err, want)
	}
	if secret != "" && containsSecret(err.Error(), secret) {
		r.Errorf("%s: error text holds the secret: %s", where, err)
	}
}

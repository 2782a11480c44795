package portal

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/portal/httpmetrics"
)

// logLines decodes the JSON log lines with the given message.
func logLines(t *testing.T, e *env, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(e.logs.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

func TestPanicIsCountedAndLoggedAs500WithTheRequestID(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := httpmetrics.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(o *Options) { o.Middleware = append(o.Middleware, m.Middleware()) })
	e.crm.SetHook(func(_ context.Context, op string) {
		if op == "ListInvoices" {
			panic("boom")
		}
	})
	w := e.do(req{path: "/api/v1/invoices", as: "ann", header: map[string]string{"X-Request-ID": "panic-req-0001"}})
	wantStatus(t, w, http.StatusInternalServerError)
	want := `
# HELP clientgate_http_requests_total Portal HTTP requests by route template, method and status.
# TYPE clientgate_http_requests_total counter
clientgate_http_requests_total{method="GET",route="/api/v1/invoices",status="500"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "clientgate_http_requests_total"); err != nil {
		t.Error(err)
	}
	panics := logLines(t, e, "portal: panic")
	if len(panics) != 1 || panics[0]["request_id"] != "panic-req-0001" {
		t.Errorf("panic log lines %v, want one with the request ID", panics)
	}
	access := logLines(t, e, "http request")
	if len(access) != 1 || access[0]["status"] != float64(500) || access[0]["request_id"] != "panic-req-0001" {
		t.Errorf("access log %v, want one 500 line with the request ID", access)
	}
}

func TestProbesAreNotAccessLoggedByDefault(t *testing.T) {
	for _, logProbes := range []bool{false, true} {
		e := newEnv(t, func(o *Options) { o.AccessLogProbes = logProbes })
		e.do(req{path: "/healthz"})
		e.do(req{path: "/readyz"})
		e.do(req{path: "/clients/", as: "ann"})
		want := 1
		if logProbes {
			want = 3
		}
		if got := len(logLines(t, e, "http request")); got != want {
			t.Errorf("AccessLogProbes %v: %d access log lines, want %d:\n%s", logProbes, got, want, e.logs.String())
		}
	}
}

func TestReadyzChecks(t *testing.T) {
	check := func(detail string, err error) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { return detail, err }
	}
	for _, tt := range []struct {
		name   string
		checks []ReadyCheck
		code   int
		lines  []string
	}{
		{"all pass", []ReadyCheck{{Name: "store", Check: check("", nil)}, {Name: "provider", Check: check("discovered", nil)}},
			http.StatusOK, []string{"[+] store: ok", "[+] provider: discovered", "ready"}},
		{"one fails", []ReadyCheck{{Name: "store", Check: check("", errors.New("dial tcp 10.0.0.7:5432: refused"))}, {Name: "keys", Check: check("", nil)}},
			http.StatusServiceUnavailable, []string{"[-] store: failed (the reason is in the log)", "[+] keys: ok", "not ready"}},
		{"informational failure keeps it ready", []ReadyCheck{{Name: "store", Check: check("", nil)},
			{Name: "crm", Informational: true, Check: check("breaker open", errors.New("crm down"))}},
			http.StatusOK, []string{"[+] store: ok", "[i] crm: failed: breaker open", "ready"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, func(o *Options) { o.ReadyChecks = tt.checks })
			w := e.do(req{path: "/readyz"})
			wantStatus(t, w, tt.code)
			if body := w.Body.String(); strings.Contains(body, "[") {
				t.Errorf("plain /readyz shows detail: %q", body)
			}
			w = e.do(req{path: "/readyz?verbose"})
			wantStatus(t, w, tt.code)
			if got := strings.Split(strings.TrimSpace(w.Body.String()), "\n"); strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("verbose = %q, want %q", got, tt.lines)
			}
			wantNoBody(t, w, "10.0.0.7", "crm down")
		})
	}
}

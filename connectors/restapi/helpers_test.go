package restapi_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors/restapi"
)

// minimalOps are the required operations, for hand-written mappings.
const minimalOps = `
  ping: {path: /ping}
  find_contact_by_email:
    path: /contacts
    query: {email: "{email}"}
    items: data
    fields: {id: id, email: email, portal_access: {path: portal, default: "true"}}
  get_contact:
    path: /contacts/{contact_id}
    fields: {id: id, email: email, portal_access: {path: portal, default: "true"}}
`

// mappingWith builds a mapping for base URL u from a top-level YAML
// prefix (auth, currency, ...) and extra operations.
func mappingWith(t testing.TB, u, top, ops string) *restapi.Mapping {
	t.Helper()
	doc := "base_url: " + u + "\n" + top + "\noperations:\n" + minimalOps + ops
	m, err := restapi.ParseMapping([]byte(doc))
	if err != nil {
		t.Fatalf("ParseMapping: %v\n%s", err, doc)
	}
	return m
}

// routes is a test server answering fixed or computed JSON by path.
func routes(t testing.TB, h map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for p, f := range h {
		mux.HandleFunc(p, f)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// body answers a fixed JSON text.
func body(status int, text string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(text))
	}
}

// logBuffer is a slog logger writing into a buffer, safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger { return slog.New(slog.NewTextHandler(l, nil)) }

func newConnector(t testing.TB, m *restapi.Mapping, opts restapi.Options) *restapi.Connector {
	t.Helper()
	if opts.HTTP.Retries == 0 {
		opts.HTTP = testHTTP
	}
	c, err := restapi.New(m, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func contains(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// metricVec sums every series of the named metric gathered from reg, as
// a collector testutil.ToFloat64 can read.
func metricVec(t testing.TB, reg *prometheus.Registry, name string) prometheus.Collector {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			sum += m.GetCounter().GetValue()
		}
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{Name: "sum"})
	g.Set(sum)
	return g
}

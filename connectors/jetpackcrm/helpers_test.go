package jetpackcrm

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/jetpackcrm/jetpacktest"
)

const (
	testKey    = "jpcrm_pk_0000000000000000000000000000000000test"
	testSecret = "jpcrm_sk_SECRETSECRETSECRETSECRETSECRETSECRET"
)

// capture is one recorded answer from the real CRM in testdata/.
type capture struct {
	status int
	header http.Header
	body   []byte
}

// readCapture parses testdata/<name>.http: the request, then the raw
// response after "### RESPONSE".
func readCapture(t testing.TB, name string) capture {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name+".http"))
	if err != nil {
		t.Fatal(err)
	}
	_, resp, ok := strings.Cut(string(raw), "### RESPONSE\n")
	if !ok {
		t.Fatalf("%s: no response section", name)
	}
	r, err := http.ReadResponse(bufio.NewReader(strings.NewReader(resp)), nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer r.Body.Close()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return capture{status: r.StatusCode, header: r.Header, body: body}
}

// replay starts a server that answers every request with the capture.
func replay(t *testing.T, name string) *Connector {
	t.Helper()
	c := readCapture(t, name)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range c.header {
			w.Header()[k] = v
		}
		w.WriteHeader(c.status)
		_, _ = w.Write(c.body)
	}))
	t.Cleanup(srv.Close)
	return newConnector(t, srv.URL, nil)
}

// captureNow is when the captures were recorded (2026-11-23 04:30 UTC).
var captureNow = time.Date(2026, 11, 23, 4, 30, 0, 0, time.UTC)

func newConnector(t testing.TB, url string, edit func(*Options)) *Connector {
	t.Helper()
	opts := Options{URL: url, APIKey: testKey, APISecret: testSecret, Retries: -1, Timeout: 5 * time.Second,
		Now: func() time.Time { return captureNow }}
	if edit != nil {
		edit(&opts)
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fake starts a jetpacktest server and a connector over it.
func fake(t testing.TB, edit func(*Options)) (*Connector, *jetpacktest.Server) {
	t.Helper()
	srv := jetpacktest.NewServer(testKey, testSecret)
	t.Cleanup(srv.Close)
	return newConnector(t, srv.URL, edit), srv
}

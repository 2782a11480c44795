package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckItems(t *testing.T) {
	tests := []struct {
		body    string
		items   int
		wantErr string
	}{
		{`{"items":[{"id":"1"},{"id":"2"}],"next_cursor":""}`, 2, ""},
		{`{"items":[]}`, 0, ""},
		{`{"items":null}`, 0, "no items array"},
		{`{"data":[]}`, 0, "no items array"},
		{`{"items":{}}`, 0, "no items array"},
		{`{"items":"[]"}`, 0, "no items array"},
		{`{"items":[1,}`, 0, "not JSON"},
		{`[1,2]`, 0, "not a JSON object"},
		{`{"items":[]} trailing`, 0, "not JSON"},
		{`<html>sign in</html>`, 0, "not JSON"},
		{``, 0, "not JSON"},
	}
	for _, tt := range tests {
		n, err := checkItems([]byte(tt.body))
		if tt.wantErr == "" {
			if err != nil || n != tt.items {
				t.Errorf("checkItems(%q) = %d, %v; want %d, nil", tt.body, n, err, tt.items)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("checkItems(%q) error = %v, want one containing %q", tt.body, err, tt.wantErr)
		}
	}
}

// countingServer answers with handler and counts requests.
func countingServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestLoadCountsSuccessesAndErrors(t *testing.T) {
	var i atomic.Int64
	srv, calls := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Cookie") != "s=1" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch i.Add(1) % 4 {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			_, _ = w.Write([]byte(`{"nope":1}`))
		default:
			_, _ = w.Write([]byte(`{"items":[{},{},{}]}`))
		}
	})
	cfg := LoadConfig{Workers: 4, Duration: time.Minute, MaxPerWorker: 25}
	r, err := Load(context.Background(), newClient(4, 5*time.Second), Target{Name: "t", URL: srv.URL, Cookies: []string{"s=1"}}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 100 {
		t.Fatalf("server saw %d requests, want 4 workers × 25 = 100", got)
	}
	if len(r.Latencies) != 50 || r.Errors != 50 {
		t.Errorf("successes %d, errors %d; want 50 and 50", len(r.Latencies), r.Errors)
	}
	if r.Items != 3 || r.Bytes != len(`{"items":[{},{},{}]}`) {
		t.Errorf("items %d, bytes %d", r.Items, r.Bytes)
	}
	joined := strings.Join(r.Samples, "\n")
	for _, want := range []string{"status 503", "no items array"} {
		if !strings.Contains(joined, want) {
			t.Errorf("error samples %q lack %q", r.Samples, want)
		}
	}
}

func TestLoadStopsAtDuration(t *testing.T) {
	srv, calls := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"items":[]}`))
	})
	cfg := LoadConfig{Workers: 2, Duration: 50 * time.Millisecond, MaxPerWorker: 1 << 30}
	r, err := Load(context.Background(), newClient(2, time.Second), Target{Name: "t", URL: srv.URL}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 || len(r.Latencies) == 0 || int64(len(r.Latencies)) > calls.Load() {
		t.Errorf("successes %d, errors %d, server calls %d", len(r.Latencies), r.Errors, calls.Load())
	}
}

func TestLoadStopsOnCancel(t *testing.T) {
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"items":[]}`))
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := LoadConfig{Workers: 2, Duration: time.Hour, MaxPerWorker: 1 << 30}
	r, err := Load(ctx, newClient(2, time.Second), Target{Name: "t", URL: srv.URL}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Latencies) != 0 || r.Errors != 0 {
		t.Errorf("a cancelled run sent requests: %d ok, %d errors", len(r.Latencies), r.Errors)
	}
}

func TestLoadCountsTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens any more
	cfg := LoadConfig{Workers: 1, Duration: time.Minute, MaxPerWorker: 3}
	r, err := Load(context.Background(), newClient(1, time.Second), Target{Name: "t", URL: url}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 3 || len(r.Samples) == 0 {
		t.Errorf("errors %d, samples %q; want 3 connection errors", r.Errors, r.Samples)
	}
}

func TestLoadRefusesBadInput(t *testing.T) {
	good := LoadConfig{Workers: 1, Duration: time.Second, MaxPerWorker: 1}
	tests := []struct {
		name string
		url  string
		cfg  LoadConfig
	}{
		{"remote host", "http://example.com/api/v1/invoices", good},
		{"localhost name", "http://localhost:1/x", good},
		{"https", "https://127.0.0.1:1/x", good},
		{"unparsable", "http://[::1", good},
		{"no workers", "http://127.0.0.1:1/x", LoadConfig{Duration: time.Second, MaxPerWorker: 1}},
		{"no duration", "http://127.0.0.1:1/x", LoadConfig{Workers: 1, MaxPerWorker: 1}},
		{"no requests", "http://127.0.0.1:1/x", LoadConfig{Workers: 1, Duration: time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(context.Background(), http.DefaultClient, Target{Name: "t", URL: tt.url}, tt.cfg); err == nil {
				t.Error("Load accepted it")
			}
		})
	}
}

func TestRedact(t *testing.T) {
	got := redact("http://u:p@127.0.0.1:1/auth/callback?code=secret&state=x#frag")
	if strings.Contains(got, "secret") || strings.Contains(got, "u:p") || got != "http://127.0.0.1:1/auth/callback" {
		t.Errorf("redact = %q", got)
	}
}

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseRSS(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"Name:\tclientgate\nVmPeak:\t  900 kB\nVmRSS:\t   24576 kB\nThreads: 9\n", 24576 * 1024, true},
		{"Name:\tx\n", 0, false},
		{"VmRSS:\t12 MB\n", 0, false},
		{"VmRSS:\tlots kB\n", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := parseRSS(strings.NewReader(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseRSS(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// script writes an executable shell script and returns its path.
func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fake-clientgate")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWaitReadyTimesOutWithLastBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "not ready: connector unreachable", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c, err := startServe(script(t, "echo starting; exec sleep 30"), nil, filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.stop()
	err = c.waitReady(context.Background(), srv.URL, 300*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "did not become ready in 300ms: status 503: not ready: connector unreachable") ||
		!strings.Contains(err.Error(), "starting") {
		t.Errorf("waitReady = %v", err)
	}
	c.stop()
	select {
	case <-c.done:
	default:
		t.Error("stop returned with the process still running")
	}
}

func TestWaitReadyNoticesExit(t *testing.T) {
	c, err := startServe(script(t, "echo 'config: auth.issuer: required' >&2; exit 2"), nil, filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.stop()
	err = c.waitReady(context.Background(), "http://127.0.0.1:1", time.Minute)
	if err == nil || !strings.Contains(err.Error(), "exited before it was ready") || !strings.Contains(err.Error(), "auth.issuer: required") {
		t.Errorf("waitReady = %v", err)
	}
}

func TestWaitReadySucceeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c, err := startServe(script(t, "exec sleep 30"), nil, filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.stop()
	if err := c.waitReady(context.Background(), srv.URL, time.Minute); err != nil {
		t.Fatal(err)
	}
	if rss, err := c.rss(); err != nil || rss <= 0 {
		t.Errorf("rss = %d, %v", rss, err)
	}
}

func TestChildEnvDropsClientgateVars(t *testing.T) {
	t.Setenv("CLIENTGATE_CACHE_ENABLED", "false")
	env := childEnv(map[string]string{"CLIENTGATE_LISTEN_ADDR": "127.0.0.1:1"})
	joined := strings.Join(env, "\n")
	if strings.Contains(joined, "CLIENTGATE_CACHE_ENABLED") || !strings.Contains(joined, "CLIENTGATE_LISTEN_ADDR=127.0.0.1:1") {
		t.Errorf("childEnv kept or lost a variable:\n%s", joined)
	}
}

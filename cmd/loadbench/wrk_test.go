package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLuaString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sid=abc", `"sid=abc"`},
		{`a="b"; c=d\e`, `"a=\"b\"; c=d\\e"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got, err := luaString(tt.in); err != nil || got != tt.want {
			t.Errorf("luaString(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"a\nb", "tab\t", "é", "\x7f"} {
		if _, err := luaString(bad); err == nil {
			t.Errorf("luaString(%q) accepted it", bad)
		}
	}
}

func TestWriteWrkScript(t *testing.T) {
	dir := t.TempDir()
	path, err := writeWrkScript(dir, Target{Name: "t", Cookies: []string{"s=1", `s="2"`}, Accept: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "cookies = {\"s=1\", \"s=\\\"2\\\"\"}\naccept = \"text/html\"\n") || !strings.Contains(string(raw), "function done(") {
		t.Errorf("script:\n%s", raw)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("script mode %v, %v; want 0600 (it holds cookies)", fi.Mode(), err)
	}
	if _, err := writeWrkScript(dir, Target{Name: "t", Cookies: []string{"a\nb"}}); err == nil {
		t.Error("a cookie with a newline was written into the script")
	}
}

func TestParseWrkOutput(t *testing.T) {
	good := "Running 1s test\n" + wrkMarker + `{"duration_us":2000000,"requests":1000,"bytes":5000000,"connect":0,"read":1,"write":0,"status":10,"timeout":2,"p50_us":1500,"p90_us":3000,"p99_us":9000,"max_us":20000}` + "\nRequests/sec: 500\n"
	s, err := parseWrkOutput([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	m := s.measurement()
	if m.Answers != 1000 || m.Errors != 13 || m.RPS != 495 || m.Elapsed != 2*time.Second || m.P50 != 1500*time.Microsecond ||
		m.P99 != 9*time.Millisecond || m.Max != 20*time.Millisecond || m.Bytes != 5000000 || len(m.Samples) != 2 {
		t.Errorf("measurement %+v", m)
	}
	for _, bad := range []string{
		"Running 1s test\nRequests/sec: 500\n",
		wrkMarker + "{not json}\n",
		wrkMarker + `{"duration_us":0,"requests":1}` + "\n",
		wrkMarker + `{"duration_us":10,"requests":1,"status":2}` + "\n",
	} {
		if _, err := parseWrkOutput([]byte(bad)); err == nil {
			t.Errorf("parseWrkOutput(%q) accepted it", bad)
		}
	}
}

func TestFindWrkMissing(t *testing.T) {
	if _, err := findWrk("/nonexistent/wrk"); err == nil || !strings.Contains(err.Error(), "apt-get install wrk") {
		t.Errorf("findWrk = %v", err)
	}
}

// wrkPath returns Debian's wrk, skipping the test without it unless CI
// is set (.ci/run installs it).
func wrkPath(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("wrk")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("wrk is not installed (CI installs Debian's wrk package): %v", err)
		}
		t.Skip("wrk not installed (apt-get install wrk)")
	}
	return path
}

// TestWrkAgainstServer runs the real wrk with loadbench's script: cookies
// rotate, the Accept header is sent, answers of status 500 count as
// errors, and the summary line is read.
func TestWrkAgainstServer(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Header.Get("Cookie")]++
		mu.Unlock()
		if r.Header.Get("Accept") != "text/html" || r.Host == "" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if r.Header.Get("Cookie") == "sid=bad" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		_, _ = w.Write([]byte("<html><table><tbody><tr><td>1</td></tr></tbody></table></html>"))
	}))
	defer srv.Close()
	g := &wrkGenerator{path: wrkPath(t), threads: 2, conns: 4, timeout: 5 * time.Second, dir: t.TempDir()}
	tgt := Target{Name: "t", URL: srv.URL + "/page", Accept: "text/html", Cookies: []string{"sid=1", "sid=2", "sid=bad"}}
	m, err := g.Run(context.Background(), tgt, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if seen["sid=1"] == 0 || seen["sid=2"] == 0 || seen["sid=bad"] == 0 || len(seen) != 3 {
		t.Errorf("cookies seen by the server: %v", seen)
	}
	bad := seen["sid=bad"]
	if m.Answers == 0 || m.Errors == 0 || m.Errors > bad || m.Errors < bad/2 || m.RPS <= 0 || m.GenCPU <= 0 || m.Bytes <= 0 {
		t.Errorf("measurement %+v; the server answered %d errors of %v", m, bad, seen)
	}
	if _, err := g.Run(context.Background(), Target{Name: "t", URL: "http://example.com/"}, time.Second); err == nil {
		t.Error("wrk was pointed at a host other than 127.0.0.1")
	}
}

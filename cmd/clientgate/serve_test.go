package main

import (
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// get fetches url and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestServeHealthReadyAndGracefulStop(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	env := append(baseEnv(t), "CLIENTGATE_LOG_LEVEL=debug")
	p, addrs := startBinary(t, env, true, "serve", "--config", cfg)
	if addrs["metrics"] == "" {
		t.Fatalf("no metrics listener logged:\n%s", p.output())
	}
	waitReady(t, "http://"+addrs["portal"]) // sign-in discovery runs in the background
	for _, c := range []struct {
		url  string
		want string
	}{
		{"http://" + addrs["portal"] + "/healthz", "ok"},
		{"http://" + addrs["portal"] + "/readyz", "ready"},
		{"http://" + addrs["metrics"] + "/metrics", "go_goroutines"},
	} {
		if code, body := get(t, c.url); code != http.StatusOK || !strings.Contains(body, c.want) {
			t.Errorf("GET %s = %d %q", c.url, code, body)
		}
	}
	if started := p.logged("starting"); started == nil || started["version"] != testVersion || started["connector"] != "sqlstore" {
		t.Errorf("no starting line with version and connector: %v", started)
	}
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code after SIGTERM %d, want 0:\n%s", code, p.output())
	}
	if p.logged("shutting down") == nil || p.logged("stopped") == nil {
		t.Errorf("no graceful shutdown in the log:\n%s", p.output())
	}
	checkNoPanic(t, p.output())
	if _, err := os.Stat(filepath.Join(dir, "data", "clientgate.db")); err != nil {
		t.Errorf("the SQLite database was not created in data_dir: %v", err)
	}
}

func TestServeFromEnvironmentAlone(t *testing.T) {
	dir := t.TempDir()
	env := append(baseEnv(t),
		"CLIENTGATE_LISTEN_ADDR=127.0.0.1:0", "CLIENTGATE_METRICS_ADDR=",
		"CLIENTGATE_DATA_DIR="+filepath.Join(dir, "data"),
		"CLIENTGATE_AUTH_ISSUER="+testIssuer(t), "CLIENTGATE_AUTH_CLIENT_ID=portal",
		"CLIENTGATE_AUTH_REDIRECT_URL=https://p.example.com/auth/callback",
		"CLIENTGATE_AUTH_SESSION_KEYS_FILE="+writeFile(t, dir, "keys", sessionKey+"\n"),
		"CLIENTGATE_PORT=tcp://10.0.0.1:80")
	p, addrs := startBinary(t, env, false, "serve")
	if code, _ := get(t, "http://"+addrs["portal"]+"/healthz"); code != http.StatusOK {
		t.Errorf("healthz = %d", code)
	}
	if w := p.logged("environment variable sets no configuration key; ignored"); w == nil || w["name"] != "CLIENTGATE_PORT" {
		t.Errorf("no warning naming CLIENTGATE_PORT:\n%s", p.output())
	}
	if strings.Contains(p.output(), "10.0.0.1") || strings.Contains(p.output(), "MDEyMzQ1") {
		t.Errorf("a variable's value was logged:\n%s", p.output())
	}
	if code := p.stop(t, syscall.SIGINT); code != 0 {
		t.Errorf("exit code after SIGINT %d", code)
	}
	if strings.Contains(p.output(), `"server":"metrics"`) {
		t.Errorf("metrics listener started although metrics.addr is empty:\n%s", p.output())
	}
}

func TestServeFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"no auth", []string{"CLIENTGATE_AUTH_ISSUER="}, "auth.issuer: required"},
		{"unreachable postgres", []string{"CLIENTGATE_DATABASE_DSN=postgres://postgres@127.0.0.1:1/x"}, "cannot reach postgres at 127.0.0.1:1"},
		{"port taken", []string{"CLIENTGATE_LISTEN_ADDR=" + taken.Addr().String()}, "portal listener: listen tcp " + taken.Addr().String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, append(baseEnv(t), tt.env...), "serve", "--config", cfg)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("code %d, stderr:\n%s", r.code, r.stderr)
			}
		})
	}
}

package main

import (
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestDemoServesAndCleansUp(t *testing.T) {
	env := baseEnv(t)
	p, addrs := startBinary(t, env, false, "demo", "--addr", "127.0.0.1:0")
	if code, body := get(t, "http://"+addrs["portal"]+"/healthz"); code != http.StatusOK {
		t.Errorf("healthz = %d %q", code, body)
	}
	waitReady(t, "http://"+addrs["portal"]) // the store answers and the demo provider was discovered
	imported := p.logged("demo data imported")
	if imported == nil || !strings.Contains(imported["summary"].(string), "4 contacts") {
		t.Errorf("no import summary logged:\n%s", p.output())
	}
	demo := p.logged("demo")
	if demo == nil {
		t.Fatalf("no data_dir logged:\n%s", p.output())
	}
	dir := demo["data_dir"].(string)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("demo data dir: %v", err)
	}
	if code := p.stop(t, syscall.SIGINT); code != 0 {
		t.Errorf("exit code %d:\n%s", code, p.output())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("temporary demo dir %s is left behind: %v", dir, err)
	}
}

func TestDemoKeepsItsDataDir(t *testing.T) {
	dir := t.TempDir()
	for run := 1; run <= 2; run++ {
		p, _ := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0", "--data", dir)
		again := p.logged("demo data already present; not importing again") != nil
		if again != (run == 2) {
			t.Errorf("run %d: imported again = %v\n%s", run, !again, p.output())
		}
		if code := p.stop(t, syscall.SIGTERM); code != 0 {
			t.Errorf("run %d: exit code %d", run, code)
		}
	}
	if _, err := os.Stat(dir + "/clientgate.db"); err != nil {
		t.Errorf("--data dir lost its database: %v", err)
	}
}

func TestDemoRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:8080", "example.com:80", "nonsense"} {
		r := runBinary(t, baseEnv(t), "demo", "--addr", addr)
		if r.code != 2 || !strings.Contains(r.stderr, "--addr") {
			t.Errorf("demo --addr %s: code %d, stderr %q", addr, r.code, r.stderr)
		}
	}
}

package main

import (
	"context"
	"net"
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

// TestDemoFromAnotherMachine serves the demo under a public name this
// machine cannot resolve (as a phone on the network would use an address
// the server never dials itself): the portal and the development sign-in
// answer on that one address, sign-in works over plain HTTP, and a person
// without a contact sees the refusal in the portal's layout.
func TestDemoFromAnotherMachine(t *testing.T) {
	addr := freeAddr(t)
	_, port, _ := net.SplitHostPort(addr)
	public := "http://portal.demo.invalid:" + port
	startBinary(t, baseEnv(t), false, "demo", "--addr", addr, "--public-url", public)
	waitReady(t, "http://"+addr)
	pc := newPortalClient(t, addr)
	pc.base = public
	dialer := &net.Dialer{}
	pc.c.Transport = &http.Transport{DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
		if a == "portal.demo.invalid:"+port {
			a = addr
		}
		return dialer.DialContext(ctx, network, a)
	}}
	resp, page := pc.signIn("priya@brightside.example")
	if resp.StatusCode != http.StatusOK || resp.Request.URL.String() != public+"/clients/" || !strings.Contains(page, "Priya Nair") {
		t.Fatalf("sign-in through %s: %d at %s\n%s", public, resp.StatusCode, resp.Request.URL, page)
	}
	for _, c := range pc.c.Jar.Cookies(resp.Request.URL) {
		if strings.HasPrefix(c.Name, "__Host-") {
			t.Errorf("cookie %s needs HTTPS, which the demo on a plain-HTTP address lacks", c.Name)
		}
	}
	stranger := newPortalClient(t, addr)
	stranger.base, stranger.c.Transport = public, pc.c.Transport
	resp, page = stranger.signIn("newcomer@example.test")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(resp.Request.URL.Path, "/auth/problem") ||
		!strings.Contains(page, "There is no portal access for newcomer@example.test") ||
		!strings.Contains(page, "hello@demo-studio.example") || !strings.Contains(page, `<link rel="stylesheet" href="/clients/static/style.css">`) {
		t.Errorf("refusal: %d at %s\n%s", resp.StatusCode, resp.Request.URL, page)
	}
	if again, page2 := stranger.get(resp.Request.URL.RequestURI()); again.StatusCode != http.StatusForbidden ||
		!strings.Contains(page2, "There is no portal access for newcomer@example.test") {
		t.Errorf("reloading the refusal: %d\n%s", again.StatusCode, page2)
	}
}

func TestDemoAddressNeedsPublicURL(t *testing.T) {
	r := runBinary(t, baseEnv(t), "demo", "--addr", "0.0.0.0:0")
	if r.code != 2 || !strings.Contains(r.stderr, "--public-url") {
		t.Errorf("non-loopback without --public-url: code %d, %q", r.code, r.stderr)
	}
	r = runBinary(t, baseEnv(t), "demo", "--addr", "0.0.0.0:0", "--public-url", "ftp://x")
	if r.code != 2 || !strings.Contains(r.stderr, "must be an http(s) origin") {
		t.Errorf("bad --public-url: code %d, %q", r.code, r.stderr)
	}
}

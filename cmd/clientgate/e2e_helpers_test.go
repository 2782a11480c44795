package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/auth/devoidc"
)

// freeAddr returns a loopback address with a port free right now, for a
// portal whose callback URL the provider must know before it starts.
func freeAddr(t testing.TB) string {
	t.Helper()
	handedOut.Lock()
	defer handedOut.Unlock()
	for {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		// The kernel may hand a port just closed out again; two addresses
		// of one test (portal and metrics) must differ.
		if !handedOut.ports[port] {
			handedOut.ports[port] = true
			return "127.0.0.1:" + strconv.Itoa(port)
		}
	}
}

// handedOut remembers the ports freeAddr gave this test binary.
var handedOut = struct {
	sync.Mutex
	ports map[int]bool
}{ports: map[int]bool{}}

// startProviderFor runs a development provider for the portals (one or
// several replicas) at addrs with the given people, for the test's
// lifetime.
func startProviderFor(t testing.TB, addrs []string, people ...devoidc.Person) *devoidc.Provider {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var callbacks, homes []string
	for _, addr := range addrs {
		callbacks = append(callbacks, "http://"+addr+"/auth/callback")
		homes = append(homes, "http://"+addr+"/clients/")
	}
	op, err := devoidc.Start(ctx, "127.0.0.1:0", "portal", "portal-secret", callbacks, people,
		devoidc.WithPostLogoutRedirectURLs(homes...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(op.Close)
	return op
}

// authYAML is the auth section of a portal at addr signing in with op.
func authYAML(op *devoidc.Provider, addr string) string {
	return `auth:
  issuer: ` + op.Issuer() + `
  client_id: portal
  client_secret: portal-secret
  redirect_url: http://` + addr + `/auth/callback
  session_keys: [` + sessionKey + `]
`
}

// portalClient is a cookie-keeping HTTP client, like a browser.
type portalClient struct {
	t    testing.TB
	base string
	c    *http.Client
}

func newPortalClient(t testing.TB, addr string) *portalClient {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &portalClient{t: t, base: "http://" + addr, c: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// do sends a request and returns the answer with its body read.
func (p *portalClient) do(req *http.Request) (*http.Response, string) {
	p.t.Helper()
	resp, err := p.c.Do(req)
	if err != nil {
		p.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp, string(body)
}

func (p *portalClient) get(path string) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodGet, p.base+path, nil)
	if err != nil {
		p.t.Fatal(err)
	}
	return p.do(req)
}

// subjectOf finds, in the provider's picker, the subject of the person
// whose email fills %s.
var subjectOf = `<input type="hidden" name="sub" value="([^"]+)">\s*<button type="submit"><span class="name">[^<]*</span><span class="email">&lt;%s&gt;`

// signIn runs the whole code flow through the provider's picker as the
// person with email, and returns the page the portal lands on.
func (p *portalClient) signIn(email string) (*http.Response, string) {
	p.t.Helper()
	resp, page := p.get("/auth/login?next=%2Fclients%2F")
	if resp.StatusCode != http.StatusOK || !strings.HasSuffix(resp.Request.URL.Path, "/login") {
		p.t.Fatalf("sign-in did not reach the provider's picker: %d %s\n%s", resp.StatusCode, resp.Request.URL, page)
	}
	m := regexp.MustCompile(fmt.Sprintf(subjectOf, regexp.QuoteMeta(email))).FindStringSubmatch(page)
	if m == nil {
		p.t.Fatalf("the picker does not list %s:\n%s", email, page)
	}
	form := url.Values{"id": {resp.Request.URL.Query().Get("id")}, "sub": {m[1]}}
	picker := *resp.Request.URL
	picker.RawQuery = ""
	return p.do(mustForm(p.t, picker.String(), form))
}

func mustForm(t testing.TB, target string, form url.Values) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// waitReady polls /readyz until it answers 200, for at most 30 seconds.
func waitReady(t testing.TB, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/readyz did not answer 200 within 30s (last error %v)", base, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

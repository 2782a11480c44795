package auth_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/auth"
	"clientgate/connectors/bridge"
)

const (
	sessionCookie  = "clientgate_session" // plain-HTTP loopback: no __Host- prefix
	flowCookieName = "clientgate_flow"
)

// principalOf fetches /clients/me (or the API variant) and decodes it.
func principalOf(t *testing.T, b *browser, path string) auth.Principal {
	t.Helper()
	resp := b.get(b.e.url(path))
	text := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, text)
	}
	var p auth.Principal
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		t.Fatalf("decode principal: %v", err)
	}
	return p
}

func TestSignInEndToEnd(t *testing.T) {
	e := newEnv(t)
	ca, cb := e.addContact("alice@example.com"), e.addContact("bob@example.com")

	b := e.browser()
	resp := b.signIn("/clients", alice, "/clients/me?tab=1")
	if got := b.expectRedirect(resp); got != e.url("/clients/me?tab=1") {
		t.Fatalf("after sign-in redirected to %q", got)
	}
	c := b.cookie(sessionCookie)
	if c == nil {
		t.Fatal("no session cookie")
	}
	if len(c.Value) > 3000 {
		t.Errorf("session cookie is %d bytes", len(c.Value))
	}
	p := principalOf(t, b, "/clients/me")
	want := bridge.Identity{Issuer: e.op.Issuer(), Subject: alice.Subject}
	if p.ContactID != ca.ID || p.Identity != want || p.Email != alice.Email || p.Name != alice.Name || p.Bearer {
		t.Errorf("principal = %+v, want contact %s identity %+v", p, ca.ID, want)
	}
	if len(p.CSRFToken) < 32 {
		t.Errorf("CSRF token %q too short", p.CSRFToken)
	}
	if api := principalOf(t, b, "/clients/api/me"); api.ContactID != ca.ID || api.CSRFToken != p.CSRFToken {
		t.Errorf("API principal = %+v", api)
	}
	l, err := e.br.LinkFor(t.Context(), want)
	if err != nil || l.ContactID != ca.ID || l.Via != bridge.ViaEmail {
		t.Errorf("stored link = %+v, %v", l, err)
	}
	if e.outcomes.last() != auth.OutcomeSuccess {
		t.Errorf("outcome = %q", e.outcomes.last())
	}

	other := e.browser()
	other.expectRedirect(other.signIn("/clients", bob, "/clients/me"))
	if p := principalOf(t, other, "/clients/me"); p.ContactID != cb.ID || p.Email != bob.Email {
		t.Errorf("bob's principal = %+v, want contact %s", p, cb.ID)
	}
	if p := principalOf(t, b, "/clients/me"); p.ContactID != ca.ID {
		t.Errorf("alice now sees contact %s", p.ContactID)
	}
	// Nothing secret reaches the logs.
	logs := e.logs.String()
	if strings.Contains(logs, c.Value) || strings.Contains(logs, "eyJ") || strings.Contains(logs, p.CSRFToken) {
		t.Errorf("logs hold a cookie or token:\n%s", logs)
	}
}

func TestSessionCookieAttributes(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	resp := b.signIn("/clients", alice, "")
	defer resp.Body.Close()
	var found bool
	for _, c := range resp.Cookies() {
		if c.Name != sessionCookie {
			continue
		}
		found = true
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" || c.MaxAge <= 0 {
			t.Errorf("cookie attributes: %+v", c)
		}
	}
	if !found {
		t.Fatal("callback set no session cookie")
	}
	if loc, _ := resp.Location(); loc.Path != "/clients/" {
		t.Errorf("default next = %q, want /clients/", loc)
	}
}

func TestLoginRedirectUsesPKCEStateNonce(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	loc := b.authorizeURL("/clients", "/clients/me")
	if !strings.HasPrefix(loc, e.op.Issuer()+"/authorize?") {
		t.Fatalf("login redirects to %q", loc)
	}
	for name, want := range map[string]string{
		"code_challenge_method": "S256", "response_type": "code", "client_id": clientID,
		"scope": "openid email profile", "redirect_uri": e.url("/auth/callback"),
	} {
		if got := query(t, loc, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"state", "nonce", "code_challenge"} {
		if len(query(t, loc, name)) < 40 {
			t.Errorf("%s = %q, want a long random value", name, query(t, loc, name))
		}
	}
	if b.cookie("clientgate_flow") == nil {
		t.Error("no flow cookie")
	}
	second := e.browser().authorizeURL("/clients", "")
	if query(t, second, "state") == query(t, loc, "state") || query(t, second, "nonce") == query(t, loc, "nonce") {
		t.Error("state or nonce repeat between sign-ins")
	}
}

func TestUnauthenticatedRequests(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	loc := b.expectRedirect(b.get(e.url("/clients/me?x=1")))
	if want := e.url("/auth/login?next=" + url.QueryEscape("/clients/me?x=1")); loc != want {
		t.Errorf("Location = %q, want %q", loc, want)
	}
	resp := b.get(e.url("/clients/api/me"))
	text := body(t, resp)
	if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("API: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	contains(t, text, `"type":"urn:clientgate:problem:unauthenticated"`)
	if h := resp.Header.Get("WWW-Authenticate"); h != `Bearer realm="clientgate"` {
		t.Errorf("WWW-Authenticate = %q", h)
	}
}

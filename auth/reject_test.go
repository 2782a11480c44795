package auth_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/auth"
)

// expectPage checks a message page's status and text, that no session
// started, and the outcome reported. A failed callback redirects to the
// page's own address (/auth/problem?p=…), which is followed, and loaded a
// second time to check that reloading shows the same page.
func expectPage(t *testing.T, e *env, b *browser, resp *http.Response, status int, text, outcome string) string {
	t.Helper()
	if resp.StatusCode == http.StatusSeeOther {
		loc := b.expectRedirect(resp)
		if !strings.Contains(loc, "/auth/problem?p=") {
			t.Fatalf("redirected to %q, not to a problem page", loc)
		}
		again := b.get(loc)
		first := body(t, again)
		resp = b.get(loc)
		defer func() {
			if page := body(t, b.get(loc)); page != first {
				t.Errorf("reloading the problem page shows another page:\n%s\nthen\n%s", first, page)
			}
		}()
	}
	page := body(t, resp)
	if resp.StatusCode != status {
		t.Errorf("status %d, want %d: %s", resp.StatusCode, status, page)
	}
	contains(t, page, text)
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if b.cookie(sessionCookie) != nil {
		t.Error("a session cookie was set")
	}
	if outcome != "" && e.outcomes.last() != outcome {
		t.Errorf("outcome = %q, want %q", e.outcomes.last(), outcome)
	}
	return page
}

// withQuery returns u with one query parameter replaced.
func withQuery(t *testing.T, u, name, value string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Query()
	q.Set(name, value)
	p.RawQuery = q.Encode()
	return p.String()
}

func TestCallbackWrongState(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	cb := b.choose(b.authorizeURL("/clients", ""), alice)
	resp := b.get(withQuery(t, cb, "state", "forged"))
	expectPage(t, e, b, resp, http.StatusBadRequest, "Sign-in expired", auth.OutcomeBadFlow)
}

func TestCallbackWithoutFlowCookie(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	cb := b.choose(b.authorizeURL("/clients", ""), alice)
	other := e.browser() // the callback arrives in a browser that never started sign-in
	expectPage(t, e, other, other.get(cb), http.StatusBadRequest, "Sign-in expired", auth.OutcomeBadFlow)
}

func TestCallbackReplayedCode(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	cb := b.choose(b.authorizeURL("/clients", ""), alice)
	flowCookie := b.cookie("clientgate_flow").Value
	b.expectRedirect(b.get(cb)) // first use signs in

	thief := e.browser()
	thief.setCookie("clientgate_flow", flowCookie) // even with the flow cookie
	expectPage(t, e, thief, thief.get(cb), http.StatusBadGateway, "Sign-in failed", auth.OutcomeExchangeFailed)
}

func TestCallbackWrongNonce(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	authorize := withQuery(t, b.authorizeURL("/clients", ""), "nonce", "injected-nonce")
	resp := b.get(b.choose(authorize, alice))
	expectPage(t, e, b, resp, http.StatusBadRequest, "could not be verified", auth.OutcomeInvalidToken)
}

func TestCallbackProviderError(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	authorize := b.authorizeURL("/clients", "/clients/me")
	loginPage := b.expectRedirect(b.get(authorize))
	form := url.Values{"id": {query(t, loginPage, "id")}, "cancel": {"1"}}
	cb := b.expectRedirect(b.post(e.op.Issuer()+"/login", form, nil))
	if query(t, cb, "error") != "access_denied" {
		t.Fatalf("provider answered %q", cb)
	}
	page := expectPage(t, e, b, b.get(cb), http.StatusForbidden, "did not complete your sign-in", auth.OutcomeProviderError)
	contains(t, page, `href="/auth/login?next=%2Fclients%2Fme"`)
}

func TestOpenRedirectAttempts(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	for _, next := range []string{
		"//evil.example", "https://evil.example/", `/\evil.example`, "/%2F/evil.example",
		"%2F%2Fevil.example", "/%5Cevil.example", "/clients/../evil", "javascript:alert(1)",
		"/elsewhere", " /clients/me", "/clients/me\r\nX: y",
	} {
		t.Run(next, func(t *testing.T) {
			b := e.browser()
			if got := b.expectRedirect(b.signIn("/clients", alice, next)); got != e.url("/clients/") {
				t.Errorf("next %q led to %q, want the portal home", next, got)
			}
		})
	}
}

func TestTamperedCookieIsSignedOut(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	principalOf(t, b, "/clients/me") // the untouched cookie works
	v := []byte(b.cookie(sessionCookie).Value)
	i := len(v) / 2
	v[i] = map[bool]byte{true: 'A', false: 'B'}[v[i] != 'A']
	b.setCookie(sessionCookie, string(v))
	loc := b.expectRedirect(b.get(e.url("/clients/me")))
	if !strings.HasPrefix(loc, e.url("/auth/login?next=")) {
		t.Errorf("tampered cookie led to %q", loc)
	}
	resp := b.get(e.url("/clients/api/me"))
	body(t, resp)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("API with tampered cookie: %d", resp.StatusCode)
	}
	b.setCookie(sessionCookie, "not base64 at all!")
	b.expectRedirect(b.get(e.url("/clients/me")))
}

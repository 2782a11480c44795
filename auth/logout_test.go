package auth_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestLogout(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	p := principalOf(t, b, "/clients/me")

	for name, form := range map[string]url.Values{"no token": {}, "wrong token": {"csrf_token": {"x" + p.CSRFToken}}} {
		resp := b.post(e.url("/auth/logout"), form, nil)
		page := body(t, resp)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(page, "Sign-out not confirmed") {
			t.Errorf("%s: %d %s", name, resp.StatusCode, page)
		}
		principalOf(t, b, "/clients/me") // still signed in
	}

	resp := b.post(e.url("/auth/logout"), url.Values{"csrf_token": {p.CSRFToken}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout status %d", resp.StatusCode)
	}
	loc := b.expectRedirect(resp)
	if !strings.HasPrefix(loc, e.op.Issuer()+"/end_session?") {
		t.Fatalf("logout redirects to %q", loc)
	}
	if query(t, loc, "id_token_hint") == "" || query(t, loc, "client_id") != clientID ||
		query(t, loc, "post_logout_redirect_uri") != e.url("/clients/") {
		t.Errorf("end_session parameters: %s", loc)
	}
	if b.cookie(sessionCookie) != nil {
		t.Error("session cookie survives logout")
	}
	// The provider accepts the hint and sends the browser back to the portal.
	if back := b.expectRedirect(b.get(loc)); back != e.url("/clients/") {
		t.Errorf("provider sent the browser to %q", back)
	}
	if loc := b.expectRedirect(b.get(e.url("/clients/me"))); !strings.HasPrefix(loc, e.url("/auth/login")) {
		t.Errorf("after logout /clients/me redirects to %q", loc)
	}
}

func TestLogoutWithHeaderToken(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	p := principalOf(t, b, "/clients/me")
	resp := b.post(e.url("/auth/logout"), nil, http.Header{"X-Csrf-Token": {p.CSRFToken}})
	if loc := b.expectRedirect(resp); !strings.Contains(loc, "/end_session?") {
		t.Errorf("logout redirects to %q", loc)
	}
}

func TestLogoutWithoutSession(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	if loc := b.expectRedirect(b.post(e.url("/auth/logout"), nil, nil)); loc != e.url("/clients/") {
		t.Errorf("Location = %q", loc)
	}
}

// TestKeyRotation: session keys now seal only the sign-in flow cookie
// (sessions live in the store, the cookie holds a random secret), so a
// session survives any rotation, while a sign-in in flight needs a key
// that opens its flow cookie.
func TestKeyRotation(t *testing.T) {
	e := newEnv(t,
		&site{base: "/old", keys: [][]byte{key1}},
		&site{base: "/rotated", keys: [][]byte{key2, key1}},
		&site{base: "/new", keys: [][]byte{key2}},
	)
	e.addContact(alice.Email)

	b := e.browser()
	b.expectRedirect(b.signIn("/old", alice, "/old/me"))
	principalOf(t, b, "/rotated/me")
	principalOf(t, b, "/new/me")

	flow := func(start, finish string) *http.Response {
		b := e.browser()
		loc := b.expectRedirect(b.get(e.url(start + "/auth/login")))
		flowCookie := b.cookie(flowCookieName)
		if flowCookie == nil {
			t.Fatal("no flow cookie")
		}
		u, _ := url.Parse(loc)
		resp := b.get(e.url(finish + "/auth/callback?state=" + url.QueryEscape(u.Query().Get("state")) + "&code=x"))
		if resp.StatusCode == http.StatusSeeOther { // a refusal's stable problem page
			resp = b.get(b.expectRedirect(resp))
		}
		return resp
	}
	if resp := flow("/old", "/new"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body(t, resp), "Sign-in expired") {
		t.Errorf("a key-1 flow cookie was opened by a key-2-only site: %d", resp.StatusCode)
	}
	if resp := flow("/old", "/rotated"); strings.Contains(body(t, resp), "Sign-in expired") {
		t.Error("the rotated site did not open a key-1 flow cookie")
	}
}

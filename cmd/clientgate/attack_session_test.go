package main

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/config"
	"clientgate/connectors/bridge"
)

// sessionCookieOf returns pc's session cookie value.
func sessionCookieOf(t *testing.T, pc *portalClient) string {
	t.Helper()
	u, _ := url.Parse(pc.base + "/")
	for _, c := range pc.c.Jar.Cookies(u) {
		if c.Name == "clientgate_session" {
			return c.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

// opens reports whether a copied session cookie still opens the dashboard
// or the API, from a browser that never signed in.
func (e *attackEnv) opens(cookie string) bool {
	e.t.Helper()
	h := http.Header{"Cookie": {"clientgate_session=" + cookie}}
	page, _ := e.send(nil, http.MethodGet, "/clients/", nil, h)
	api, _ := e.send(nil, http.MethodGet, "/api/v1/me", nil, h)
	if page.StatusCode >= 500 || api.StatusCode >= 500 {
		e.t.Errorf("a dead session answered %d / %d", page.StatusCode, api.StatusCode)
	}
	return page.StatusCode == http.StatusOK || api.StatusCode == http.StatusOK
}

// TestAttackSessionTheft: after sign-out, the provider's back-channel
// logout, an operator's revocation or portal access switched off, no copy
// of the session cookie, nor the ID token the session held, opens
// anything.
func TestAttackSessionTheft(t *testing.T) {
	e := startAttackEnv(t, func(c *config.Config) { c.Auth.SessionCacheTTL, c.Auth.RecheckInterval = 0, 0 })
	ctx := context.Background()
	steal := func() (*portalClient, string) {
		pc := e.client(zoe)
		cookie := sessionCookieOf(t, pc)
		if !e.opens(cookie) {
			t.Fatal("a copy of a live cookie does not work")
		}
		return pc, cookie
	}
	t.Run("sign-out", func(t *testing.T) {
		pc, cookie := steal()
		list, _ := e.store.Sessions(ctx, bridge.SessionFilter{ContactID: e.ids[zoe]})
		idToken := list[0].IDToken
		body, h := form(url.Values{"csrf_token": {e.csrf(pc)}})
		if resp, _ := e.send(pc, http.MethodPost, "/auth/logout", body, h); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-out: %d", resp.StatusCode)
		}
		if e.opens(cookie) {
			t.Error("the cookie works after sign-out")
		}
		if resp, _ := e.send(nil, http.MethodGet, "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + idToken}}); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("the ID token works as a bearer after sign-out: %d", resp.StatusCode)
		}
	})
	t.Run("back-channel logout", func(t *testing.T) {
		_, cookie := steal()
		list, _ := e.store.Sessions(ctx, bridge.SessionFilter{ContactID: e.ids[zoe]})
		tok, _ := e.op.SignLogoutToken(e.op.LogoutClaims(personOf(zoe), list[0].SID))
		if status, err := postLogoutToken(e, tok); err != nil || status != http.StatusOK {
			t.Fatalf("logout token: %d %v", status, err)
		}
		if e.opens(cookie) {
			t.Error("the cookie works after the provider's back-channel logout")
		}
	})
	t.Run("operator revocation", func(t *testing.T) {
		_, cookie := steal()
		if _, err := e.store.DeleteSessions(ctx, bridge.SessionFilter{Email: strings.ToUpper(zoe)}); err != nil {
			t.Fatal(err)
		}
		if e.opens(cookie) {
			t.Error("the cookie works after `sessions revoke --email`")
		}
	})
	t.Run("portal access off", func(t *testing.T) {
		_, cookie := steal()
		set := bridge.ContactSettings{ContactID: e.ids[zoe], PortalDisabled: true}
		if err := e.store.SaveContactSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		if e.opens(cookie) {
			t.Error("the cookie works with portal access off")
		}
		set.PortalDisabled = false
		if err := e.store.SaveContactSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		if e.opens(cookie) {
			t.Error("the cookie works again once access is back on: the session should have ended")
		}
	})
	t.Run("forged and old-style cookies", func(t *testing.T) {
		for _, v := range []string{"", "x", strings.Repeat("A", 43), strings.Repeat("%00", 20),
			"eyJpc3MiOiJodHRwIn0", strings.Repeat("Q", 3000)} {
			if e.opens(v) {
				t.Errorf("cookie %q opens the portal", v)
			}
		}
	})
}

package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/bridge"
)

// signedIn signs alice in with a new browser and returns it with its
// cookie and the provider session ID its session recorded.
func signedIn(t *testing.T, e *env) (*browser, string, string) {
	t.Helper()
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	principalOf(t, b, "/clients/me")
	cookie := b.cookie(sessionCookie).Value
	list, err := e.br.Sessions(t.Context(), bridge.SessionFilter{All: true})
	if err != nil || len(list) == 0 {
		t.Fatalf("sessions = %v, %v", list, err)
	}
	return b, cookie, list[0].SID
}

// postLogout sends a logout token and returns the status.
func postLogout(t *testing.T, e *env, token string) int {
	t.Helper()
	status, err := devoidc.PostLogoutToken(context.Background(), e.url("/auth/backchannel-logout"), token)
	if err != nil {
		t.Fatal(err)
	}
	return status
}

func TestBackChannelLogoutEndsTheSession(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	_, keep, _ := signedIn(t, e)
	_, cookie, sid := signedIn(t, e)
	if sid == "" || !slices.Contains(e.op.SIDs(alice), sid) || len(e.op.SIDs(alice)) != 2 {
		t.Fatalf("session sid %q, provider sessions %v", sid, e.op.SIDs(alice))
	}
	tok, err := e.op.SignLogoutToken(e.op.LogoutClaims(alice, sid))
	if err != nil {
		t.Fatal(err)
	}
	if status := postLogout(t, e, tok); status != http.StatusOK {
		t.Fatalf("logout token answered %d", status)
	}
	if page, api := stolen(t, e, "/clients", cookie); page || api {
		t.Errorf("the logged-out session still works: page %v, api %v", page, api)
	}
	if page, _ := stolen(t, e, "/clients", keep); !page {
		t.Error("a logout token for one sid ended another provider session")
	}
	if status := postLogout(t, e, tok); status != http.StatusBadRequest {
		t.Errorf("a replayed logout token answered %d, want 400", status)
	}
	bySub, _ := e.op.SignLogoutToken(e.op.LogoutClaims(alice, ""))
	if status := postLogout(t, e, bySub); status != http.StatusOK {
		t.Fatalf("logout token by sub answered %d", status)
	}
	if page, _ := stolen(t, e, "/clients", keep); page {
		t.Error("a logout token for the subject left a session")
	}
}

// TestProviderSignOutEndsEverySession: signing out in one browser ends the
// provider's sessions, and the provider's back-channel logout ends the
// person's sessions in every other browser.
func TestProviderSignOutEndsEverySession(t *testing.T) {
	e := newEnvWith(t, func(public string) []devoidc.Option {
		return []devoidc.Option{devoidc.WithBackChannelLogoutURL(public + "/auth/backchannel-logout")}
	})
	e.addContact(alice.Email)
	_, other, _ := signedIn(t, e)
	b, _, _ := signedIn(t, e)
	p := principalOf(t, b, "/clients/me")
	loc := b.expectRedirect(b.post(e.url("/auth/logout"), url.Values{"csrf_token": {p.CSRFToken}}, nil))
	b.expectRedirect(b.get(loc)) // the provider's end_session
	if page, api := stolen(t, e, "/clients", other); page || api {
		t.Errorf("the other browser's session survived the provider's sign-out: page %v, api %v", page, api)
	}
}

func TestBackChannelLogoutRefusals(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	_, cookie, sid := signedIn(t, e)
	claims := func(mutate func(map[string]any)) map[string]any {
		c := e.op.LogoutClaims(alice, sid)
		mutate(c)
		return c
	}
	sign := func(mutate func(map[string]any)) string {
		tok, err := e.op.SignLogoutToken(claims(mutate))
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	foreign, _ := devoidc.SignWithForeignKey(claims(func(map[string]any) {}))
	none, _ := devoidc.Unsigned(claims(func(map[string]any) {}))
	idToken, _ := e.op.Sign(e.op.Claims(alice, clientID, time.Minute))
	now := time.Now()
	for name, tok := range map[string]string{
		"empty":               "",
		"garbage":             "not.a.jwt",
		"wrong signature":     foreign,
		"alg none":            none,
		"an ID token":         idToken,
		"missing events":      sign(func(c map[string]any) { delete(c, "events") }),
		"other event":         sign(func(c map[string]any) { c["events"] = map[string]any{"http://example.com/other": map[string]any{}} }),
		"event not object":    sign(func(c map[string]any) { c["events"] = map[string]any{devoidc.BackChannelLogoutEvent: "yes"} }),
		"nonce present":       sign(func(c map[string]any) { c["nonce"] = "n" }),
		"future iat":          sign(func(c map[string]any) { c["iat"] = now.Add(10 * time.Minute).Unix() }),
		"old iat":             sign(func(c map[string]any) { c["iat"] = now.Add(-time.Hour).Unix() }),
		"no iat":              sign(func(c map[string]any) { delete(c, "iat") }),
		"expired":             sign(func(c map[string]any) { c["exp"] = now.Add(-10 * time.Minute).Unix() }),
		"wrong audience":      sign(func(c map[string]any) { c["aud"] = "someone-else" }),
		"wrong issuer":        sign(func(c map[string]any) { c["iss"] = "http://127.0.0.1:1" }),
		"neither sub nor sid": sign(func(c map[string]any) { delete(c, "sub"); delete(c, "sid") }),
		"no jti":              sign(func(c map[string]any) { delete(c, "jti") }),
		"oversized":           strings.Repeat("a", 20<<10),
	} {
		t.Run(name, func(t *testing.T) {
			if status := postLogout(t, e, tok); status != http.StatusBadRequest {
				t.Errorf("answered %d, want 400", status)
			}
		})
	}
	if page, _ := stolen(t, e, "/clients", cookie); !page {
		t.Error("a refused logout token ended the session")
	}
}

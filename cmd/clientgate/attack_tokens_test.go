package main

import (
	"net/http"
	"testing"
	"time"

	"clientgate/auth/devoidc"
)

// TestAttackTokens: forged, misdirected and misused tokens never open the
// API.
func TestAttackTokens(t *testing.T) {
	e := startAttackEnv(t, nil)
	person := devoidc.Person{Email: zoe}
	now := time.Now()
	claims := func(mutate func(map[string]any)) map[string]any {
		c := e.op.Claims(person, attackAPIAudience, 5*time.Minute)
		mutate(c)
		return c
	}
	sign := func(mutate func(map[string]any)) string {
		tok, err := e.op.Sign(claims(mutate))
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	none, _ := devoidc.Unsigned(claims(func(map[string]any) {}))
	foreign, _ := devoidc.SignWithForeignKey(claims(func(map[string]any) {}))
	logout, _ := e.op.SignLogoutToken(e.op.LogoutClaims(person, ""))
	apiLogout, _ := e.op.SignLogoutToken(claims(func(c map[string]any) {
		c["events"] = map[string]any{devoidc.BackChannelLogoutEvent: map[string]any{}}
	}))
	for name, tok := range map[string]string{
		"alg none":                   none,
		"wrong key":                  foreign,
		"ID token (portal audience)": sign(func(c map[string]any) { c["aud"] = "portal" }),
		"wrong audience":             sign(func(c map[string]any) { c["aud"] = "other-api" }),
		"several audiences, no azp":  sign(func(c map[string]any) { c["aud"] = []string{attackAPIAudience, "portal"} }),
		"wrong azp":                  sign(func(c map[string]any) { c["aud"], c["azp"] = []string{attackAPIAudience, "intruder"}, "intruder" }),
		"expired":                    sign(func(c map[string]any) { c["exp"] = now.Add(-10 * time.Minute).Unix() }),
		"future iat":                 sign(func(c map[string]any) { c["iat"] = now.Add(time.Hour).Unix() }),
		"wrong issuer":               sign(func(c map[string]any) { c["iss"] = "http://127.0.0.1:1" }),
		"logout token":               logout,
		"logout token for the API":   apiLogout,
		"opaque garbage":             "deadbeef",
		"truncated":                  sign(func(map[string]any) {})[:50],
	} {
		resp, _ := e.send(nil, http.MethodGet, "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + tok}})
		if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", name, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := e.send(nil, http.MethodGet, "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + e.bearer(zoe)}}); resp.StatusCode != http.StatusOK {
		t.Errorf("a genuine API token: %d", resp.StatusCode)
	}
	// A logout token is never accepted twice, nor an access token as one.
	if resp, _ := e.send(nil, http.MethodPost, "/auth/backchannel-logout", nil, nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("empty back-channel logout: %d", resp.StatusCode)
	}
	for name, tok := range map[string]string{"access token": e.bearer(zoe), "logout token": logout} {
		status, err := devoidc.PostLogoutToken(t.Context(), "http://"+e.addr+"/auth/backchannel-logout", tok)
		want := http.StatusBadRequest
		if name == "logout token" {
			want = http.StatusOK
		}
		if err != nil || status != want {
			t.Errorf("%s as a logout token: %d %v, want %d", name, status, err, want)
		}
	}
	if status, _ := devoidc.PostLogoutToken(t.Context(), "http://"+e.addr+"/auth/backchannel-logout", logout); status != http.StatusBadRequest {
		t.Errorf("a replayed logout token: %d", status)
	}
}

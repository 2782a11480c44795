package auth_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"clientgate/auth"
	"clientgate/auth/devoidc"
	"clientgate/connectors/bridge"
)

// providerTokens runs the code flow at the provider as an API client
// would (outside the portal) and returns the access and ID tokens.
func providerTokens(t *testing.T, e *env, p devoidc.Person, scopes ...string) (access, id string) {
	t.Helper()
	op, err := oidc.NewProvider(t.Context(), e.op.Issuer())
	if err != nil {
		t.Fatal(err)
	}
	cfg := oauth2.Config{ClientID: clientID, ClientSecret: clientSecret, Endpoint: op.Endpoint(),
		RedirectURL: e.url("/auth/callback"), Scopes: append([]string{"openid", "email", "profile"}, scopes...)}
	verifier := oauth2.GenerateVerifier()
	b := e.browser()
	callback := b.choose(cfg.AuthCodeURL("state", oauth2.S256ChallengeOption(verifier)), p)
	tok, err := cfg.Exchange(t.Context(), query(t, callback, "code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	id, _ = tok.Extra("id_token").(string)
	return tok.AccessToken, id
}

func TestIDTokenIsNotABearer(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	forged, _ := e.op.Sign(e.op.Claims(alice, clientID, time.Minute))
	if resp, text := apiCall(t, e, "Bearer "+forged); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a token for the portal's client ID only: %d %s", resp.StatusCode, text)
	}
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	p := principalOf(t, b, "/clients/me")
	list, _ := e.br.Sessions(t.Context(), bridge.SessionFilter{All: true})
	idToken := list[0].IDToken
	if idToken == "" {
		t.Fatal("the session kept no ID token")
	}
	if resp, _ := apiCall(t, e, "Bearer "+idToken); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the portal's ID token works as a bearer while signed in: %d", resp.StatusCode)
	}
	loc := b.expectRedirect(b.post(e.url("/auth/logout"), url.Values{"csrf_token": {p.CSRFToken}}, nil))
	if hint := query(t, loc, "id_token_hint"); hint != idToken {
		t.Fatal("the logout URL does not carry the ID token")
	}
	if resp, _ := apiCall(t, e, "Bearer "+idToken); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the ID token from the logout URL works as a bearer: %d", resp.StatusCode)
	}
}

func TestBearerAudienceRules(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	now := time.Now()
	sign := func(typ string, mutate func(map[string]any)) string {
		c := e.op.Claims(alice, apiAudience, 5*time.Minute)
		mutate(c)
		tok, err := e.op.SignTyped(c, typ)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	for name, tc := range map[string]struct {
		tok  string
		want int
	}{
		"API audience only": {sign("JWT", func(map[string]any) {}), 200},
		"several audiences, allowed azp": {sign("JWT", func(c map[string]any) {
			c["aud"], c["azp"] = []string{apiAudience, clientID}, clientID
		}), 200},
		"several audiences, no azp": {sign("JWT", func(c map[string]any) { c["aud"] = []string{apiAudience, clientID} }), 401},
		"several audiences, foreign azp": {sign("JWT", func(c map[string]any) {
			c["aud"], c["azp"] = []string{apiAudience, "other"}, "other"
		}), 401},
		"RFC 9068 at+jwt":                {sign("at+jwt", func(c map[string]any) { c["client_id"], c["jti"] = clientID, "j1" }), 200},
		"at+jwt of a client not allowed": {sign("at+jwt", func(c map[string]any) { c["client_id"] = "intruder" }), 401},
		"logout token type":              {sign("logout+jwt", func(map[string]any) {}), 401},
		"events claim":                   {sign("JWT", func(c map[string]any) { c["events"] = map[string]any{devoidc.BackChannelLogoutEvent: map[string]any{}} }), 401},
		"iat in the future":              {sign("JWT", func(c map[string]any) { c["iat"] = now.Add(10 * time.Minute).Unix() }), 401},
		"iat a little ahead (skew)":      {sign("JWT", func(c map[string]any) { c["iat"] = now.Add(20 * time.Second).Unix() }), 200},
		"wrong audience":                 {sign("JWT", func(c map[string]any) { c["aud"] = "someone-else" }), 401},
		"no subject":                     {sign("JWT", func(c map[string]any) { delete(c, "sub") }), 401},
	} {
		t.Run(name, func(t *testing.T) {
			if resp, text := apiCall(t, e, "Bearer "+tc.tok); resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.want, text)
			}
		})
	}
}

func TestBearerOffWithoutAPIAudience(t *testing.T) {
	e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) { o.APIAudience, o.APIClients = "", nil }})
	e.addContact(alice.Email)
	tok, _ := e.op.Sign(e.op.Claims(alice, apiAudience, time.Minute))
	if resp, _ := apiCall(t, e, "Bearer "+tok); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bearer access with no API audience: %d", resp.StatusCode)
	}
	contains(t, e.logs.String(), "bearer access to the API is off")
}

func TestBearerFromTheProvider(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	access, _ := providerTokens(t, e, alice, devoidc.APIAudienceScope+apiAudience)
	if resp, text := apiCall(t, e, "Bearer "+access); resp.StatusCode != http.StatusOK {
		t.Errorf("an access token for the API: %d %s", resp.StatusCode, text)
	}
	access, id := providerTokens(t, e, alice)
	for name, tok := range map[string]string{"access token for the portal": access, "ID token": id} {
		if resp, _ := apiCall(t, e, "Bearer "+tok); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s without the API audience: %d", name, resp.StatusCode)
		}
	}
}

func TestBearerIntrospection(t *testing.T) {
	opaque := func(string) []devoidc.Option { return []devoidc.Option{devoidc.WithOpaqueAccessTokens()} }
	e := newEnvWith(t, opaque, &site{base: "/clients", opts: func(o *auth.Options) { o.Introspection = true }})
	e.addContact(alice.Email)
	access, _ := providerTokens(t, e, alice, devoidc.APIAudienceScope+apiAudience)
	if strings.Count(access, ".") == 2 {
		t.Fatalf("the provider issued a JWT: %s", access)
	}
	for range 2 { // the second answer comes from memory
		if resp, text := apiCall(t, e, "Bearer "+access); resp.StatusCode != http.StatusOK {
			t.Errorf("an opaque token for the API: %d %s", resp.StatusCode, text)
		}
	}
	portalOnly, _ := providerTokens(t, e, alice)
	for name, tok := range map[string]string{"unknown": "bm90LWEtdG9rZW4", "for the portal only": portalOnly} {
		if resp, _ := apiCall(t, e, "Bearer "+tok); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s opaque token: %d", name, resp.StatusCode)
		}
	}
}

func TestOpaqueTokenWithoutIntrospection(t *testing.T) {
	opaque := func(string) []devoidc.Option { return []devoidc.Option{devoidc.WithOpaqueAccessTokens()} }
	e := newEnvWith(t, opaque)
	e.addContact(alice.Email)
	access, _ := providerTokens(t, e, alice, devoidc.APIAudienceScope+apiAudience)
	if resp, _ := apiCall(t, e, "Bearer "+access); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("an opaque token with introspection off: %d", resp.StatusCode)
	}
}

package auth_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"clientgate/auth"
	"clientgate/auth/devoidc"
)

// apiCall sends GET /clients/api/me with an Authorization header.
func apiCall(t *testing.T, e *env, authorization string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url("/clients/api/me"), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", authorization)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body(t, resp)
}

func TestBearerAccepted(t *testing.T) {
	e := newEnv(t)
	ca := e.addContact(alice.Email)
	for name, ttl := range map[string]time.Duration{"fresh": 5 * time.Minute, "expired within clock skew": -20 * time.Second} {
		t.Run(name, func(t *testing.T) {
			tok, err := e.op.Sign(e.op.Claims(alice, apiAudience, ttl))
			if err != nil {
				t.Fatal(err)
			}
			resp, text := apiCall(t, e, "Bearer "+tok)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, text)
			}
			var p auth.Principal
			if err := json.Unmarshal([]byte(text), &p); err != nil {
				t.Fatal(err)
			}
			if p.ContactID != ca.ID || !p.Bearer || p.CSRFToken != "" || p.Identity.Subject != alice.Subject {
				t.Errorf("principal = %+v", p)
			}
		})
	}
}

func TestBearerRejected(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	sign := func(mutate func(map[string]any)) string {
		c := e.op.Claims(alice, apiAudience, 5*time.Minute)
		mutate(c)
		tok, err := e.op.Sign(c)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	foreign, err := devoidc.SignWithForeignKey(e.op.Claims(alice, apiAudience, 5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	none, err := devoidc.Unsigned(e.op.Claims(alice, apiAudience, 5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{
		"wrong audience":    sign(func(c map[string]any) { c["aud"] = "someone-else" }),
		"expired":           sign(func(c map[string]any) { c["exp"] = time.Now().Add(-5 * time.Minute).Unix() }),
		"wrong issuer":      sign(func(c map[string]any) { c["iss"] = "http://127.0.0.1:1" }),
		"foreign key":       foreign,
		"alg none":          none,
		"garbage":           "not.a.jwt",
		"signature removed": sign(func(map[string]any) {})[:40],
	} {
		t.Run(name, func(t *testing.T) {
			resp, text := apiCall(t, e, "Bearer "+tok)
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", resp.StatusCode)
			}
			if h := resp.Header.Get("WWW-Authenticate"); h != `Bearer realm="clientgate", error="invalid_token"` {
				t.Errorf("WWW-Authenticate = %q", h)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type = %q", ct)
			}
			var pr struct {
				Type   string `json:"type"`
				Status int    `json:"status"`
			}
			if err := json.Unmarshal([]byte(text), &pr); err != nil || pr.Type != "urn:clientgate:problem:invalid-token" || pr.Status != 401 {
				t.Errorf("problem = %s (%v)", text, err)
			}
		})
	}
	resp, _ := apiCall(t, e, "Basic YWxhZGRpbjpvcGVuc2VzYW1l")
	if h := resp.Header.Get("WWW-Authenticate"); resp.StatusCode != http.StatusUnauthorized || h != `Bearer realm="clientgate", error="invalid_request"` {
		t.Errorf("Basic auth: %d %q", resp.StatusCode, h)
	}
}

func TestBearerLinkPolicy(t *testing.T) {
	e := newEnv(t)
	e.addContact(dave.Email)
	e.addContact(dave.Email)
	for _, tc := range []struct {
		person devoidc.Person
		kind   string
	}{
		{erin, "no-portal-access"},
		{carol, "email-not-verified"},
		{dave, "ambiguous-email"},
	} {
		tok, err := e.op.Sign(e.op.Claims(tc.person, apiAudience, time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		resp, text := apiCall(t, e, "Bearer "+tok)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: status %d", tc.person.Email, resp.StatusCode)
		}
		contains(t, text, `"type":"urn:clientgate:problem:`+tc.kind+`"`)
	}
}

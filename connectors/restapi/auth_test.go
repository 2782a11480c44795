package restapi_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi"
	"clientgate/connectors/restapi/resttest"
)

// TestAuthTypes checks that each static auth type sends its credential
// and that a wrong one is ErrBackendAuth.
func TestAuthTypes(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secretFile, []byte("s3cr3t-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, auth string
		ok         func(r *http.Request) bool
	}{
		{"none", "auth: {type: none}", func(*http.Request) bool { return true }},
		{"bearer env", "auth: {type: bearer, token_env: TOKEN}",
			func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer s3cr3t-from-env" }},
		{"bearer file", "auth: {type: bearer, token_file: " + secretFile + "}",
			func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer s3cr3t-from-file" }},
		{"basic", "auth: {type: basic, username: api, password_env: TOKEN}",
			func(r *http.Request) bool {
				u, p, ok := r.BasicAuth()
				return ok && u == "api" && p == "s3cr3t-from-env"
			}},
		{"key header", "auth: {type: api_key, header: X-Api-Token, prefix: 'Token ', key_env: TOKEN}",
			func(r *http.Request) bool { return r.Header.Get("X-Api-Token") == "Token s3cr3t-from-env" }},
		{"key query", "auth: {type: api_key, query: key, key_file: " + secretFile + "}",
			func(r *http.Request) bool { return r.URL.Query().Get("key") == "s3cr3t-from-file" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			accept := true
			srv := routes(t, map[string]http.HandlerFunc{"GET /ping": func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if !accept || !tt.ok(r) {
					body(http.StatusUnauthorized, `{"error":"no"}`)(w, r)
					return
				}
				body(200, `{}`)(w, r)
			}})
			c := newConnector(t, mappingWith(t, srv.URL, tt.auth, ""),
				restapi.Options{Getenv: envOf(map[string]string{"TOKEN": "s3cr3t-from-env"})})
			if err := c.Ping(context.Background()); err != nil {
				t.Fatalf("Ping: %v", err)
			}
			mu.Lock()
			accept = false
			mu.Unlock()
			err := c.Ping(context.Background())
			if !errors.Is(err, connectors.ErrBackendAuth) {
				t.Errorf("Ping with rejected credentials: %v, want ErrBackendAuth", err)
			}
			if err != nil && strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error holds the secret: %v", err)
			}
		})
	}
}

func TestMissingSecretFailsNew(t *testing.T) {
	for _, auth := range []string{
		"auth: {type: bearer, token_env: UNSET}",
		"auth: {type: basic, username: u, password_file: /nonexistent/secret}",
	} {
		m := mappingWith(t, "http://127.0.0.1:1", auth, "")
		if _, err := restapi.New(m, restapi.Options{Getenv: envOf(nil)}); err == nil {
			t.Errorf("New with %s: no error", auth)
		}
	}
}

// TestOAuth2TokenCachedAndRefreshed checks that one token serves many
// calls and that a revoked token is replaced once, transparently.
func TestOAuth2TokenCachedAndRefreshed(t *testing.T) {
	c, srv := openModern(t, connectortest.StandardSeed(), nil)
	ctx := context.Background()
	for range 5 {
		if err := c.Ping(ctx); err != nil {
			t.Fatalf("Ping: %v", err)
		}
	}
	if n := srv.TokenRequests.Load(); n != 1 {
		t.Errorf("%d token requests for 5 calls, want 1", n)
	}
	srv.RevokeTokens()
	if err := c.Ping(ctx); err != nil {
		t.Fatalf("Ping after revocation: %v", err)
	}
	if n := srv.TokenRequests.Load(); n != 2 {
		t.Errorf("%d token requests after a revocation, want 2", n)
	}
}

func TestOAuth2WrongSecret(t *testing.T) {
	s := newModernWithSecret(t, "wrong-secret-123")
	err := s.Ping(context.Background())
	if !errors.Is(err, connectors.ErrBackendAuth) || strings.Contains(err.Error(), "wrong-secret-123") {
		t.Errorf("Ping with a wrong client secret: %v, want ErrBackendAuth without the secret", err)
	}
}

// countingTransport counts the requests to each path.
type countingTransport struct {
	mu    sync.Mutex
	paths map[string]int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.paths[r.URL.Path]++
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

// TestOAuth2TokenThroughSharedClient checks that token requests go
// through the connector's own HTTP client (its transport, timeout and
// limits), not a separate one.
func TestOAuth2TokenThroughSharedClient(t *testing.T) {
	srv := resttest.NewModern(t, connectortest.StandardSeed())
	tr := &countingTransport{paths: map[string]int{}}
	http := testHTTP
	http.Transport = tr
	c, err := restapi.New(loadMapping(t, "modern.yaml"), restapi.Options{BaseURL: srv.URL + "/v2", HTTP: http,
		Getenv: envOf(map[string]string{"MODERN_CLIENT_SECRET": srv.ClientSecret})})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.paths["/oauth/token"] != 1 || tr.paths["/v2/me"] != 1 {
		t.Errorf("requests through the shared transport: %v", tr.paths)
	}
}

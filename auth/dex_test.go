package auth_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/fake"
)

// envDex names the Dex binary TestDex runs; .ci/run builds it.
const envDex = "CLIENTGATE_TEST_DEX"

// startDex runs Dex on a free loopback port with testdata/dex/config.yaml
// and returns its issuer. It skips without CLIENTGATE_TEST_DEX, unless CI
// is set.
func startDex(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(envDex)
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: CI must run the Dex test (.ci/run builds Dex)", envDex)
		}
		t.Skipf("set %s to a Dex binary to test against a real provider", envDex)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	issuer := "http://" + addr + "/dex"
	tmpl, err := os.ReadFile("testdata/dex/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.NewReplacer("ISSUER", issuer, "ADDR", addr).Replace(string(tmpl))
	path := filepath.Join(t.TempDir(), "dex.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", path)
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(issuer + "/.well-known/openid-configuration")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return issuer
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Dex did not start: %v\n%s", err, logs.String())
		}
	}
}

// dexTokens asks Dex for alice's tokens with the password grant.
func dexTokens(t *testing.T, issuer string, scopes ...string) (access, id string) {
	t.Helper()
	form := url.Values{"grant_type": {"password"}, "username": {"alice@example.com"}, "password": {"alice-pass"},
		"scope": {strings.Join(append([]string{"openid", "email", "profile"}, scopes...), " ")}}
	req, _ := http.NewRequest(http.MethodPost, issuer+"/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth("portal", "portal-secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		Access string `json:"access_token"`
		ID     string `json:"id_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != http.StatusOK || tok.ID == "" {
		t.Fatalf("Dex token: %d %v", resp.StatusCode, err)
	}
	return tok.Access, tok.ID
}

// TestDex: against the real Dex, a token Dex issued for the API audience
// (aud [portal-api, portal], azp portal) is a bearer; the portal's own ID
// and access tokens (aud portal) are not.
func TestDex(t *testing.T) {
	issuer := startDex(t)
	crm, br := fake.New(), fake.NewBridge()
	crm.AddContact(connectors.Contact{Email: "alice@example.com", FirstName: "Alice", PortalAccess: true})
	srv := httptest.NewServer(nil)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &syncBuffer{}
	svc, err := auth.New(ctx, auth.Options{Issuer: issuer, ClientID: "portal", ClientSecret: "portal-secret",
		RedirectURL: srv.URL + "/auth/callback", PublicURL: srv.URL, SessionKeys: [][]byte{key1},
		Connector: crm, Bridge: br, Logger: slog.New(slog.NewTextHandler(logs, nil)),
		APIAudience: "portal-api", APIClients: []string{"portal"}})
	if err != nil {
		t.Fatal(err)
	}
	engine := gin.New()
	engine.GET("/api/me", svc.API(), showPrincipal)
	srv.Config.Handler = engine
	for deadline := time.Now().Add(20 * time.Second); svc.Ready(ctx) != nil; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("Dex discovery did not succeed")
		}
	}
	call := func(tok string) int {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/me", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	_, apiID := dexTokens(t, issuer, "audience:server:client_id:portal-api")
	if status := call(apiID); status != http.StatusOK {
		t.Errorf("Dex's token for the API audience: %d\n%s", status, logs.String())
	}
	access, id := dexTokens(t, issuer)
	for name, tok := range map[string]string{"ID token": id, "access token": access} {
		if status := call(tok); status != http.StatusUnauthorized {
			t.Errorf("Dex's %s for the portal: %d, want 401", name, status)
		}
	}
}

package devoidc_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"clientgate/auth/devoidc"
)

var people = []devoidc.Person{{Email: "ann@example.com", Name: "Ann <b>Bold</b>"}}

func start(t *testing.T) *devoidc.Provider {
	t.Helper()
	p, err := devoidc.Start(t.Context(), "127.0.0.1:0", "cid", "secret", []string{"http://127.0.0.1:9/clients/auth/callback"}, people)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0", "[::]:0", "nonsense"} {
		if _, err := devoidc.Start(t.Context(), addr, "cid", "secret", []string{"http://127.0.0.1/cb"}, people); err == nil {
			t.Errorf("Start(%q) succeeded", addr)
		}
	}
	if _, err := devoidc.Start(t.Context(), "127.0.0.1:0", "", "secret", []string{"http://127.0.0.1/cb"}, people); err == nil {
		t.Error("Start without a client ID succeeded")
	}
}

func TestDiscovery(t *testing.T) {
	p := start(t)
	if !strings.HasPrefix(p.Issuer(), "http://127.0.0.1:") {
		t.Errorf("issuer %q", p.Issuer())
	}
	resp, err := http.Get(p.Issuer() + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var meta struct {
		Issuer     string   `json:"issuer"`
		EndSession string   `json:"end_session_endpoint"`
		JWKS       string   `json:"jwks_uri"`
		Algs       []string `json:"id_token_signing_alg_values_supported"`
		PKCE       []string `json:"code_challenge_methods_supported"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&meta); err != nil {
		t.Fatal(err)
	}
	if meta.Issuer != p.Issuer() || meta.EndSession == "" || meta.JWKS == "" ||
		strings.Join(meta.Algs, ",") != "RS256" || strings.Join(meta.PKCE, ",") != "S256" {
		t.Errorf("metadata = %+v", meta)
	}
}

func TestMintedTokensVerify(t *testing.T) {
	p := start(t)
	op, err := oidc.NewProvider(t.Context(), p.Issuer())
	if err != nil {
		t.Fatal(err)
	}
	v := op.Verifier(&oidc.Config{ClientID: "cid"})
	good, err := p.Sign(p.Claims(people[0], "cid", time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := v.Verify(t.Context(), good)
	if err != nil {
		t.Fatalf("own token: %v", err)
	}
	var cl struct {
		Email    string `json:"email"`
		Verified bool   `json:"email_verified"`
	}
	if err := tok.Claims(&cl); err != nil || cl.Email != "ann@example.com" || !cl.Verified || tok.Subject == "" {
		t.Errorf("claims %+v, sub %q, %v", cl, tok.Subject, err)
	}
	foreign, _ := devoidc.SignWithForeignKey(p.Claims(people[0], "cid", time.Minute))
	none, _ := devoidc.Unsigned(p.Claims(people[0], "cid", time.Minute))
	for name, raw := range map[string]string{"foreign": foreign, "none": none} {
		if _, err := v.Verify(t.Context(), raw); err == nil {
			t.Errorf("%s token verified", name)
		}
	}
}

func TestAuthorizeRequiresPKCEAndKnownRedirect(t *testing.T) {
	p := start(t)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	base := url.Values{"client_id": {"cid"}, "response_type": {"code"}, "scope": {"openid"},
		"redirect_uri": {"http://127.0.0.1:9/clients/auth/callback"}, "state": {"s"}, "nonce": {"n"}}
	get := func(v url.Values) *http.Response {
		resp, err := c.Get(p.Issuer() + "/authorize?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	noPKCE := get(base)
	if loc := noPKCE.Header.Get("Location"); !strings.Contains(loc, "error=invalid_request") {
		t.Errorf("without PKCE: %d %q", noPKCE.StatusCode, loc)
	}
	withPKCE := url.Values{}
	for k, v := range base {
		withPKCE[k] = v
	}
	withPKCE.Set("code_challenge", strings.Repeat("a", 43))
	withPKCE.Set("code_challenge_method", "S256")
	loc := get(withPKCE).Header.Get("Location")
	if !strings.HasPrefix(loc, "/login?id=") {
		t.Fatalf("with PKCE: Location %q", loc)
	}
	resp, err := http.Get(p.Issuer() + loc)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `<span class="name">Ann &lt;b&gt;Bold&lt;/b&gt;</span><span class="email">&lt;ann@example.com&gt;`) {
		t.Errorf("picker page does not list the escaped person:\n%s", page)
	}
	withPKCE.Set("redirect_uri", "http://evil.example/cb")
	if resp := get(withPKCE); resp.StatusCode == http.StatusFound && strings.Contains(resp.Header.Get("Location"), "evil") {
		t.Errorf("unregistered redirect_uri followed: %q", resp.Header.Get("Location"))
	}
}

func TestLoginPageUnknownRequest(t *testing.T) {
	p := start(t)
	resp, err := http.Get(p.Issuer() + "/login?id=unknown")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown request: %d", resp.StatusCode)
	}
}

func TestFaviconAnswersNoContent(t *testing.T) {
	p := start(t)
	resp, err := http.Get(p.Issuer() + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("GET /favicon.ico = %d, want 204", resp.StatusCode)
	}
}

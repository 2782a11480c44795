package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestOIDCChecksRefuseBrokenProviders(t *testing.T) {
	var doc, keys string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/.well-known/openid-configuration":
			w.Write([]byte(doc))
		case "/keys":
			w.Write([]byte(keys))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	good := `{"issuer":"` + srv.URL + `","authorization_endpoint":"a","token_endpoint":"t","jwks_uri":"` + srv.URL + `/keys",` +
		`"response_types_supported":["code"],"code_challenge_methods_supported":["S256"]}`
	for _, tt := range []struct{ name, doc, keys, want string }{
		{"other issuer", strings.Replace(good, `"issuer":"`+srv.URL, `"issuer":"https://evil.example`, 1), "", "names the issuer"},
		{"no jwks_uri", strings.Replace(good, `"jwks_uri"`, `"x"`, 1), "", "lacks jwks_uri"},
		{"no PKCE", strings.Replace(good, `"S256"`, `"plain"`, 1), "", "PKCE S256"},
		{"not JSON", "<html>", "", "not a JSON document"},
		{"no keys", good, `{"keys":[]}`, "holds no public signing key"},
		{"keys not JSON", good, `nope`, "not a JSON document"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, keys = tt.doc, tt.keys
			d, err := fetchDiscovery(context.Background(), srv.URL)
			if err == nil {
				_, err = fetchSigningKeys(context.Background(), d.JWKSURI)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"

	"clientgate/config"
)

// oidcFetchTimeout bounds each of check-config's requests to the provider.
const oidcFetchTimeout = 10 * time.Second

// discovery is the part of an OpenID provider's discovery document that
// clientgate relies on.
type discovery struct {
	Issuer                string   `json:"issuer"`
	AuthorizationEndpoint string   `json:"authorization_endpoint"`
	TokenEndpoint         string   `json:"token_endpoint"`
	JWKSURI               string   `json:"jwks_uri"`
	ResponseTypes         []string `json:"response_types_supported"`
	CodeChallengeMethods  []string `json:"code_challenge_methods_supported"`
}

// oidcChecks fetch the discovery document, then the signing keys it names.
func oidcChecks(cfg *config.Config) []check {
	var doc discovery
	return []check{
		{name: "oidc discovery", run: func(ctx context.Context) (string, error) {
			if cfg.Auth.Issuer == "" {
				return "", skipped("auth.issuer is not set")
			}
			var err error
			doc, err = fetchDiscovery(ctx, cfg.Auth.Issuer)
			if err != nil {
				return "", err
			}
			return "issuer, authorization, token and jwks endpoints present; code flow with PKCE S256", nil
		}},
		{name: "oidc signing keys", run: func(ctx context.Context) (string, error) {
			if doc.JWKSURI == "" {
				return "", skipped("no discovery document")
			}
			n, err := fetchSigningKeys(ctx, doc.JWKSURI)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%d signing key(s) at %s", n, doc.JWKSURI), nil
		}},
	}
}

// fetchDiscovery fetches and checks issuer/.well-known/openid-configuration.
func fetchDiscovery(ctx context.Context, issuer string) (discovery, error) {
	var d discovery
	wellKnown := strings.TrimSuffix(issuer, "/") + "/.well-known/openid-configuration"
	if err := getJSON(ctx, wellKnown, &d); err != nil {
		return d, err
	}
	var missing []string
	for _, f := range []struct{ name, value string }{
		{"authorization_endpoint", d.AuthorizationEndpoint}, {"token_endpoint", d.TokenEndpoint}, {"jwks_uri", d.JWKSURI},
	} {
		if f.value == "" {
			missing = append(missing, f.name)
		}
	}
	switch {
	case d.Issuer != issuer:
		return d, fmt.Errorf("%s names the issuer %q, not auth.issuer %q (they must be equal, trailing slash included)", wellKnown, d.Issuer, issuer)
	case len(missing) > 0:
		return d, fmt.Errorf("%s lacks %s", wellKnown, strings.Join(missing, ", "))
	case len(d.ResponseTypes) > 0 && !slices.Contains(d.ResponseTypes, "code"):
		return d, fmt.Errorf("the provider does not offer the authorization code flow (response_types_supported %v)", d.ResponseTypes)
	case len(d.CodeChallengeMethods) > 0 && !slices.Contains(d.CodeChallengeMethods, "S256"):
		return d, fmt.Errorf("the provider does not offer PKCE S256 (code_challenge_methods_supported %v)", d.CodeChallengeMethods)
	}
	return d, nil
}

// fetchSigningKeys fetches the JWKS and counts the keys usable to verify
// signatures.
func fetchSigningKeys(ctx context.Context, uri string) (int, error) {
	var set jose.JSONWebKeySet
	if err := getJSON(ctx, uri, &set); err != nil {
		return 0, err
	}
	n := 0
	for _, k := range set.Keys {
		if k.IsPublic() && (k.Use == "" || k.Use == "sig") {
			n++
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("%s holds no public signing key", uri)
	}
	return n, nil
}

// getJSON fetches url and decodes its JSON body (at most 1 MiB) into v.
func getJSON(ctx context.Context, url string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, oidcFetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetch %s: HTTP %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v); err != nil {
		return fmt.Errorf("%s: not a JSON document: %w", url, err)
	}
	return nil
}

package config

import (
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
)

// SessionKeySize is the length in bytes of every session key.
const SessionKeySize = 32

// unset reports whether none of the keys that name a provider is set.
func (a AuthConfig) unset() bool {
	return a.Issuer == "" && a.ClientID == "" && a.ClientSecret == "" &&
		a.RedirectURL == "" && len(a.SessionKeys) == 0
}

// DecodeSessionKeys returns the session keys as bytes, first (the one that
// encrypts) first. The error names the bad key by position, never its
// value.
func (a AuthConfig) DecodeSessionKeys() ([][]byte, error) {
	out := make([][]byte, 0, len(a.SessionKeys))
	for i, k := range a.SessionKeys {
		key, err := decodeKey(k)
		if err != nil {
			return nil, fmt.Errorf("config: auth.session_keys[%d]: %w", i, err)
		}
		out = append(out, key)
	}
	return out, nil
}

// decodeKey decodes a base64 key (standard or URL alphabet, padded or
// not) of SessionKeySize bytes.
func decodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if key, err := enc.DecodeString(s); err == nil {
			if len(key) != SessionKeySize {
				return nil, fmt.Errorf("decodes to %d bytes, want %d (make one with: openssl rand -base64 32)", len(key), SessionKeySize)
			}
			return key, nil
		}
	}
	return nil, fmt.Errorf("is not base64 (make one with: openssl rand -base64 32)")
}

func (a AuthConfig) validate(p *Problems, required bool) {
	if required {
		for _, k := range []struct{ path, value string }{
			{"auth.issuer", a.Issuer}, {"auth.client_id", a.ClientID}, {"auth.redirect_url", a.RedirectURL},
		} {
			if k.value == "" {
				p.add(k.path, "required")
			}
		}
		if len(a.SessionKeys) == 0 {
			p.add("auth.session_keys", "required: at least one base64 32-byte key (openssl rand -base64 32)")
		}
	}
	checkIssuer(p, a.Issuer)
	checkURL(p, "auth.redirect_url", a.RedirectURL, false)
	checkURL(p, "auth.post_logout_redirect_url", a.PostLogoutRedirectURL, false)
	if !slices.Contains(a.Scopes, "openid") {
		p.add("auth.scopes", "must include openid")
	}
	for i, k := range a.SessionKeys {
		if _, err := decodeKey(k); err != nil {
			p.add(fmt.Sprintf("auth.session_keys[%d]", i), "%v", err)
		}
	}
	checkPositive(p, "auth.session_lifetime", a.SessionLifetime)
	checkPositive(p, "auth.idle_timeout", a.IdleTimeout)
	if a.IdleTimeout > a.SessionLifetime && a.SessionLifetime > 0 {
		p.add("auth.idle_timeout", "must not be longer than auth.session_lifetime")
	}
	if a.RecheckInterval < 0 {
		p.add("auth.recheck_interval", "must not be negative")
	}
	if a.ClockSkew < 0 {
		p.add("auth.clock_skew", "must not be negative")
	}
	if a.SessionCacheTTL < 0 {
		p.add("auth.session_cache_ttl", "must not be negative")
	}
	a.validateAPI(p)
}

// validateAPI checks the bearer token settings.
func (a AuthConfig) validateAPI(p *Problems) {
	switch {
	case a.BearerAudience != "" && a.BearerAudience != a.APIAudience:
		p.add("auth.bearer_audience", "is the old name of auth.api_audience; set only auth.api_audience")
	case a.APIAudience != "" && a.APIAudience == a.ClientID:
		p.add("auth.api_audience", "must differ from auth.client_id: the portal's own ID token must never work as an API "+
			"credential (auth.bearer_audience used to default to client_id). Set the audience your provider puts in "+
			"access tokens for the API, or leave it empty to turn bearer access off")
	}
	if a.Introspection && a.APIAudience == "" {
		p.add("auth.introspection", "needs auth.api_audience")
	}
}

// checkIssuer checks the issuer URL: https, or plain http on a loopback
// host (for development and tests).
func checkIssuer(p *Problems, issuer string) {
	if issuer == "" {
		return
	}
	checkURL(p, "auth.issuer", issuer, true)
	u, err := url.Parse(issuer)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		p.add("auth.issuer", "must use https:// (plain http is allowed only on a loopback host)")
	}
}

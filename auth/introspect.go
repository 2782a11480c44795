package auth

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// introspectionTTL bounds how long an active introspection answer is
// trusted (less when the token expires sooner).
const introspectionTTL = 30 * time.Second

// maxIntrospection bounds the introspection answer read.
const maxIntrospection = 64 << 10

// introspection is an RFC 7662 answer: the claims we use.
type introspection struct {
	Active bool `json:"active"`
	claims
	Issuer   string          `json:"iss"`
	Audience audience        `json:"aud"`
	Expiry   int64           `json:"exp"`
	IssuedAt int64           `json:"iat"`
	ClientID string          `json:"client_id"`
	AZP      string          `json:"azp"`
	Events   json.RawMessage `json:"events"`
}

// audience decodes "aud" as one string or a list.
type audience []string

// UnmarshalJSON accepts a string or an array of strings.
func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*a = audience{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("auth: aud: %w", err)
	}
	*a = many
	return nil
}

// introspect asks the provider about an opaque token (RFC 7662),
// remembering an active answer briefly.
func (s *Service) introspect(ctx context.Context, rp *relyingParty, token string) (tokenClaims, error) {
	key := sha256.Sum256([]byte(token))
	if tc, ok := s.introspected.get(key); ok && time.Now().Before(tc.expires) {
		return tc.tokenClaims, nil
	}
	if rp.introspect == "" {
		return tokenClaims{}, fmt.Errorf("%w: the provider has no introspection endpoint", errBearerToken)
	}
	in, err := s.askIntrospection(ctx, rp.introspect, token)
	if err != nil {
		return tokenClaims{}, err
	}
	now := time.Now()
	exp := time.Unix(in.Expiry, 0)
	switch {
	case !in.Active:
		return tokenClaims{}, fmt.Errorf("%w: not active", errBearerToken)
	case in.Expiry == 0 || !exp.After(now.Add(-s.opts.ClockSkew)):
		return tokenClaims{}, fmt.Errorf("%w: expired or without exp", errBearerToken)
	case in.Issuer != "" && in.Issuer != s.opts.Issuer:
		return tokenClaims{}, fmt.Errorf("%w: issued by %q", errBearerToken, in.Issuer)
	}
	tc := tokenClaims{claims: in.claims, Issuer: s.opts.Issuer, Audience: in.Audience, AZP: in.AZP, ClientID: in.ClientID, Events: in.Events}
	if in.IssuedAt != 0 {
		tc.IssuedAt = time.Unix(in.IssuedAt, 0)
	}
	s.introspected.put(key, introspected{tokenClaims: tc, expires: minTime(exp, now.Add(introspectionTTL))})
	return tc, nil
}

// introspected is a remembered introspection answer.
type introspected struct {
	tokenClaims
	expires time.Time
}

// askIntrospection posts the token to the endpoint as the configured
// client.
func (s *Service) askIntrospection(ctx context.Context, endpoint, token string) (introspection, error) {
	form := url.Values{"token": {token}, "token_type_hint": {"access_token"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return introspection{}, fmt.Errorf("%w: introspection request: %w", errBearerToken, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(url.QueryEscape(s.opts.IntrospectionClientID), url.QueryEscape(s.opts.IntrospectionClientSecret))
	resp, err := s.opts.HTTPClient.Do(req)
	if err != nil {
		return introspection{}, fmt.Errorf("%w: introspection: %w", errBackend, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return introspection{}, fmt.Errorf("%w: introspection answered %s", errBackend, resp.Status)
	}
	var in introspection
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxIntrospection)).Decode(&in); err != nil {
		return introspection{}, fmt.Errorf("%w: introspection answer: %w", errBackend, err)
	}
	return in, nil
}

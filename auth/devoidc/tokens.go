package devoidc

import (
	"context"
	"crypto/subtle"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// CreateAccessToken records a new access token.
func (s *storage) CreateAccessToken(_ context.Context, r op.TokenRequest) (string, time.Time, error) {
	now := time.Now()
	id, exp := randomID(16), now.Add(accessTokenTTL)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepTokensLocked(now)
	s.tokens[id] = accessToken{subject: r.GetSubject(), scopes: r.GetScopes(), audience: r.GetAudience(), issued: now, expiry: exp}
	return id, exp, nil
}

// CreateAccessAndRefreshTokens is refused: the provider issues no refresh tokens.
func (s *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, oidc.ErrUnsupportedGrantType()
}

// TokenRequestByRefreshToken is refused: there are no refresh tokens.
func (s *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

// RevokeToken forgets an access token.
func (s *storage) RevokeToken(_ context.Context, token, _, _ string) *oidc.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, token)
	return nil
}

// GetRefreshTokenInfo is refused: there are no refresh tokens.
func (s *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

// SigningKey returns the provider's key.
func (s *storage) SigningKey(context.Context) (op.SigningKey, error) { return s.key, nil }

// SignatureAlgorithms lists RS256.
func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

// KeySet publishes the public key.
func (s *storage) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{s.key}}, nil
}

// Health reports the storage as healthy.
func (s *storage) Health(context.Context) error { return nil }

// GetClientByClientID returns the one client.
func (s *storage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if id != s.client.id {
		return nil, fmt.Errorf("devoidc: client: %w", errNotFound)
	}
	return s.client, nil
}

// AuthorizeClientIDSecret checks the client's credentials.
func (s *storage) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	idOK := subtle.ConstantTimeCompare([]byte(id), []byte(s.client.id))
	secretOK := subtle.ConstantTimeCompare([]byte(secret), []byte(s.client.secret))
	if idOK&secretOK != 1 {
		return oidc.ErrInvalidClient().WithDescription("invalid client credentials")
	}
	return nil
}

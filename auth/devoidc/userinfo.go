package devoidc

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// SetUserinfoFromScopes fills the claims the scopes ask for.
func (s *storage) SetUserinfoFromScopes(_ context.Context, u *oidc.UserInfo, subject, _ string, scopes []string) error {
	p, ok := s.people.bySub[subject]
	if !ok {
		return fmt.Errorf("devoidc: person: %w", errNotFound)
	}
	u.Subject = p.Subject
	if slices.Contains(scopes, oidc.ScopeEmail) {
		u.Email, u.EmailVerified = p.Email, oidc.Bool(!p.UnverifiedEmail)
	}
	if slices.Contains(scopes, oidc.ScopeProfile) {
		u.Name = p.Name
	}
	if len(p.Groups) > 0 {
		u.AppendClaims("groups", p.Groups)
	}
	return nil
}

// token returns a live access token.
func (s *storage) token(id string) (accessToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[id]
	if !ok || time.Now().After(t.expiry) {
		return accessToken{}, fmt.Errorf("devoidc: token: %w", errNotFound)
	}
	return t, nil
}

// SetUserinfoFromToken fills the userinfo endpoint's answer.
func (s *storage) SetUserinfoFromToken(ctx context.Context, u *oidc.UserInfo, tokenID, _, _ string) error {
	t, err := s.token(tokenID)
	if err != nil {
		return err
	}
	return s.SetUserinfoFromScopes(ctx, u, t.subject, "", t.scopes)
}

// SetIntrospectionFromToken answers token introspection.
func (s *storage) SetIntrospectionFromToken(ctx context.Context, r *oidc.IntrospectionResponse, tokenID, _, clientID string) error {
	t, err := s.token(tokenID)
	if err != nil {
		return err
	}
	s.introspection(r, t, clientID)
	return nil
}

// GetPrivateClaimsFromScopes adds email and name to JWT access tokens, so
// they work as bearer tokens for a relying party that links by email.
func (s *storage) GetPrivateClaimsFromScopes(_ context.Context, subject, _ string, _ []string) (map[string]any, error) {
	p, ok := s.people.bySub[subject]
	if !ok {
		return nil, nil
	}
	return map[string]any{"email": p.Email, "email_verified": !p.UnverifiedEmail, "name": p.Name}, nil
}

// GetKeyByIDAndClientID is refused: JWT profile grants are not offered.
func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("devoidc: jwt profile not supported")
}

// ValidateJWTProfileScopes is refused: JWT profile grants are not offered.
func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("devoidc: jwt profile not supported")
}

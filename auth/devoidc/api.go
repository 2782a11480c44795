package devoidc

import (
	"slices"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// APIAudienceScope is the scope that asks for tokens whose audience also
// names the API audience set with WithAPIAudience (Dex's cross-client
// scope, "audience:server:client_id:" + the API's client ID).
const APIAudienceScope = "audience:server:client_id:"

// accessTokenTTL is how long an access token lives.
const accessTokenTTL = 15 * time.Minute

// WithAPIAudience lets the client ask for tokens (ID and access tokens)
// whose audience is [api, client ID] with the scope APIAudienceScope+api,
// as Dex issues tokens for a trusted peer.
func WithAPIAudience(api string) Option {
	return func(c *client) {
		c.apiAudience = api
		c.allowedScope[APIAudienceScope+api] = true
	}
}

// WithOpaqueAccessTokens issues opaque access tokens, which a resource
// server can check only through the introspection endpoint.
func WithOpaqueAccessTokens() Option {
	return func(c *client) { c.opaqueTokens = true }
}

// audience returns the audience of tokens issued for scopes.
func (c *client) audience(scopes []string) []string {
	if c.apiAudience != "" && slices.Contains(scopes, APIAudienceScope+c.apiAudience) {
		return []string{c.apiAudience, c.id}
	}
	return []string{c.id}
}

// sweepTokensLocked drops expired access tokens; callers hold mu.
func (s *storage) sweepTokensLocked(now time.Time) {
	for id, t := range s.tokens {
		if now.After(t.expiry) {
			delete(s.tokens, id)
		}
	}
}

// introspection fills an introspection answer from a live token.
func (s *storage) introspection(r *oidc.IntrospectionResponse, t accessToken, clientID string) {
	r.Active, r.Subject, r.ClientID, r.Scope = true, t.subject, clientID, t.scopes
	r.Expiration, r.IssuedAt = oidc.FromTime(t.expiry), oidc.FromTime(t.issued)
	r.Audience, r.TokenType = t.audience, "Bearer"
	if p, ok := s.people.bySub[t.subject]; ok {
		r.Email, r.EmailVerified, r.Name = p.Email, oidc.Bool(!p.UnverifiedEmail), p.Name
	}
}

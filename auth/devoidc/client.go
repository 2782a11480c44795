package devoidc

import (
	"net/url"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// client is the one relying party the development provider knows; it
// implements op.Client.
type client struct {
	id           string
	secret       string
	redirects    []string
	postLogout   []string
	idTokenTTL   time.Duration
	allowedScope map[string]bool
	// prefix is the issuer's path, such as "/dev-oidc", that the
	// provider's own pages live under; "" at the root.
	prefix string
	// backChannelURL receives logout tokens on end_session ("" for none).
	backChannelURL string
	// apiAudience, when set, is added to the audience of tokens requested
	// with the scope "audience:server:client_id:" + apiAudience, as Dex
	// does; opaqueTokens issues opaque access tokens instead of JWTs.
	apiAudience  string
	opaqueTokens bool
}

func (c *client) GetID() string                       { return c.id }
func (c *client) RedirectURIs() []string              { return c.redirects }
func (c *client) PostLogoutRedirectURIs() []string    { return c.postLogout }
func (c *client) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }
func (c *client) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodBasic }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) GrantTypes() []oidc.GrantType { return []oidc.GrantType{oidc.GrantTypeCode} }
func (c *client) LoginURL(id string) string {
	return c.prefix + loginPath + "?id=" + url.QueryEscape(id)
}
func (c *client) AccessTokenType() op.AccessTokenType {
	if c.opaqueTokens {
		return op.AccessTokenTypeBearer
	}
	return op.AccessTokenTypeJWT
}
func (c *client) IDTokenLifetime() time.Duration { return c.idTokenTTL }
func (c *client) DevMode() bool                  { return false }
func (c *client) ClockSkew() time.Duration       { return 0 }

// RestrictAdditionalIdTokenScopes keeps every scope.
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}

// RestrictAdditionalAccessTokenScopes keeps every scope.
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}

// IsScopeAllowed allows the standard scopes only.
func (c *client) IsScopeAllowed(scope string) bool { return c.allowedScope[scope] }

// IDTokenUserinfoClaimsAssertion puts email and name into the ID token.
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return true }

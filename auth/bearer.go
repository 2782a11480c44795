package auth

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// errLinkGone means a session's link was removed or now points elsewhere.
var errLinkGone = errors.New("auth: link removed")

// errBearerToken marks a bearer token the API refuses.
var errBearerToken = errors.New("auth: invalid bearer token")

func isNotFound(err error) bool { return errors.Is(err, connectors.ErrNotFound) }

// bearerVerifier checks a JWT access token's signature, issuer, expiry
// and that its audience names the API audience; nil with bearer access
// off.
func (s *Service) bearerVerifier(ctx context.Context, p *oidc.Provider) *oidc.IDTokenVerifier {
	if s.opts.APIAudience == "" {
		return nil
	}
	return p.VerifierContext(ctx, s.verifierConfig(s.opts.APIAudience))
}

// bearer authenticates an Authorization header: an access token for the
// API audience, mapped to a contact like a browser sign-in.
func (s *Service) bearer(c *gin.Context, header string) {
	scheme, token, ok := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		s.event(EventBearer, "malformed")
		c.Header("WWW-Authenticate", `Bearer realm="clientgate", error="invalid_request"`)
		s.problem(c, http.StatusUnauthorized, "invalid-request", "Bad authorization header",
			"Send Authorization: Bearer <token>.")
		return
	}
	rp := s.party()
	if rp == nil {
		s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable",
			"Sign-in is not available yet. Please try again in a minute.")
		return
	}
	ctx := c.Request.Context()
	tc, err := s.verifyBearer(ctx, rp, token)
	if err != nil {
		s.opts.Logger.InfoContext(ctx, "auth: bearer token rejected", "err", err.Error())
		s.event(EventBearer, "invalid_token")
		c.Header("WWW-Authenticate", `Bearer realm="clientgate", error="invalid_token"`)
		s.problem(c, http.StatusUnauthorized, "invalid-token", "Invalid token",
			"The bearer token is invalid, expired or not meant for this service.")
		return
	}
	id := bridge.Identity{Issuer: tc.Issuer, Subject: tc.Subject}
	contactID, _, acc, err := s.resolve(ctx, id, tc.claims)
	if err != nil {
		s.event(EventBearer, "refused")
		s.bearerRefused(c, err)
		return
	}
	s.event(EventBearer, "ok")
	SetPrincipal(c, acc.grant(Principal{Identity: id, ContactID: contactID, Email: tc.Email, Name: tc.Name, Bearer: true}))
	c.Next()
}

// tokenClaims are what the API checks in an access token, whether it came
// as a JWT or from introspection.
type tokenClaims struct {
	claims
	Issuer   string    `json:"-"`
	Audience []string  `json:"-"`
	IssuedAt time.Time `json:"-"`
	// AZP and ClientID name the client the token was issued to.
	AZP      string `json:"azp"`
	ClientID string `json:"client_id"`
	// Events is set in logout and other security event tokens, which are
	// never access tokens.
	Events json.RawMessage `json:"events"`
}

// verifyBearer checks a JWT access token (signature, issuer, audience,
// expiry) or, with introspection on, asks the provider about an opaque
// one; then the claims every API token must satisfy.
func (s *Service) verifyBearer(ctx context.Context, rp *relyingParty, token string) (tokenClaims, error) {
	var tc tokenClaims
	var err error
	switch {
	case s.opts.APIAudience == "":
		return tc, fmt.Errorf("%w: bearer access is off (no auth.api_audience)", errBearerToken)
	case strings.Count(token, ".") == 2:
		tc, err = s.verifyJWT(ctx, rp, token)
	case s.opts.Introspection:
		tc, err = s.introspect(ctx, rp, token)
	default:
		return tc, fmt.Errorf("%w: not a JWT, and introspection is off", errBearerToken)
	}
	if err != nil {
		return tc, err
	}
	return tc, s.checkTokenClaims(tc)
}

// verifyJWT verifies a JWT access token and reads its claims.
func (s *Service) verifyJWT(ctx context.Context, rp *relyingParty, token string) (tokenClaims, error) {
	if err := checkTokenType(token); err != nil {
		return tokenClaims{}, err
	}
	t, err := rp.bearer.Verify(oidc.ClientContext(ctx, s.opts.HTTPClient), token)
	if err != nil {
		return tokenClaims{}, fmt.Errorf("%w: %w", errBearerToken, err)
	}
	var tc tokenClaims
	if err := t.Claims(&tc); err != nil {
		return tokenClaims{}, fmt.Errorf("%w: claims: %w", errBearerToken, err)
	}
	tc.Issuer, tc.Subject, tc.Audience, tc.IssuedAt = t.Issuer, t.Subject, t.Audience, t.IssuedAt
	tc.Email = strings.TrimSpace(tc.Email)
	return tc, nil
}

// checkTokenType refuses a JWT whose header names a type other than a
// plain JWT or an RFC 9068 access token (such as logout+jwt).
func checkTokenType(token string) error {
	head, _, _ := strings.Cut(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		return fmt.Errorf("%w: header: %w", errBearerToken, err)
	}
	var h struct {
		Typ string `json:"typ"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return fmt.Errorf("%w: header: %w", errBearerToken, err)
	}
	switch strings.ToLower(h.Typ) {
	case "", "jwt", "at+jwt", "application/at+jwt":
		return nil
	}
	return fmt.Errorf("%w: token type %q is not an access token", errBearerToken, h.Typ)
}

// checkTokenClaims applies the rules every API token must meet: the API
// audience; never only the portal's client ID; with several audiences an
// allowed client (azp, or RFC 9068's client_id); a client among APIClients when they are set; a subject; an
// iat not in the future beyond the clock skew; no events claim.
func (s *Service) checkTokenClaims(tc tokenClaims) error {
	client := cmp.Or(tc.AZP, tc.ClientID)
	switch {
	case tc.Subject == "":
		return fmt.Errorf("%w: no subject", errBearerToken)
	case !slices.Contains(tc.Audience, s.opts.APIAudience):
		return fmt.Errorf("%w: audience %v does not name the API", errBearerToken, tc.Audience)
	case len(tc.Audience) == 1 && tc.Audience[0] == s.opts.ClientID:
		return fmt.Errorf("%w: a token for the portal's client ID only", errBearerToken)
	case len(tc.Audience) > 1 && (client == "" || !slices.Contains(s.opts.APIClients, client)):
		return fmt.Errorf("%w: several audiences and client %q (azp or client_id) is not an allowed one", errBearerToken, client)
	case len(s.opts.APIClients) > 0 && client != "" && !slices.Contains(s.opts.APIClients, client):
		return fmt.Errorf("%w: client %q is not allowed", errBearerToken, client)
	case tc.IssuedAt.After(time.Now().Add(s.opts.ClockSkew)):
		return fmt.Errorf("%w: iat in the future", errBearerToken)
	case len(tc.Events) > 0:
		return fmt.Errorf("%w: a security event token", errBearerToken)
	}
	return nil
}

// bearerRefused answers a valid token whose person may not use the portal.
func (s *Service) bearerRefused(c *gin.Context, err error) {
	if r, ok := asRefusal(err); ok {
		s.problem(c, r.status, r.kind, r.title, r.message, r.args...)
		return
	}
	s.opts.Logger.ErrorContext(c.Request.Context(), "auth: bearer sign-in failed", "err", err.Error())
	s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "Please try again in a minute.")
}

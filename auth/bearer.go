package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// errLinkGone means a session's link was removed or now points elsewhere.
var errLinkGone = errors.New("auth: link removed")

func isNotFound(err error) bool { return errors.Is(err, connectors.ErrNotFound) }

// bearer authenticates an Authorization header: a JWT from the provider
// with the bearer audience, mapped to a contact like a browser sign-in.
func (s *Service) bearer(c *gin.Context, header string) {
	scheme, token, ok := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
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
	id, cl, err := s.verifyBearer(c.Request.Context(), rp, token)
	if err != nil {
		s.opts.Logger.InfoContext(c.Request.Context(), "auth: bearer token rejected", "err", err.Error())
		c.Header("WWW-Authenticate", `Bearer realm="clientgate", error="invalid_token"`)
		s.problem(c, http.StatusUnauthorized, "invalid-token", "Invalid token",
			"The bearer token is invalid, expired or not meant for this service.")
		return
	}
	contactID, _, acc, err := s.resolve(c.Request.Context(), id, cl)
	if err != nil {
		s.bearerRefused(c, err)
		return
	}
	SetPrincipal(c, acc.grant(Principal{Identity: id, ContactID: contactID, Email: cl.Email, Name: cl.Name, Bearer: true}))
	c.Next()
}

// verifyBearer checks signature, issuer, audience and expiry.
func (s *Service) verifyBearer(ctx context.Context, rp *relyingParty, token string) (bridge.Identity, claims, error) {
	t, err := rp.bearer.Verify(oidc.ClientContext(ctx, s.opts.HTTPClient), token)
	if err != nil {
		return bridge.Identity{}, claims{}, err
	}
	cl, err := claimsOf(t)
	if err != nil {
		return bridge.Identity{}, claims{}, err
	}
	return bridge.Identity{Issuer: t.Issuer, Subject: t.Subject}, cl, nil
}

// bearerRefused answers a valid token whose person may not use the portal.
func (s *Service) bearerRefused(c *gin.Context, err error) {
	if r, ok := asRefusal(err); ok {
		s.problem(c, r.status, r.kind, r.title, r.message)
		return
	}
	s.opts.Logger.ErrorContext(c.Request.Context(), "auth: bearer sign-in failed", "err", err.Error())
	s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "Please try again in a minute.")
}

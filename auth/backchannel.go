package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// backChannelEvent is the member of a logout token's events claim.
const backChannelEvent = "http://schemas.openid.net/event/backchannel-logout"

// logoutTokenMaxAge is the oldest logout token accepted (by its iat);
// used token IDs are remembered this long past it, so that a replay is
// refused either way.
const logoutTokenMaxAge = 10 * time.Minute

// maxLogoutToken bounds the logout token's size.
const maxLogoutToken = 16 << 10

// Back-channel logout outcomes, for Options.OnAuthEvent.
const (
	EventBackChannelLogout = "backchannel_logout"
	EventBearer            = "bearer"
)

// errLogoutToken marks a logout token the relying party must refuse.
var errLogoutToken = errors.New("auth: invalid logout token")

// logoutClaims are the claims a logout token must and must not have.
type logoutClaims struct {
	Subject string                     `json:"sub"`
	SID     string                     `json:"sid"`
	JTI     string                     `json:"jti"`
	Events  map[string]json.RawMessage `json:"events"`
	Nonce   *json.RawMessage           `json:"nonce"`
}

// backChannelLogout answers POST /auth/backchannel-logout (OpenID Connect
// Back-Channel Logout 1.0): it verifies the provider's logout token and
// ends the sessions of its sub and/or sid. A token that does not verify
// is 400; the provider's answer is 200 once the sessions have ended.
func (s *Service) backChannelLogout(c *gin.Context) {
	ctx := c.Request.Context()
	rp := s.party()
	if rp == nil {
		s.event(EventBackChannelLogout, "provider_down")
		s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "The provider has not been discovered yet.")
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxLogoutToken)
	token := c.PostForm("logout_token")
	f, err := s.verifyLogoutToken(ctx, rp, token)
	if err != nil {
		s.opts.Logger.InfoContext(ctx, "auth: logout token refused", "err", err.Error())
		s.event(EventBackChannelLogout, "refused")
		s.problem(c, http.StatusBadRequest, "invalid-logout-token", "Invalid logout token", "The logout token was missing, invalid or already used.")
		return
	}
	n, err := s.EndSessions(ctx, f)
	if err != nil {
		s.opts.Logger.ErrorContext(ctx, "auth: back-channel logout failed", "err", err.Error())
		s.event(EventBackChannelLogout, "backend_error")
		s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "Please try again.")
		return
	}
	s.opts.Logger.InfoContext(ctx, "auth: back-channel logout", "issuer", f.Issuer, "subject", f.Subject, "sessions", n)
	s.event(EventBackChannelLogout, "ok")
	c.Header("Cache-Control", "no-store")
	c.Status(http.StatusOK)
}

// verifyLogoutToken checks a logout token and returns the sessions it
// ends: signature and algorithm (never "none"), iss, aud, iat neither in
// the future beyond the clock skew nor older than logoutTokenMaxAge,
// exp when present, the events claim, no nonce, sub and/or sid, and a jti
// never seen before.
func (s *Service) verifyLogoutToken(ctx context.Context, rp *relyingParty, raw string) (bridge.SessionFilter, error) {
	if raw == "" || len(raw) > maxLogoutToken {
		return bridge.SessionFilter{}, fmt.Errorf("%w: missing or oversized", errLogoutToken)
	}
	t, err := rp.logoutVerifier.Verify(oidc.ClientContext(ctx, s.opts.HTTPClient), raw)
	if err != nil {
		return bridge.SessionFilter{}, fmt.Errorf("%w: %w", errLogoutToken, err)
	}
	var cl logoutClaims
	if err := t.Claims(&cl); err != nil {
		return bridge.SessionFilter{}, fmt.Errorf("%w: claims: %w", errLogoutToken, err)
	}
	if err := s.checkLogoutClaims(t, cl); err != nil {
		return bridge.SessionFilter{}, err
	}
	fresh, err := s.opts.Bridge.UseTokenID(ctx, t.Issuer, cl.JTI, t.IssuedAt.Add(logoutTokenMaxAge+s.opts.ClockSkew))
	switch {
	case err != nil:
		return bridge.SessionFilter{}, fmt.Errorf("%w: remember jti: %w", errLogoutToken, err)
	case !fresh:
		return bridge.SessionFilter{}, fmt.Errorf("%w: jti already used", errLogoutToken)
	}
	return bridge.SessionFilter{Issuer: t.Issuer, Subject: cl.Subject, SID: cl.SID}, nil
}

// checkLogoutClaims checks the claims that make a JWT a logout token.
func (s *Service) checkLogoutClaims(t *oidc.IDToken, cl logoutClaims) error {
	now, skew := time.Now(), s.opts.ClockSkew
	var ev map[string]json.RawMessage
	switch {
	case t.IssuedAt.IsZero():
		return fmt.Errorf("%w: no iat", errLogoutToken)
	case t.IssuedAt.After(now.Add(skew)):
		return fmt.Errorf("%w: iat in the future", errLogoutToken)
	case t.IssuedAt.Before(now.Add(-logoutTokenMaxAge - skew)):
		return fmt.Errorf("%w: iat too old", errLogoutToken)
	case !t.Expiry.IsZero() && t.Expiry.Before(now.Add(-skew)):
		return fmt.Errorf("%w: expired", errLogoutToken)
	case json.Unmarshal(cl.Events[backChannelEvent], &ev) != nil:
		return fmt.Errorf("%w: no back-channel logout event", errLogoutToken)
	case cl.Nonce != nil:
		return fmt.Errorf("%w: nonce present", errLogoutToken)
	case cl.Subject == "" && cl.SID == "":
		return fmt.Errorf("%w: neither sub nor sid", errLogoutToken)
	case cl.JTI == "":
		return fmt.Errorf("%w: no jti", errLogoutToken)
	}
	return nil
}

// event reports an authentication event to the OnAuthEvent hook.
func (s *Service) event(kind, outcome string) {
	if s.opts.OnAuthEvent != nil {
		s.opts.OnAuthEvent(kind, outcome)
	}
}

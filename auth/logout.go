package auth

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// logout ends the session: it needs the session's CSRF token (form field
// csrf_token or header X-CSRF-Token), clears the cookie and sends the
// browser to the provider's end_session_endpoint when there is one.
func (s *Service) logout(c *gin.Context) {
	ss, err := s.readSession(c)
	if errors.Is(err, errNoSession) {
		c.Redirect(http.StatusSeeOther, s.opts.PostLogoutRedirectURL)
		return
	}
	if err != nil {
		s.signOutFailed(c, err)
		return
	}
	token := c.GetHeader("X-CSRF-Token")
	if token == "" {
		token = c.PostForm("csrf_token")
	}
	if !equal(token, ss.CSRF) {
		s.page(c, Page{Status: http.StatusForbidden, Title: "auth.logout_unconfirmed.title",
			Message: "auth.logout_unconfirmed.detail"})
		return
	}
	if _, err := s.EndSessions(c.Request.Context(), bridge.SessionFilter{ID: ss.ID}); err != nil {
		s.signOutFailed(c, err)
		return
	}
	s.clearCookie(c, s.cookies.session)
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, s.endSessionURL(ss))
}

// endSessionURL is the provider's end_session_endpoint with the ID token
// hint (when the session kept it), client_id and the post-logout
// redirect; or the post-logout redirect itself when the provider has none.
func (s *Service) endSessionURL(ss bridge.Session) string {
	rp := s.party()
	if rp == nil || rp.endSession == "" {
		return s.opts.PostLogoutRedirectURL
	}
	u, err := url.Parse(rp.endSession)
	if err != nil {
		return s.opts.PostLogoutRedirectURL
	}
	q := u.Query()
	if ss.IDToken != "" {
		q.Set("id_token_hint", ss.IDToken)
	}
	q.Set("client_id", s.opts.ClientID)
	q.Set("post_logout_redirect_uri", s.opts.PostLogoutRedirectURL)
	u.RawQuery = q.Encode()
	return u.String()
}

// signOutFailed answers a sign-out the store could not record: the
// session stays, so the person must be told to try again.
func (s *Service) signOutFailed(c *gin.Context, err error) {
	s.opts.Logger.ErrorContext(c.Request.Context(), "auth: sign-out failed", "err", err.Error())
	s.page(c, Page{Status: http.StatusServiceUnavailable, Title: "auth.signout_failed.title",
		Message: "auth.signout_failed.detail"})
}

// EndSessionOrigin returns the origin of the provider's end-session
// endpoint, where the browser goes after signing out, so that the
// portal's CSP form-action can allow it; before discovery the issuer's
// origin, and "" when the provider has no such endpoint.
func (s *Service) EndSessionOrigin() string {
	target := s.opts.Issuer
	if rp := s.party(); rp != nil {
		target = rp.endSession
	}
	if m := s.endOrigin.Load(); m != nil && m.target == target {
		return m.origin
	}
	origin := ""
	if u, err := url.Parse(target); err == nil && u.Scheme != "" && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	s.endOrigin.Store(&endSessionOrigin{target: target, origin: origin})
	return origin
}

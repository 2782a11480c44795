package auth

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// logout ends the session: it needs the session's CSRF token (form field
// csrf_token or header X-CSRF-Token), clears the cookie and sends the
// browser to the provider's end_session_endpoint when there is one.
func (s *Service) logout(c *gin.Context) {
	ss, ok := s.readSession(c)
	if !ok {
		c.Redirect(http.StatusSeeOther, s.opts.PostLogoutRedirectURL)
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
	s.clearCookie(c, s.cookies.session)
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, s.endSessionURL(ss))
}

// endSessionURL is the provider's end_session_endpoint with the ID token
// hint (when the session kept it), client_id and the post-logout
// redirect; or the post-logout redirect itself when the provider has none.
func (s *Service) endSessionURL(ss session) string {
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

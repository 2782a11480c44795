package auth

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Pages guards HTML routes: a signed-in request gets its Principal (see
// SetPrincipal); anyone else is redirected to sign in and come back. The
// contact's link and portal access are re-checked on every request
// (through the cached connector), so revoking access takes effect at once.
func (s *Service) Pages() gin.HandlerFunc {
	return func(c *gin.Context) {
		ss, ok := s.readSession(c)
		if !ok {
			c.Header("Cache-Control", "no-store")
			c.Redirect(http.StatusFound, s.loginURL(c.Request.URL.RequestURI()))
			c.Abort()
			return
		}
		acc, err := s.recheck(c.Request.Context(), ss)
		if err != nil {
			s.sessionRefused(c, err, false)
			return
		}
		s.touch(c, ss)
		SetPrincipal(c, acc.grant(ss.principal()))
		c.Next()
	}
}

// API guards JSON routes: a bearer token (preferred when present) or a
// session cookie; otherwise 401 problem+json.
func (s *Service) API() gin.HandlerFunc {
	return func(c *gin.Context) {
		if h := c.GetHeader("Authorization"); h != "" {
			s.bearer(c, h)
			return
		}
		ss, ok := s.readSession(c)
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="clientgate"`)
			s.problem(c, http.StatusUnauthorized, "unauthenticated", "Sign-in required",
				"Sign in, or send an Authorization: Bearer token.")
			return
		}
		acc, err := s.recheck(c.Request.Context(), ss)
		if err != nil {
			s.sessionRefused(c, err, true)
			return
		}
		s.touch(c, ss)
		SetPrincipal(c, acc.grant(ss.principal()))
		c.Next()
	}
}

// recheck confirms the session's link still points at its contact and the
// contact may still use the portal.
func (s *Service) recheck(ctx context.Context, ss session) (access, error) {
	key := checkKey{ss.Issuer, ss.Subject, ss.ContactID}
	if set, ok := s.checked.get(key); ok {
		return s.contactAccess(ctx, ss.ContactID, set)
	}
	acc, err := s.recheckStore(ctx, ss)
	if err == nil {
		s.checked.put(key, acc.settings)
	}
	return acc, err
}

// recheckStore reads the session's link and settings from the bridge.
func (s *Service) recheckStore(ctx context.Context, ss session) (access, error) {
	l, err := s.opts.Bridge.LinkFor(ctx, ss.principal().Identity)
	if err != nil || l.ContactID != ss.ContactID {
		if err == nil || isNotFound(err) {
			return access{}, errLinkGone
		}
		return access{}, err
	}
	return s.checkAccess(ctx, ss.ContactID)
}

// sessionRefused answers a session that may no longer be used: a removed
// link signs the person out; revoked access shows why; a backend failure
// is 503 and keeps the session.
func (s *Service) sessionRefused(c *gin.Context, err error, api bool) {
	r, refused := asRefusal(err)
	switch {
	case errors.Is(err, errLinkGone):
		s.clearCookie(c, s.cookies.session)
		if api {
			c.Header("WWW-Authenticate", `Bearer realm="clientgate"`)
			s.problem(c, http.StatusUnauthorized, "unauthenticated", "Sign-in required", "Your session has ended. Please sign in again.")
			return
		}
		c.Redirect(http.StatusFound, s.loginURL(c.Request.URL.RequestURI()))
		c.Abort()
	case refused:
		s.clearCookie(c, s.cookies.session)
		if api {
			s.problem(c, r.status, r.kind, r.title, r.message)
			return
		}
		s.page(c, r.status, pageData{Title: r.title, Message: r.message})
	default:
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: session check failed", "err", err.Error())
		if api {
			s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "Please try again in a minute.")
			return
		}
		s.page(c, http.StatusServiceUnavailable, pageData{Title: "Temporarily unavailable",
			Message: "We could not reach our records. Please try again in a minute."})
	}
}

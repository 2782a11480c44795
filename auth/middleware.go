package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// Pages guards HTML routes: a signed-in request gets its Principal (see
// SetPrincipal); anyone else is redirected to sign in and come back. The
// contact's link and portal access are re-checked on every request
// (through the cached connector), so revoking access takes effect at once.
func (s *Service) Pages() gin.HandlerFunc {
	return func(c *gin.Context) {
		ss, err := s.readSession(c)
		if errors.Is(err, errNoSession) {
			c.Header("Cache-Control", "no-store")
			c.Redirect(http.StatusFound, s.loginURL(KeepForm(c)))
			c.Abort()
			return
		}
		if err == nil {
			s.admit(c, ss, false)
			return
		}
		s.sessionRefused(c, ss, err, false)
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
		ss, err := s.readSession(c)
		if errors.Is(err, errNoSession) {
			c.Header("WWW-Authenticate", `Bearer realm="clientgate"`)
			s.problem(c, http.StatusUnauthorized, "unauthenticated", "Sign-in required",
				"Sign in, or send an Authorization: Bearer token.")
			return
		}
		if err == nil {
			s.admit(c, ss, true)
			return
		}
		s.sessionRefused(c, ss, err, true)
	}
}

// admit re-checks a live session's access and lets the request through.
// A staff session whose contact may no longer use the portal (or that
// has none) goes on as staff only.
func (s *Service) admit(c *gin.Context, ss bridge.Session, api bool) {
	ctx := c.Request.Context()
	if ss.ContactID == "" {
		s.admitStaffOnly(c, ss)
		return
	}
	acc, err := s.recheck(c, ss)
	if _, refused := asRefusal(err); ss.Staff && (refused || errors.Is(err, errLinkGone)) {
		s.admitStaffOnly(c, ss)
		return
	}
	if err != nil {
		s.sessionRefused(c, ss, err, api)
		return
	}
	s.touch(ctx, ss)
	SetPrincipal(c, acc.grant(principal(ss)))
	c.Next()
}

// admitStaffOnly lets a staff session through without its contact.
func (s *Service) admitStaffOnly(c *gin.Context, ss bridge.Session) {
	s.touch(c.Request.Context(), ss)
	p := principal(ss)
	p.ContactID = ""
	SetPrincipal(c, p)
	c.Next()
}

// recheck confirms the session's link still points at its contact and the
// contact may still use the portal. Between the contact's settings and
// the contact itself it runs the request's SessionHook.
func (s *Service) recheck(c *gin.Context, ss bridge.Session) (access, error) {
	ctx := c.Request.Context()
	set, err := s.sessionSettings(ctx, ss)
	if err != nil {
		return access{}, err
	}
	runSessionHook(c, ss.ContactID, set)
	return s.contactAccess(ctx, ss.ContactID, set)
}

// sessionSettings confirms the session's link and returns its contact's
// settings from the bridge, or from the memo of a check made within
// RecheckInterval.
func (s *Service) sessionSettings(ctx context.Context, ss bridge.Session) (bridge.ContactSettings, error) {
	key := checkKey{ss.Issuer, ss.Subject, ss.ContactID}
	if set, ok := s.checked.get(key); ok {
		return set, nil
	}
	l, err := s.opts.Bridge.LinkFor(ctx, ss.Identity)
	if err != nil || l.ContactID != ss.ContactID {
		if err == nil || isNotFound(err) {
			return bridge.ContactSettings{}, errLinkGone
		}
		return bridge.ContactSettings{}, err
	}
	set, err := s.opts.Bridge.ContactSettings(ctx, ss.ContactID)
	if err != nil {
		return set, fmt.Errorf("%w: contact settings: %w", errBackend, err)
	}
	s.checked.put(key, set)
	return set, nil
}

// sessionRefused answers a session that may no longer be used: a removed
// link signs the person out; revoked access shows why; a backend failure
// is 503 and keeps the session.
func (s *Service) sessionRefused(c *gin.Context, ss bridge.Session, err error, api bool) {
	r, refused := asRefusal(err)
	ctx := c.Request.Context()
	switch {
	case errors.Is(err, errLinkGone):
		s.endSessions(ctx, bridge.SessionFilter{Issuer: ss.Issuer, Subject: ss.Subject})
		s.clearCookie(c, s.cookies.session)
		if api {
			c.Header("WWW-Authenticate", `Bearer realm="clientgate"`)
			s.problem(c, http.StatusUnauthorized, "unauthenticated", "Sign-in required", "Your session has ended. Please sign in again.")
			return
		}
		c.Redirect(http.StatusFound, s.loginURL(c.Request.URL.RequestURI()))
		c.Abort()
	case refused:
		if r.outcome == OutcomeAccessDisabled {
			s.endSessions(ctx, bridge.SessionFilter{ContactID: ss.ContactID})
		}
		s.clearCookie(c, s.cookies.session)
		if api {
			s.problem(c, r.status, r.kind, r.title, r.message, r.args...)
			return
		}
		s.page(c, r.page(""))
	default:
		s.opts.Logger.ErrorContext(ctx, "auth: session check failed", "err", err.Error())
		if api {
			s.problem(c, http.StatusServiceUnavailable, "unavailable", "Service unavailable", "Please try again in a minute.")
			return
		}
		s.page(c, Page{Status: http.StatusServiceUnavailable, Title: "auth.session_check.title",
			Message: "auth.session_check.detail", Retry: s.loginURL(c.Request.URL.RequestURI())})
	}
}

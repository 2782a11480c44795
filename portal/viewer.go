package portal

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// keyViewer is where the viewer is kept on the Gin context.
const keyViewer = "portal.viewer"

// viewer is the signed-in contact behind a request, with their settings.
type viewer struct {
	p        auth.Principal
	contact  connectors.Contact
	settings bridge.ContactSettings
	prefs    bridge.Preferences
	modules  map[string]bool
	scope    connectors.Scope
	fmt      formatter
}

// errUnauthenticated answers a request that reached a handler unsigned.
var errUnauthenticated = messageError(http.StatusUnauthorized, "error.unauthenticated")

// errRefused answers a contact whose portal access is off.
var errRefused = messageError(http.StatusForbidden, "error.refused")

// loadViewer loads the principal's contact and settings, refuses a contact
// whose portal is off and keeps the result for the handlers.
func (s *server) loadViewer(c *gin.Context) {
	if s.staffOnlyHome(c) {
		return
	}
	p, ok := auth.PrincipalFrom(c)
	if !ok || p.ContactID == "" {
		s.fail(c, errUnauthenticated)
		return
	}
	contact, settings, err := s.checkedContact(c.Request.Context(), p)
	if err != nil {
		s.fail(c, err)
		return
	}
	prefs := s.preferences(c, p.ContactID)
	c.Set(keyViewer, &viewer{
		p: p, contact: contact, settings: settings, prefs: prefs,
		modules: s.effectiveModules(settings),
		scope:   connectors.Scope{ContactID: p.ContactID, WithCompany: settings.ShowsCompanyItems(s.companyDefault)},
		fmt:     s.formatterFor(c, prefs, contact.Locale),
	})
	c.Next()
}

// viewerOf returns the request's viewer; loadViewer runs before every
// handler that calls it.
func viewerOf(c *gin.Context) *viewer {
	v, _ := c.Get(keyViewer)
	vw, _ := v.(*viewer)
	return vw
}

// requireModule answers 404 when the viewer may not use module m.
func (s *server) requireModule(m string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if v := viewerOf(c); v == nil || !v.modules[m] {
			s.fail(c, errNotFound)
			return
		}
		c.Next()
	}
}

// requireCapability answers 404 when the connector lacks an action.
func (s *server) requireCapability(ok func(connectors.Capabilities) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !ok(s.conn.Capabilities()) {
			s.fail(c, errNotFound)
			return
		}
		c.Next()
	}
}

// closed answers every portal route while the portal is switched off.
func (s *server) closed(c *gin.Context) {
	s.fail(c, messageError(http.StatusServiceUnavailable, "error.closed"))
}

// closedOrNotFound answers "closed" for every portal path while the
// portal is switched off, and 404 elsewhere.
func (s *server) closedOrNotFound(c *gin.Context) {
	path := c.Request.URL.Path
	if strings.HasPrefix(path, "/api/") || s.base == "" || pathUnder(path, s.base) {
		s.closed(c)
		return
	}
	s.fail(c, errNotFound)
}

// notFoundOutsidePortal answers 404 at once for a path outside the
// portal; paths inside it go on through sign-in, so that their 404 page
// shows the signed-in client's menu.
func (s *server) notFoundOutsidePortal(c *gin.Context) {
	if s.base != "" && !pathUnder(c.Request.URL.Path, s.base) {
		s.fail(c, errNotFound)
		return
	}
	c.Next()
}

// markAPI flags the request as a JSON API call, for respond and fail.
func markAPI(c *gin.Context) {
	c.Set(keyAPI, true)
	c.Next()
}

// checkedContact returns the principal's contact and settings, refusing a
// contact whose portal is off. The auth middleware has usually read both
// for this request already (Principal.Checked); otherwise they are read
// here.
func (s *server) checkedContact(ctx context.Context, p auth.Principal) (connectors.Contact, bridge.ContactSettings, error) {
	contact, settings := p.Contact, p.Settings
	if !p.Checked {
		var err error
		if settings, err = s.store.ContactSettings(ctx, p.ContactID); err != nil {
			return contact, settings, errorf("contact settings: %w", err)
		}
		if settings.PortalDisabled {
			return contact, settings, errRefused
		}
		contact, err = s.conn.GetContact(ctx, p.ContactID)
		if errors.Is(err, connectors.ErrNotFound) {
			return contact, settings, &httpError{Status: errRefused.Status, Title: errRefused.Title, Detail: errRefused.Detail, err: err}
		}
		if err != nil {
			return contact, settings, errorf("signed-in contact: %w", err)
		}
	}
	if settings.PortalDisabled || !contact.PortalAccess {
		return contact, settings, errRefused
	}
	return contact, settings, nil
}

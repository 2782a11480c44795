package auth

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// Page is a page the sign-in service shows a person: a refused or failed
// sign-in, revoked access, a sign-out that was not confirmed. Title,
// Message and Next are message IDs of package portal/i18n, with Args the
// name, value pairs of their placeholders.
type Page struct {
	Status               int
	Title, Message, Next string
	Args                 []any
	// Retry links to a new sign-in, when trying again can help.
	Retry string
	// ProviderSignOut signs out of the OpenID provider, so that the person
	// can sign in with another account; empty when the provider has no
	// end_session_endpoint.
	ProviderSignOut string
}

// PageRenderer shows a Page, such as inside the portal's layout.
type PageRenderer func(c *gin.Context, p Page)

// FormKeeper keeps the form a request posts when it finds no live
// session, and returns the path to come back to after signing in ("" to
// come back to the request's own URL).
type FormKeeper func(c *gin.Context) string

// SessionHook runs once a request's session and its contact's settings
// are read, before the contact's access is checked in the CRM. The portal
// starts the CRM reads the page will need there, so that they wait for
// the CRM at the same time as the access check; it must not answer the
// request, and what it reads must not reach the client unless the check
// passes.
type SessionHook func(c *gin.Context, contactID string, settings bridge.ContactSettings)

const (
	rendererKey    = "clientgate.auth.renderer"
	formKeeperKey  = "clientgate.auth.formkeeper"
	sessionHookKey = "clientgate.auth.sessionhook"
)

// SetSessionHook has Pages and API call h for this request's session.
func SetSessionHook(c *gin.Context, h SessionHook) { c.Set(sessionHookKey, h) }

// runSessionHook calls the request's SessionHook, if any.
func runSessionHook(c *gin.Context, contactID string, settings bridge.ContactSettings) {
	if h, ok := c.Value(sessionHookKey).(SessionHook); ok && contactID != "" {
		h(c, contactID, settings)
	}
}

// SetPageRenderer makes the service show its pages for this request with
// r; without one it uses its own plain page.
func SetPageRenderer(c *gin.Context, r PageRenderer) { c.Set(rendererKey, r) }

// SetFormKeeper has Pages call k before sending a request without a live
// session to sign in.
func SetFormKeeper(c *gin.Context, k FormKeeper) { c.Set(formKeeperKey, k) }

// pageRenderer returns the request's PageRenderer, if any.
func pageRenderer(c *gin.Context) PageRenderer {
	r, _ := c.Value(rendererKey).(PageRenderer)
	return r
}

// KeepForm runs the request's FormKeeper and returns the path to come
// back to after signing in: what the keeper says, else the request's own
// URL. Pages calls it before sending someone to sign in.
func KeepForm(c *gin.Context) string {
	if k, ok := c.Value(formKeeperKey).(FormKeeper); ok {
		if back := k(c); back != "" {
			return back
		}
	}
	return c.Request.URL.RequestURI()
}

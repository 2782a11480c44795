// Package auth signs clients in with OpenID Connect, keeps their sessions
// on the server (the cookie holds only a random secret whose hash names
// the record), ends them on sign-out, revocation and the provider's
// back-channel logout, accepts bearer access tokens for a configured API
// audience and links each identity to a CRM contact.
package auth

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Principal is the signed-in person behind a request.
type Principal struct {
	// Identity is who the OpenID provider says the person is.
	Identity bridge.Identity
	// ContactID is the CRM contact the identity is linked to; "" for a
	// staff member who is not also a client.
	ContactID string
	// Staff is true when the session's ID token made the person staff at
	// sign-in; never for bearer requests. The staff pages require it.
	Staff bool
	// Email and Name are the provider's claims, for display and audit.
	Email string
	Name  string
	// Bearer is true when the request carried an Authorization: Bearer
	// token rather than a session cookie (such calls need no CSRF token).
	Bearer bool
	// CSRFToken is the token every state-changing request with a session
	// cookie must carry (form field "csrf_token" or header X-CSRF-Token).
	// Empty for bearer requests.
	CSRFToken string
	// SessionID names the cookie session (the store's ID, not the cookie's
	// secret), for per-session limits; empty for bearer requests.
	SessionID string
	// Checked is true when the middleware's access check read Contact and
	// Settings for this request, so that the portal need not read them
	// again.
	Checked  bool
	Contact  connectors.Contact
	Settings bridge.ContactSettings
}

// Actor names the principal in the audit log as "issuer|subject".
func (p Principal) Actor() string { return p.Identity.Issuer + "|" + p.Identity.Subject }

const principalKey = "clientgate.principal"

// SetPrincipal puts p on the request; the auth middleware calls it.
func SetPrincipal(c *gin.Context, p Principal) { c.Set(principalKey, p) }

// PrincipalFrom returns the request's principal, if it is signed in.
func PrincipalFrom(c *gin.Context) (Principal, bool) {
	v, ok := c.Get(principalKey)
	if !ok {
		return Principal{}, false
	}
	p, ok := v.(Principal)
	return p, ok
}

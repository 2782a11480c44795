package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// unsubscribeData is the unsubscribe page: a confirmation button, or
// the confirmation that emails are off.
type unsubscribeData struct {
	Action string
	Done   bool
}

// unsubscribePage asks to confirm: a link in an email is opened by mail
// scanners too, so the GET changes nothing.
func (s *server) unsubscribePage(c *gin.Context) {
	if _, err := s.unsubscribeContact(c); err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "unsubscribe", Title: "emails.unsubscribe_heading",
		Data: unsubscribeData{Action: c.Request.URL.Path}})
}

// unsubscribe turns the token's contact's emails off: the page's button,
// or a mail client's one-click unsubscribe (RFC 8058). The unguessable
// token in the address is the only credential; nothing else is needed.
func (s *server) unsubscribe(c *gin.Context) {
	contactID, err := s.unsubscribeContact(c)
	if err == nil {
		err = s.store.SetEmailOptOut(c.Request.Context(), contactID, true)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: contactID, Actor: "unsubscribe-link", Action: "contact.emails_off",
		Target: contactID, IP: c.ClientIP()})
	s.respond(c, view{Page: "unsubscribe", Title: "emails.unsubscribed_heading", Data: unsubscribeData{Done: true}})
}

// unsubscribeContact returns the contact of the URL's token; a malformed
// or unknown token is not found.
func (s *server) unsubscribeContact(c *gin.Context) (string, error) {
	token := c.Param("token")
	if len(token) > 64 || !printableASCII(token) {
		return "", errNotFound
	}
	id, err := s.store.ContactByUnsubscribeToken(c.Request.Context(), token)
	if isNotFound(err) {
		return "", errNotFound
	}
	return id, err
}

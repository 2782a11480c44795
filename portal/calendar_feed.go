package portal

import (
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// maxTokenLen bounds a calendar token taken from a URL.
const maxTokenLen = 128

// calendarFeed serves a contact's private calendar feed. It needs no
// sign-in: the token in the URL is the credential, so every failure looks
// the same (404) and the token is never logged.
func (s *server) calendarFeed(c *gin.Context) {
	c.Header("Referrer-Policy", "no-referrer")
	token, ok := strings.CutSuffix(c.Param("file"), ".ics")
	if !ok || token == "" || len(token) > maxTokenLen || !printableASCII(token) {
		s.fail(c, errNotFound)
		return
	}
	ctx := c.Request.Context()
	contactID, err := s.store.ContactByCalendarToken(ctx, token)
	if err != nil {
		s.fail(c, err)
		return
	}
	settings, err := s.store.ContactSettings(ctx, contactID)
	if err != nil {
		s.fail(c, err)
		return
	}
	contact, err := s.conn.GetContact(ctx, contactID)
	if err != nil {
		s.fail(c, err)
		return
	}
	if settings.PortalDisabled || !contact.PortalAccess || !s.effectiveModules(settings)[modTasks] {
		s.fail(c, errNotFound)
		return
	}
	scope := connectors.Scope{ContactID: contactID, WithCompany: settings.ShowsCompanyItems(s.companyDefault)}
	tasks, err := s.allTasks(c, scope)
	if err != nil {
		s.fail(c, err)
		return
	}
	zone := s.zone
	if z, ok := s.zoneNamed(s.preferences(c, contactID).TimeZone); ok {
		zone = z
	}
	s.writeCalendar(c, s.brand.Name, "", zone.String(), tasks)
}

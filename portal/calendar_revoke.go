package portal

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// calendarRevokePage asks the client to confirm making a new calendar
// address, since the old one stops working everywhere.
func (s *server) calendarRevokePage(c *gin.Context) {
	s.respond(c, view{Page: "calendar_revoke", Title: "feed.revoke_heading"})
}

// calendarRevoke revokes the viewer's calendar feed token, so the old feed
// URL stops working, and records it in the audit log.
func (s *server) calendarRevoke(c *gin.Context) {
	v := viewerOf(c)
	if err := s.store.RevokeCalendarToken(c.Request.Context(), v.contact.ID); err != nil {
		s.fail(c, errorf("revoke calendar token: %w", err))
		return
	}
	s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: v.contact.ID, Actor: v.p.Actor(),
		Action: "calendar.revoke", IP: c.ClientIP()})
	c.Redirect(http.StatusSeeOther, s.base+"/tasks?done=revoked")
}

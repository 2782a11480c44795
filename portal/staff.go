package portal

import (
	"cmp"
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// staffPath is where the staff pages live (the interface).
const staffPath = "/staff"

// keyStaff marks a request to the staff pages, for the layout.
const keyStaff = "portal.staff"

// Inviter sends a contact the "your portal is ready" email; package notify
// implements it.
type Inviter interface {
	// Invite queues the invitation; queued is false when one was already
	// queued or sent today. A *connectors.ValidationError (field "email")
	// says why a contact cannot be invited: no portal access, or emails
	// turned off by the contact.
	Invite(ctx context.Context, contactID string) (queued bool, err error)
}

// staffRoutes registers the staff pages; requireStaff guards each.
func (s *server) staffRoutes(g *gin.RouterGroup) {
	g.GET("/", s.staffInboxPage)
	g.GET("/threads/:id", s.staffThreadPage)
	g.POST("/threads/:id/reply", s.staffReplyPage)
	g.POST("/threads/:id/status", s.staffStatusPage)
	g.POST("/threads/:id/assign", s.staffAssignPage)
	g.GET("/invite", s.staffInvitePage)
	g.POST("/invite", s.staffInviteSend)
	s.staffFileRoutes(g)
}

// requireStaff answers 404 unless the request's session made its person
// staff at sign-in (never a bearer token): a client cannot tell the
// staff pages exist.
func (s *server) requireStaff(c *gin.Context) {
	p, ok := auth.PrincipalFrom(c)
	if !ok || !p.Staff || p.Bearer {
		s.fail(c, errNotFound)
		return
	}
	c.Set(keyStaff, true)
	c.Next()
}

// staffActor is the staff member behind the request, as the audit log
// records them.
func staffActor(c *gin.Context) bridge.StaffActor {
	p, _ := auth.PrincipalFrom(c)
	return bridge.StaffActor{ID: p.Actor(), Name: cmp.Or(p.Name, p.Email), IP: c.ClientIP()}
}

// staffScope binds the staff pages' sealed cursors to the staff member.
func staffScope(c *gin.Context) connectors.Scope {
	return connectors.Scope{ContactID: "staff:" + staffActor(c).ID}
}

// staffNav is the staff pages' navigation, with the client portal for a
// staff member who is also a client.
func (s *server) staffNav(c *gin.Context, f formatter) []navLink {
	route := c.FullPath()
	files := route == staffPath+"/files" || route == staffPath+"/contacts/:id/files"
	out := []navLink{
		{Label: f.T("staff.nav.inbox"), URL: staffPath + "/", Current: route != staffPath+"/invite" && !files},
		{Label: f.T("staff.nav.invite"), URL: staffPath + "/invite", Current: route == staffPath+"/invite"},
	}
	if s.files != nil {
		out = append(out, navLink{Label: f.T("sharing.nav"), URL: staffPath + "/files", Current: files})
	}
	if p, _ := auth.PrincipalFrom(c); p.ContactID != "" {
		out = append(out, navLink{Label: f.T("staff.nav.portal"), URL: s.base + "/"})
	}
	return out
}

// staffOnlyHome sends a staff member without a contact from the client
// pages to the staff inbox (the API answers 403: it is the clients').
func (s *server) staffOnlyHome(c *gin.Context) bool {
	p, ok := auth.PrincipalFrom(c)
	if !ok || !p.Staff || p.ContactID != "" {
		return false
	}
	if isAPI(c) || s.inbox == nil {
		s.fail(c, messageError(http.StatusForbidden, "staff.no_contact"))
		return true
	}
	c.Redirect(http.StatusSeeOther, staffPath+"/")
	c.Abort()
	return true
}

package portal

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// inviteData is the invitation form of the staff inbox.
type inviteData struct {
	// Enabled is false while email is off (no form then).
	Enabled bool
	Email   string
	Error   string
}

// inviteNotices are the confirmations after an invitation.
var inviteNotices = map[string]string{"sent": "staff.invite.sent", "already": "staff.invite.already"}

// staffInvitePage shows the invitation form.
func (s *server) staffInvitePage(c *gin.Context) {
	s.respond(c, view{Page: "staff_invite", Title: "staff.invite.heading", Notice: inviteNotices[c.Query("done")],
		Data: inviteData{Enabled: s.invites != nil}})
}

// staffInviteSend invites the contact with the form's email address and
// records it in the contact's audit log.
func (s *server) staffInviteSend(c *gin.Context) {
	if s.invites == nil {
		s.fail(c, errNotFound)
		return
	}
	form, err := postedForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	email := strings.TrimSpace(form.Get("email"))
	queued, err := s.invite(c, email)
	var verr *connectors.ValidationError
	switch {
	case errors.As(err, &verr):
		f := s.requestFormatter(c)
		s.respond(c, view{Status: http.StatusUnprocessableEntity, Page: "staff_invite", Title: "staff.invite.heading",
			Data: inviteData{Enabled: true, Email: email, Error: inviteError(f, verr.Fields["email"])}})
	case err != nil:
		s.fail(c, err)
	case queued:
		c.Redirect(http.StatusSeeOther, staffPath+"/invite?done=sent")
	default:
		c.Redirect(http.StatusSeeOther, staffPath+"/invite?done=already")
	}
}

// invite finds the one contact with the email and invites them.
func (s *server) invite(c *gin.Context, email string) (bool, error) {
	ctx := c.Request.Context()
	if msg := (connectors.TextRule{Max: 254, Required: true}).Problem(email); msg != "" || !strings.Contains(email, "@") {
		return false, fieldProblem1("email", "is not a valid email address")
	}
	contact, err := s.conn.FindContactByEmail(ctx, email)
	switch {
	case errors.Is(err, connectors.ErrNotFound):
		return false, fieldProblem1("email", "matches no contact")
	case errors.Is(err, connectors.ErrAmbiguous):
		return false, fieldProblem1("email", "matches several contacts")
	case err != nil:
		return false, err
	}
	queued, err := s.invites.Invite(ctx, contact.ID)
	if err == nil && queued {
		a := staffActor(c)
		s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: contact.ID, Actor: "staff:" + a.ID, Action: "contact.invite",
			Target: contact.ID, IP: a.IP})
	}
	return queued, err
}

// fieldProblem1 is a validation error of one field.
func fieldProblem1(field, words string) error {
	var verr connectors.ValidationError
	verr.Add(field, words)
	return &verr
}

// inviteErrors are the invitation's field errors in words.
var inviteErrors = map[string]string{
	"is not a valid email address": "validation.not_email",
	"matches no contact":           "staff.invite.no_contact",
	"matches several contacts":     "staff.invite.ambiguous",
	"has no portal access":         "staff.invite.no_access",
	"has turned emails off":        "staff.invite.opted_out",
}

// inviteError shows an invitation's problem in f's language.
func inviteError(f formatter, words string) string {
	if id, ok := inviteErrors[words]; ok {
		return f.T(id)
	}
	return f.T("validation.rejected")
}

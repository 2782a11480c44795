package notify

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
)

// signup tells the staff (email.staff_to) of a contact created on a first
// sign-in.
func (n *Notifier) signup(ctx context.Context, j *jobs.Job[SignupArgs]) error {
	id := j.Args.ContactID
	c, err := n.o.Connector.GetContact(ctx, id)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("notify: contact: %w", err)
	}
	link := n.URL(StaffPath + "/?" + url.Values{"contact": {c.ID}, "status": {"all"}}.Encode())
	return n.ToStaff(ctx, "signup/"+id, n.o.StaffTo, func(l *i18n.Localizer) emails.Content {
		args := []any{"Name", c.Name(), "Email", c.Email}
		return emails.Content{
			Subject: l.T("emails.staff.signup_subject", args...),
			Intro:   []string{l.T("emails.staff.signup_intro", args...)},
			Action:  emails.Action{Label: l.T("emails.staff.signup_action"), URL: link},
		}
	})
}

// Invite queues the "your portal is ready" email to a contact: its
// button starts the normal sign-in (nothing secret in it). queued is
// false when the contact was already invited today. A contact without an
// email address or portal access, or who turned emails off, is a
// *connectors.ValidationError on the field "email".
func (n *Notifier) Invite(ctx context.Context, contactID string) (bool, error) {
	c, reason, err := n.reachable(ctx, contactID)
	if err != nil {
		return false, err
	}
	if reason != "" {
		var verr connectors.ValidationError
		verr.Add("email", reason)
		return false, &verr
	}
	key := "invite/" + c.ID + "/" + time.Now().UTC().Format(time.DateOnly)
	login := n.URL("/auth/login?" + url.Values{"next": {n.o.BasePath + "/"}}.Encode())
	return n.sendContact(ctx, key, c, func(l *i18n.Localizer, c connectors.Contact) emails.Content {
		business := n.o.Renderer.Business()
		return emails.Content{
			Subject:  l.T("emails.invite.subject", "Business", business),
			Greeting: l.T("emails.greeting", "Name", c.Name()),
			Intro:    []string{l.T("emails.invite.intro", "Business", business), l.T("emails.invite.signin", "Email", c.Email)},
			Action:   emails.Action{Label: l.T("emails.invite.action"), URL: login},
			Reason:   l.T("emails.reason.invite", "Business", business),
		}
	})
}

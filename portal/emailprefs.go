package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// The values of the "emails" preference.
const (
	emailsOn  = "on"
	emailsOff = "off"
)

// emailSetting is the contact's "emails" preference, on or off; a store
// failure is logged and reads as on.
func (s *server) emailSetting(c *gin.Context, contactID string) string {
	p, err := s.store.EmailPreferences(c.Request.Context(), contactID)
	if err != nil {
		s.log.WarnContext(c.Request.Context(), "portal: read email preferences", "request_id", requestID(c), "err", err.Error())
	}
	if p.OptOut {
		return emailsOff
	}
	return emailsOn
}

// takeEmailSetting removes "emails" from values and checks it: set
// reports whether it was there, optOut what it says.
func takeEmailSetting(values map[string]string) (optOut, set bool, err error) {
	v, set := values["emails"]
	if !set {
		return false, false, nil
	}
	delete(values, "emails")
	if v != emailsOn && v != emailsOff {
		var verr connectors.ValidationError
		verr.Add("preferences.emails", "must be on or off")
		return false, true, &verr
	}
	return v == emailsOff, true, nil
}

// saveEmailSetting stores the choice when set and it changed, recording
// it in the contact's audit log.
func (s *server) saveEmailSetting(c *gin.Context, vw *viewer, optOut, set bool) error {
	if !set || (s.emailSetting(c, vw.contact.ID) == emailsOff) == optOut {
		return nil
	}
	if err := s.store.SetEmailOptOut(c.Request.Context(), vw.contact.ID, optOut); err != nil {
		return errorf("save email preference: %w", err)
	}
	action := "contact.emails_on"
	if optOut {
		action = "contact.emails_off"
	}
	s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: vw.contact.ID, Actor: vw.p.Actor(), Action: action,
		Target: vw.contact.ID, IP: c.ClientIP()})
	return nil
}

// prefsWithEmails is the preferences form with the email setting.
func (s *server) prefsWithEmails(c *gin.Context, vw *viewer) prefsForm {
	f := s.prefsFormOf(vw)
	f.Emails, f.ShowEmails = s.emailSetting(c, vw.contact.ID), s.invites != nil
	return f
}

package portal

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// preferences reads a contact's saved preferences; a store failure is
// logged and the defaults are used, never an error page.
func (s *server) preferences(c *gin.Context, contactID string) bridge.Preferences {
	p, err := s.store.Preferences(c.Request.Context(), contactID)
	if err != nil {
		s.log.WarnContext(c.Request.Context(), "portal: read preferences", "contact_id", contactID,
			"request_id", requestID(c), "err", err.Error())
		return bridge.Preferences{ContactID: contactID}
	}
	return p
}

// signedInPreferences are the preferences of the request's signed-in
// contact, or the zero value for a visitor.
func (s *server) signedInPreferences(c *gin.Context) bridge.Preferences {
	p, ok := auth.PrincipalFrom(c)
	if !ok || p.ContactID == "" || s.store == nil {
		return bridge.Preferences{}
	}
	return s.preferences(c, p.ContactID)
}

// prefsForm is the preferences form of the details page.
type prefsForm struct {
	Language  string
	Languages any
	TimeZone  string
	Zones     []string
	Now       string
	// Emails is "on" or "off"; ShowEmails is true while the portal
	// sends email.
	Emails     string
	ShowEmails bool
}

// prefsFormOf fills the preferences form for the viewer.
func (s *server) prefsFormOf(vw *viewer) prefsForm {
	zone := vw.fmt.where().String()
	return prefsForm{Language: vw.prefs.Language, Languages: s.cat.Languages(), TimeZone: zone,
		Zones: zoneChoices(zone), Now: vw.fmt.DateTime(s.now())}
}

// zoneChoices is the time zone list, with current first-class when the
// list lacks it (a browser may name an alias such as "Asia/Calcutta").
func zoneChoices(current string) []string {
	for _, z := range timeZones {
		if z == current {
			return timeZones
		}
	}
	return append([]string{current}, timeZones...)
}

// zoneName shows a time zone name for people: "America/Los_Angeles" →
// "America/Los Angeles".
func zoneName(z string) string { return strings.ReplaceAll(z, "_", " ") }

// applyPreferences sets the named preferences of p from values ("" clears
// one), reporting unknown languages and time zones per field.
func (s *server) applyPreferences(p *bridge.Preferences, values map[string]string) error {
	var verr connectors.ValidationError
	for name, v := range values {
		v = strings.TrimSpace(v)
		switch name {
		case "language":
			if v != "" && !s.cat.IsOffered(v) {
				verr.Add("preferences.language", "is not an offered language")
				continue
			}
			p.Language = v
		case "timezone":
			if _, ok := s.zoneNamed(v); v != "" && !ok {
				verr.Add("preferences.timezone", "is not a time zone")
				continue
			}
			p.TimeZone = v
		default:
			verr.Add("preferences."+name, "is not a field that can be changed")
		}
	}
	return verr.OrNil()
}

// savePreferences answers POST {base}/preferences: the language switcher,
// the preferences form and the script that reports the browser's time
// zone. It saves what the form names and goes back to the form's page.
func (s *server) savePreferences(c *gin.Context) {
	vw := viewerOf(c)
	if err := c.Request.ParseForm(); err != nil {
		s.fail(c, bodyError(err))
		return
	}
	values := map[string]string{}
	for _, name := range []string{"language", "timezone", "emails"} {
		if v, ok := c.Request.PostForm[name]; ok && len(v) > 0 {
			values[name] = v[0]
		}
	}
	optOut, setEmails, emailErr := takeEmailSetting(values)
	prefs := vw.prefs
	prefs.ContactID = vw.contact.ID
	if err := mergeProblems(emailErr, s.applyPreferences(&prefs, values)); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.store.SavePreferences(c.Request.Context(), prefs); err != nil {
		s.fail(c, errorf("save preferences: %w", err))
		return
	}
	if err := s.saveEmailSetting(c, vw, optOut, setEmails); err != nil {
		s.fail(c, err)
		return
	}
	if c.GetHeader(headerCSRF) != "" {
		c.Status(http.StatusNoContent) // the time zone script
		return
	}
	c.Redirect(http.StatusSeeOther, s.localPath(c.PostForm("back"))+"?done=preferences")
}

// localPath returns p when it is a page of the portal, else the home page.
func (s *server) localPath(p string) string {
	if p == "" || !strings.HasPrefix(p, s.base+"/") || strings.HasPrefix(p, "//") ||
		strings.ContainsAny(p, "?#\\\r\n") || strings.Contains(p, "/..") {
		return s.base + "/"
	}
	return p
}

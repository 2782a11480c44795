package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// fieldView is one contact field as a page shows it.
type fieldView struct {
	Name  string
	Label string
	Value string
	// Display is Value for people: a country code as its name.
	Display string
	Error   string
	inputMeta
	// Unlisted is a country value that is no ISO code (free text kept by
	// the CRM), offered as it is.
	Unlisted bool
}

// fieldGroupView is a fieldset of the edit form.
type fieldGroupView struct {
	Legend string
	Fields []fieldView
}

// detailsData is the "my details" page and its edit form.
type detailsData struct {
	Email       string
	Fields      []fieldView
	CanEdit     bool
	Groups      []fieldGroupView
	Errors      []fieldView
	HasRequired bool
	Prefs       prefsForm
}

// detailsNotices are the confirmations shown on the details page.
var detailsNotices = map[string]string{
	"saved":     "details.saved",
	"unchanged": "details.unchanged",
}

// canEdit reports whether any field may be edited through the connector.
func (s *server) canEdit() bool {
	return len(s.editable) > 0 && s.conn.Capabilities().UpdateContact
}

// fieldViews lists fields of c with their labels in f's language.
func fieldViews(f formatter, c connectors.Contact, fields []connectors.Field) []fieldView {
	out := make([]fieldView, 0, len(fields))
	for _, name := range fields {
		meta := fieldInputs[name]
		v := fieldView{Name: string(name), Label: f.Field(name), Value: c.Get(name), inputMeta: meta}
		v.Display = v.Value
		if meta.Country {
			v.Display = f.Country(v.Value)
			v.Unlisted = v.Value != "" && v.Display == v.Value
		}
		out = append(out, v)
	}
	return out
}

// groupFields puts field views into the edit form's fieldsets.
func groupFields(f formatter, fields []fieldView) []fieldGroupView {
	var out []fieldGroupView
	for _, v := range fields {
		legend := f.T(fieldGroup(connectors.Field(v.Name)))
		if len(out) == 0 || out[len(out)-1].Legend != legend {
			out = append(out, fieldGroupView{Legend: legend})
		}
		out[len(out)-1].Fields = append(out[len(out)-1].Fields, v)
	}
	return out
}

// detailsPage shows the contact's visible details and preferences.
func (s *server) detailsPage(c *gin.Context) {
	v := viewerOf(c)
	s.respond(c, view{Page: "details", Title: "details.heading", Notice: detailsNotices[c.Query("done")],
		Data: detailsData{Email: v.contact.Email, Fields: fieldViews(v.fmt, v.contact, s.visibleFields()),
			CanEdit: s.canEdit(), Prefs: s.prefsWithEmails(c, v)}})
}

// meJSON is the signed-in contact in the API: hidden fields left out.
type meJSON struct {
	ID          string            `json:"id"`
	Email       string            `json:"email"`
	Name        string            `json:"name"`
	Locale      string            `json:"locale"`
	Fields      map[string]string `json:"fields"`
	Editable    []string          `json:"editable"`
	Preferences preferencesJSON   `json:"preferences"`
	// Language and TimeZone are what the portal uses for the contact now.
	Language string `json:"language"`
	TimeZone string `json:"timezone"`
}

// preferencesJSON are the contact's saved preferences ("" when unset).
type preferencesJSON struct {
	Language string `json:"language"`
	TimeZone string `json:"timezone"`
	// Emails is "on" or "off": whether the portal emails the contact.
	Emails string `json:"emails"`
}

// me builds the API view of the viewer's contact.
func (s *server) me(vw *viewer) meJSON {
	c := vw.contact
	out := meJSON{ID: c.ID, Email: c.Email, Name: c.Name(), Locale: c.Locale,
		Fields: map[string]string{}, Editable: []string{},
		Preferences: preferencesJSON{Language: vw.prefs.Language, TimeZone: vw.prefs.TimeZone},
		Language:    vw.fmt.Lang(), TimeZone: vw.fmt.where().String()}
	for _, f := range s.visibleFields() {
		out.Fields[string(f)] = c.Get(f)
	}
	if s.canEdit() {
		for _, f := range s.editable {
			out.Editable = append(out.Editable, string(f))
		}
	}
	return out
}

// meAPI answers GET /api/v1/me.
func (s *server) meAPI(c *gin.Context) {
	vw := viewerOf(c)
	if !vw.p.Bearer && vw.p.CSRFToken != "" {
		// A front end on the cookie session reads its CSRF token here.
		c.Header(headerCSRF, vw.p.CSRFToken)
	}
	s.respond(c, view{JSON: s.meWithEmails(c, vw)})
}

// meWithEmails is me with the contact's email preference.
func (s *server) meWithEmails(c *gin.Context, vw *viewer) meJSON {
	out := s.me(vw)
	out.Preferences.Emails = s.emailSetting(c, vw.contact.ID)
	return out
}

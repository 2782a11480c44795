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
	Error string
}

// detailsData is the "my details" page.
type detailsData struct {
	Email    string
	Fields   []fieldView
	CanEdit  bool
	Editable []fieldView
}

// detailsNotices are the confirmations shown on the details page.
var detailsNotices = map[string]string{
	"saved":     "Your details were saved.",
	"unchanged": "Nothing was changed.",
}

// canEdit reports whether any field may be edited through the connector.
func (s *server) canEdit() bool {
	return len(s.editable) > 0 && s.conn.Capabilities().UpdateContact
}

// fieldViews lists fields of c with their labels.
func fieldViews(c connectors.Contact, fields []connectors.Field) []fieldView {
	out := make([]fieldView, 0, len(fields))
	for _, f := range fields {
		out = append(out, fieldView{Name: string(f), Label: label(f), Value: c.Get(f)})
	}
	return out
}

// detailsPage shows the contact's visible details.
func (s *server) detailsPage(c *gin.Context) {
	v := viewerOf(c)
	s.respond(c, view{Page: "details", Title: "My details", Notice: detailsNotices[c.Query("done")],
		Data: detailsData{Email: v.contact.Email, Fields: fieldViews(v.contact, s.visibleFields()), CanEdit: s.canEdit()}})
}

// meJSON is the signed-in contact in the API: hidden fields left out.
type meJSON struct {
	ID       string            `json:"id"`
	Email    string            `json:"email"`
	Name     string            `json:"name"`
	Locale   string            `json:"locale"`
	Fields   map[string]string `json:"fields"`
	Editable []string          `json:"editable"`
}

// me builds the API view of a contact.
func (s *server) me(c connectors.Contact) meJSON {
	out := meJSON{ID: c.ID, Email: c.Email, Name: c.Name(), Locale: c.Locale,
		Fields: map[string]string{}, Editable: []string{}}
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
	s.respond(c, view{JSON: s.me(vw.contact)})
}

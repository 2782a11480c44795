package portal

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// newTicketData is the form that opens a ticket.
type newTicketData struct {
	Subject, Category, Body string
	Categories              []string
	// Errors are the fields' problems in the client's language, by name.
	Errors map[string]string
}

// newTicketPage shows the form, filled again from a draft kept across a
// sign-in.
func (s *server) newTicketPage(c *gin.Context) {
	d := newTicketData{Categories: s.categories}
	notice := ""
	if draft, ok := s.takeFormDraft(c); ok {
		d.Subject, d.Category, d.Body = draft.Get("subject"), draft.Get("category"), draft.Get("body")
		notice = "tickets.restored"
	}
	s.respond(c, view{Page: "ticket_new", Title: "tickets.new_heading", Notice: notice, Data: d})
}

// openTicket checks the category and opens the viewer's ticket.
func (s *server) openTicket(c *gin.Context, subject, category, body string) (connectors.Thread, error) {
	v := viewerOf(c)
	var verr connectors.ValidationError
	s.checkCategory(&verr, category)
	nt := connectors.NewTicket{Subject: subject, Category: category, Body: body, AuthorName: v.contact.Name()}
	if err := mergeProblems(verr.OrNil(), nt.Validate()); err != nil {
		return connectors.Thread{}, err
	}
	return s.conv.CreateTicket(c.Request.Context(), v.scope, nt)
}

// createTicketPage handles the form: the new ticket's page, or the form
// again with the typed values and a message next to each field.
func (s *server) createTicketPage(c *gin.Context) {
	form, err := postedForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	t, err := s.openTicket(c, form.Get("subject"), form.Get("category"), form.Get("body"))
	var verr *connectors.ValidationError
	switch {
	case errors.As(err, &verr):
		f := viewerOf(c).fmt
		d := newTicketData{Subject: form.Get("subject"), Category: form.Get("category"), Body: form.Get("body"),
			Categories: s.categories, Errors: map[string]string{}}
		for name, words := range verr.Fields {
			d.Errors[name] = textError(f, words)
		}
		s.respond(c, view{Status: http.StatusUnprocessableEntity, Page: "ticket_new", Title: "tickets.new_heading", Data: d})
	case err != nil:
		s.fail(c, err)
	default:
		c.Redirect(http.StatusSeeOther, s.itemURL("tickets", t.ID)+"?done=created")
	}
}

// createTicketAPI answers POST /api/v1/tickets with the new ticket and
// its first post.
func (s *server) createTicketAPI(c *gin.Context) {
	fields, err := readFields(c, c.Request.Body, "subject", "body", "category")
	if err != nil {
		s.fail(c, err)
		return
	}
	t, err := s.openTicket(c, fields["subject"], fields["category"], fields["body"])
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respondTicket(c, created, t)
}

// postedForm reads an urlencoded form body.
func postedForm(c *gin.Context) (url.Values, error) {
	if c.ContentType() != "application/x-www-form-urlencoded" {
		return nil, errMediaType
	}
	if err := c.Request.ParseForm(); err != nil {
		return nil, bodyError(err)
	}
	return c.Request.PostForm, nil
}

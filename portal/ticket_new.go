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
	// Errors are the fields' problems in the client's language, by name
	// ("file" for the attachments).
	Errors map[string]string
	// Attach is the file input's settings (nil: no attachments);
	// FilesLost says files were sent and must be chosen again.
	Attach    *attachForm
	FilesLost bool
}

// newTicketPage shows the form, filled again from a draft kept across a
// sign-in.
func (s *server) newTicketPage(c *gin.Context) {
	d := newTicketData{Categories: s.categories, Attach: s.attachments()}
	notice := ""
	if draft, ok := s.takeFormDraft(c); ok {
		d.Subject, d.Category, d.Body = draft.Get("subject"), draft.Get("category"), draft.Get("body")
		notice = "tickets.restored"
	}
	s.respond(c, view{Page: "ticket_new", Title: "tickets.new_heading", Notice: notice, Data: d})
}

// openTicket checks the category and opens the viewer's ticket, its
// first post with the ID given ("" for any).
func (s *server) openTicket(c *gin.Context, fields map[string]string, postID string) (connectors.Thread, error) {
	v := viewerOf(c)
	var verr connectors.ValidationError
	s.checkCategory(&verr, fields["category"])
	nt := connectors.NewTicket{Subject: fields["subject"], Category: fields["category"], Body: fields["body"],
		AuthorName: v.contact.Name(), PostID: postID}
	if err := mergeProblems(verr.OrNil(), nt.Validate()); err != nil {
		return connectors.Thread{}, err
	}
	return s.conv.CreateTicket(c.Request.Context(), v.scope, nt)
}

// ticketFields are the fields of a new ticket.
var ticketFields = []string{"subject", "category", "body"}

// openTicketFrom opens a ticket from the request: an urlencoded form
// (pages), JSON (the API), or multipart with "file" parts, the first
// post's attachments (both). It returns the fields it read, also on
// failure.
func (s *server) openTicketFrom(c *gin.Context) (connectors.Thread, map[string]string, error) {
	switch c.ContentType() {
	case "multipart/form-data":
		t, _, fields, err := attachPost(s, c, clientUploader(viewerOf(c)), ticketFields,
			func(postID string, fields map[string]string) (connectors.Thread, error) {
				return s.openTicket(c, fields, postID)
			})
		return t, fields, err
	case "application/json":
		fields, err := readFields(c, c.Request.Body, ticketFields...)
		if err != nil {
			return connectors.Thread{}, fields, err
		}
		t, err := s.openTicket(c, fields, "")
		return t, fields, err
	}
	if isAPI(c) {
		return connectors.Thread{}, nil, errMediaType
	}
	form, err := postedForm(c)
	if err != nil {
		return connectors.Thread{}, nil, err
	}
	fields := map[string]string{}
	for _, name := range ticketFields {
		fields[name] = form.Get(name)
	}
	t, err := s.openTicket(c, fields, "")
	return t, fields, err
}

// createTicketPage handles the form: the new ticket's page, or the form
// again with the typed values and a message next to each field (the
// files, if any, must be chosen again).
func (s *server) createTicketPage(c *gin.Context) {
	t, fields, err := s.openTicketFrom(c)
	var verr *connectors.ValidationError
	switch {
	case errors.As(err, &verr), isFileProblem(err):
		f := viewerOf(c).fmt
		d := newTicketData{Subject: fields["subject"], Category: fields["category"], Body: fields["body"],
			Categories: s.categories, Errors: map[string]string{}, Attach: s.attachments(),
			FilesLost: c.ContentType() == "multipart/form-data"}
		status := http.StatusUnprocessableEntity
		if verr != nil {
			for name, words := range verr.Fields {
				d.Errors[name] = textError(f, words)
			}
		} else {
			he := s.uploadError(err)
			d.Errors["file"], status = f.T(he.Detail), he.Status
			drainUpload(c)
		}
		s.respond(c, view{Status: status, Page: "ticket_new", Title: "tickets.new_heading", Data: d})
	case err != nil:
		s.fail(c, err)
	default:
		c.Redirect(http.StatusSeeOther, s.itemURL("tickets", t.ID)+"?done=created")
	}
}

// createTicketAPI answers POST /api/v1/tickets (JSON, or multipart with
// attachments) with the new ticket and its first post.
func (s *server) createTicketAPI(c *gin.Context) {
	t, _, err := s.openTicketFrom(c)
	if err != nil {
		s.failPost(c, err)
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

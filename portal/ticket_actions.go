package portal

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// replyToTicket adds the viewer's post (with the post ID given, "" for
// any) to their ticket t.
func (s *server) replyToTicket(c *gin.Context, t connectors.Thread, id, body string) (connectors.Post, error) {
	v := viewerOf(c)
	return s.conv.ReplyToTicket(c.Request.Context(), v.scope, t.ID, connectors.NewPost{ID: id, Body: body, AuthorName: v.contact.Name()})
}

// replyPage handles the reply form: the ticket again with the reply, or
// with the typed text and what is wrong with it. Another contact's
// ticket is not found, whatever the form holds.
func (s *server) replyPage(c *gin.Context) {
	t, err := s.getTicket(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	p, ok := s.postFromForm(c, clientUploader(viewerOf(c)), s.ticketPage, func(id, body string) (connectors.Post, error) {
		return s.replyToTicket(c, t, id, body)
	})
	if !ok {
		return
	}
	c.Redirect(http.StatusSeeOther, s.itemURL("tickets", p.ThreadID)+"?done=replied#post-"+p.ID)
}

// replyAPI answers POST /api/v1/tickets/{id}/replies with the new post.
func (s *server) replyAPI(c *gin.Context) {
	t, err := s.getTicket(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.postAPI(c, func(id, body string) (connectors.Post, error) { return s.replyToTicket(c, t, id, body) })
}

// setTicketOpen closes (open false) or reopens the URL's ticket.
func (s *server) setTicketOpen(c *gin.Context, open bool) (connectors.Thread, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Thread{}, err
	}
	change := s.conv.CloseTicket
	if open {
		change = s.conv.ReopenTicket
	}
	t, _, err := change(c.Request.Context(), viewerOf(c).scope, id)
	return t, err
}

// ticketStatusPage handles the close and reopen buttons.
func (s *server) ticketStatusPage(open bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		t, err := s.setTicketOpen(c, open)
		if err != nil {
			s.fail(c, err)
			return
		}
		done := "closed"
		if open {
			done = "reopened"
		}
		c.Redirect(http.StatusSeeOther, s.itemURL("tickets", t.ID)+"?done="+done)
	}
}

// ticketStatusAPI answers POST /api/v1/tickets/{id}/close and /reopen
// with the ticket as it now stands; repeating one changes nothing.
func (s *server) ticketStatusAPI(open bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		t, err := s.setTicketOpen(c, open)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.respond(c, view{JSON: ticketOf(t)})
	}
}

package portal

import (
	"context"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// ticketData is a ticket's page: its state, one page of its thread and
// the reply form.
type ticketData struct {
	Ticket connectors.Thread
	Thread threadView
	Reply  postForm
}

// getTicket loads the URL's ticket for the viewer (404 for another's).
func (s *server) getTicket(c *gin.Context) (connectors.Thread, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Thread{}, err
	}
	return s.conv.GetTicket(c.Request.Context(), viewerOf(c).scope, id)
}

// ticketPosts is ListPosts of one of the viewer's threads.
func (s *server) ticketPosts(threadID string) func(context.Context, connectors.Scope, connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	return func(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		return s.conv.ListPosts(ctx, sc, threadID, p)
	}
}

// markRead records that the viewer has read a thread; a failure is
// logged, the page still shown.
func (s *server) markRead(c *gin.Context, t connectors.Thread) {
	if t.Unread == 0 {
		return
	}
	if err := s.conv.MarkRead(c.Request.Context(), viewerOf(c).scope, t.ID); err != nil {
		s.log.WarnContext(c.Request.Context(), "portal: mark thread read", "thread", t.ID, "request_id", requestID(c), "err", err.Error())
	}
}

// ticketPage shows a ticket with its thread and marks it read.
func (s *server) ticketPage(c *gin.Context) {
	t, err := s.getTicket(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	thread, err := s.threadPage(c, "posts:"+t.ID, viewerOf(c).scope, s.ticketPosts(t.ID))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.markRead(c, t)
	s.respond(c, view{Page: "ticket", Title: "tickets.ticket_heading", TitleArgs: []any{"Subject", t.Subject},
		Notice: ticketNotices[c.Query("done")],
		Data:   ticketData{Ticket: t, Thread: thread, Reply: s.postFormFor(c, s.itemURL("tickets", t.ID)+"/replies")}})
}

// ticketAPI answers GET /api/v1/tickets/{id}: the ticket with a page of
// its thread, newest first; reading it marks it read.
func (s *server) ticketAPI(c *gin.Context) {
	t, err := s.getTicket(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	page, err := listPage(s, c, "posts:"+t.ID, s.ticketPosts(t.ID))
	var thread listJSON[postJSON]
	if err == nil {
		thread, err = s.postsJSON(c.Request.Context(), page)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.markRead(c, t)
	s.respond(c, view{JSON: ticketDetailJSON{ticketJSON: ticketOf(t), Thread: thread}})
}

// respondTicket answers the API with a ticket and the first page of its
// thread.
func (s *server) respondTicket(c *gin.Context, status int, t connectors.Thread) {
	page, err := s.conv.ListPosts(c.Request.Context(), viewerOf(c).scope, t.ID, connectors.PageRequest{})
	if err != nil {
		s.fail(c, err)
		return
	}
	page.Next = s.cursors.seal("posts:"+t.ID, viewerOf(c).scope, page.Next)
	thread, err := s.postsJSON(c.Request.Context(), page)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Status: status, JSON: ticketDetailJSON{ticketJSON: ticketOf(t), Thread: thread}})
}

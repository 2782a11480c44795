package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// ticketsData is the tickets list page.
type ticketsData struct {
	Tickets []connectors.Thread
	Next    string
	Paged   bool
}

// ticketNotices are the confirmations shown after a ticket action, by
// ?done=.
var ticketNotices = map[string]string{
	"created":   "tickets.created",
	"replied":   "tickets.replied",
	"closed":    "tickets.closed_notice",
	"reopened":  "tickets.reopened_notice",
	"submitted": "forms.submitted",
}

// listTickets loads one page of the viewer's tickets.
func (s *server) listTickets(c *gin.Context) (connectors.Page[connectors.Thread], error) {
	return listPage(s, c, "tickets", s.conv.ListTickets)
}

// ticketsPage shows the viewer's tickets, most recently active first.
func (s *server) ticketsPage(c *gin.Context) {
	page, err := s.listTickets(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "tickets", Title: "tickets.heading", Notice: ticketNotices[c.Query("done")],
		Data: ticketsData{Tickets: page.Items, Next: nextLink(c, page.Next), Paged: c.Query("cursor") != ""}})
}

// ticketsAPI answers GET /api/v1/tickets.
func (s *server) ticketsAPI(c *gin.Context) {
	page, err := s.listTickets(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: toList(page, ticketOf)})
}

package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// invoicesData is the invoices list page.
type invoicesData struct {
	Invoices []connectors.Invoice
	Next     string
	Paged    bool
}

// listInvoices loads one page of the viewer's invoices.
func (s *server) listInvoices(c *gin.Context) (connectors.Page[connectors.Invoice], error) {
	page, err := listPage(s, c, "invoices", s.conn.ListInvoices)
	newestFirst(page.Items, func(i connectors.Invoice) (time.Time, string) { return i.IssuedAt, i.Number })
	return page, err
}

// invoicesPage shows the invoices list.
func (s *server) invoicesPage(c *gin.Context) {
	page, err := s.listInvoices(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "invoices", Title: "invoices.heading", Data: invoicesData{
		Invoices: page.Items, Next: nextLink(c, page.Next), Paged: c.Query("cursor") != ""}})
}

// invoicesAPI answers GET /api/v1/invoices.
func (s *server) invoicesAPI(c *gin.Context) {
	page, err := s.listInvoices(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	respondList(s, c, page, viewerOf(c).fmt.invoice)
}

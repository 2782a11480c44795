package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// invoicesData is the invoices list page, formatted for the client.
type invoicesData struct {
	Invoices []invoiceRow
	Cols     invoiceColumns
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
	next, paged, base := nextLink(c, page.Next), c.Query("cursor") != "", s.base+"/"
	s.respond(c, view{Page: "invoices", Title: "invoices.heading", Localize: func(f formatter) any {
		return invoicesData{Invoices: invoiceRows(f, base, page.Items), Cols: newInvoiceColumns(f), Next: next, Paged: paged}
	}})
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

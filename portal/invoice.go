package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// maxIDLen bounds an item ID taken from a URL.
const maxIDLen = 128

// getInvoice loads the invoice named in the URL for the viewer.
func (s *server) getInvoice(c *gin.Context) (connectors.Invoice, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Invoice{}, err
	}
	return s.conn.GetInvoice(c.Request.Context(), viewerOf(c).scope, id)
}

// invoicePage shows one invoice with its lines and totals.
func (s *server) invoicePage(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "invoice", Title: "Invoice " + inv.Number, Data: inv})
}

// invoicePrintPage shows one invoice laid out for printing.
func (s *server) invoicePrintPage(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "invoice_print", Title: "Invoice " + inv.Number, Data: inv})
}

// invoiceAPI answers GET /api/v1/invoices/{id}.
func (s *server) invoiceAPI(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: viewerOf(c).fmt.invoice(inv)})
}

// itemID returns the :id URL parameter; a malformed one is not found.
func itemID(c *gin.Context) (string, error) {
	id := c.Param("id")
	if id == "" || len(id) > maxIDLen || !printableASCII(id) {
		return "", errNotFound
	}
	return id, nil
}

// printableASCII reports whether s holds only printable ASCII.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

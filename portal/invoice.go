package portal

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"

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

// invoiceData is the invoice page: the invoice and, when the viewer sees
// payments, those made for it.
type invoiceData struct {
	Invoice      connectors.Invoice
	Payments     []connectors.Transaction
	ShowPayments bool
	// Pay is the online payment panel (see payment_panel.go).
	Pay      paymentPanel
	Messages *messagesSection
}

// invoicePage shows one invoice with its lines, totals and payments; the
// invoice and its payments are read concurrently.
func (s *server) invoicePage(c *gin.Context) {
	var d invoiceData
	d.ShowPayments = viewerOf(c).modules[modTransactions]
	g, ctx := errgroup.WithContext(c.Request.Context())
	g.Go(guard(func() (err error) {
		d.Invoice, err = s.getInvoice(c)
		return err
	}))
	if d.ShowPayments {
		g.Go(guard(func() (err error) {
			d.Payments, err = s.invoicePayments(ctx, c)
			return err
		}))
	}
	if err := g.Wait(); err != nil {
		s.fail(c, err)
		return
	}
	d.Pay = s.paymentPanel(c, d.Invoice)
	d.Messages = s.loadMessages(c, connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: d.Invoice.ID})
	s.respond(c, view{Page: "invoice", Title: "invoice.heading", TitleArgs: []any{"Number", d.Invoice.Number}, Data: d,
		Notice: messageNotices[c.Query("done")]})
}

// invoicePayments lists the transactions of the URL's invoice, newest
// first.
func (s *server) invoicePayments(ctx context.Context, c *gin.Context) ([]connectors.Transaction, error) {
	id, err := itemID(c)
	if err != nil {
		return nil, err
	}
	scope := viewerOf(c).scope
	out, err := collect(ctx, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
		return s.conn.ListTransactions(ctx, scope, p)
	}, func(t connectors.Transaction) bool { return t.InvoiceID == id })
	newestFirst(out, func(t connectors.Transaction) (time.Time, string) { return t.Date, t.Reference })
	return out, err
}

// invoicePrintPage shows one invoice laid out for printing, with the
// same content as its PDF.
func (s *server) invoicePrintPage(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.invoiceDocument(c, inv)
	s.printPage(c, doc, err, "invoices", inv.ID)
}

// invoiceAPI answers GET /api/v1/invoices/{id}.
func (s *server) invoiceAPI(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := viewerOf(c).fmt.invoice(inv)
	out.OnlinePayment = s.onlinePayment(c, inv)
	s.respond(c, view{JSON: out})
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

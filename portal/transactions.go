package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// transactionsData is the payments page.
type transactionsData struct {
	Transactions []connectors.Transaction
	Next         string
	Paged        bool
	// InvoiceLinks is set when the viewer may open invoices.
	InvoiceLinks bool
}

// listTransactions loads one page of the viewer's transactions.
func (s *server) listTransactions(c *gin.Context) (connectors.Page[connectors.Transaction], error) {
	page, err := listPage(s, c, "transactions", s.conn.ListTransactions)
	newestFirst(page.Items, func(t connectors.Transaction) (time.Time, string) { return t.Date, t.Reference })
	return page, err
}

// transactionsPage shows payments and refunds.
func (s *server) transactionsPage(c *gin.Context) {
	page, err := s.listTransactions(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "transactions", Title: "payments.heading", Data: transactionsData{
		Transactions: page.Items, Next: nextLink(c, page.Next), Paged: c.Query("cursor") != "",
		InvoiceLinks: viewerOf(c).modules[modInvoices]}})
}

// transactionsAPI answers GET /api/v1/transactions.
func (s *server) transactionsAPI(c *gin.Context) {
	page, err := s.listTransactions(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	respondList(s, c, page, viewerOf(c).fmt.transaction)
}

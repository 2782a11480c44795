package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// transactionsData is the payments page, formatted for the client.
type transactionsData struct {
	Transactions []transactionRow
	Cols         transactionColumns
	Next         string
	Paged        bool
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
	next, paged, base := nextLink(c, page.Next), c.Query("cursor") != "", s.base+"/"
	links := viewerOf(c).modules[modInvoices]
	s.respond(c, view{Page: "transactions", Title: "payments.heading", Localize: func(f formatter) any {
		return transactionsData{Transactions: transactionRows(f, base, links, page.Items),
			Cols: newTransactionColumns(f), Next: next, Paged: paged}
	}})
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

package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// transactionsData is the payments page.
type transactionsData struct {
	Transactions []connectors.Transaction
	Next         string
	Paged        bool
}

// listTransactions loads one page of the viewer's transactions.
func (s *server) listTransactions(c *gin.Context) (connectors.Page[connectors.Transaction], error) {
	return listPage(s, c, "transactions", s.conn.ListTransactions)
}

// transactionsPage shows payments and refunds.
func (s *server) transactionsPage(c *gin.Context) {
	page, err := s.listTransactions(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "transactions", Title: "Payments", Data: transactionsData{
		Transactions: page.Items, Next: nextLink(c, page.Next), Paged: c.Query("cursor") != ""}})
}

// transactionsAPI answers GET /api/v1/transactions.
func (s *server) transactionsAPI(c *gin.Context) {
	page, err := s.listTransactions(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: toList(page, viewerOf(c).fmt.transaction)})
}

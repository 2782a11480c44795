package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// quotesData is the quotes list page, formatted for the client.
type quotesData struct {
	Quotes []quoteRow
	Cols   quoteColumns
	Next   string
	Paged  bool
}

// listQuotes loads one page of the viewer's quotes.
func (s *server) listQuotes(c *gin.Context) (connectors.Page[connectors.Quote], error) {
	page, err := listPage(s, c, "quotes", s.conn.ListQuotes)
	newestFirst(page.Items, func(q connectors.Quote) (time.Time, string) { return q.IssuedAt, q.Number })
	return page, err
}

// quotesPage shows the quotes list.
func (s *server) quotesPage(c *gin.Context) {
	page, err := s.listQuotes(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	next, paged, base := nextLink(c, page.Next), c.Query("cursor") != "", s.base+"/"
	s.respond(c, view{Page: "quotes", Title: "quotes.heading", Localize: func(f formatter) any {
		return quotesData{Quotes: quoteRows(f, base, page.Items), Cols: newQuoteColumns(f), Next: next, Paged: paged}
	}})
}

// quotesAPI answers GET /api/v1/quotes.
func (s *server) quotesAPI(c *gin.Context) {
	page, err := s.listQuotes(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	respondList(s, c, page, viewerOf(c).fmt.quote)
}

package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// quoteData is the quote detail page.
type quoteData struct {
	Quote     connectors.Quote
	CanDecide bool
	Messages  *messagesSection
}

// quoteNotices are the confirmations shown after a decision, by ?done=.
var quoteNotices = map[string]string{
	"accepted": "quote.accepted",
	"declined": "quote.declined",
	"message":  "tickets.message_sent",
}

// getQuote loads the quote named in the URL for the viewer.
func (s *server) getQuote(c *gin.Context) (connectors.Quote, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Quote{}, err
	}
	return s.conn.GetQuote(c.Request.Context(), viewerOf(c).scope, id)
}

// canDecide reports whether the viewer may accept or decline q now.
func (s *server) canDecide(q connectors.Quote) bool {
	return q.Status == connectors.QuoteSent && s.conn.Capabilities().DecideQuotes
}

// quotePage shows one quote with accept and decline buttons while open.
func (s *server) quotePage(c *gin.Context) {
	q, err := s.getQuote(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "quote", Title: "quote.heading", TitleArgs: []any{"Number", q.Number}, Notice: quoteNotices[c.Query("done")],
		Data: quoteData{Quote: q, CanDecide: s.canDecide(q),
			Messages: s.loadMessages(c, connectors.ItemRef{Kind: connectors.ThreadQuote, ID: q.ID})}})
}

// quoteAPI answers GET /api/v1/quotes/{id}.
func (s *server) quoteAPI(c *gin.Context) {
	q, err := s.getQuote(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: viewerOf(c).fmt.quote(q)})
}

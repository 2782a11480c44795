package portal

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// confirmData is the accept/decline confirmation page.
type confirmData struct {
	Quote  connectors.Quote
	Accept bool
}

// quoteConfirmPage asks the client to confirm accepting or declining.
func (s *server) quoteConfirmPage(accept bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := s.getQuote(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		if !s.canDecide(q) {
			c.Redirect(http.StatusSeeOther, s.itemURL("quotes", q.ID))
			return
		}
		title := "quote.decline_title"
		if accept {
			title = "quote.accept_title"
		}
		s.respond(c, view{Page: "quote_confirm", Title: title, TitleArgs: []any{"Number", q.Number},
			Data: confirmData{Quote: q, Accept: accept}})
	}
}

// decide accepts or declines the URL's quote and records it in the audit
// log when it changed anything.
func (s *server) decide(c *gin.Context, accept bool) (connectors.Quote, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Quote{}, err
	}
	v := viewerOf(c)
	by := v.p.Email
	if by == "" {
		by = v.p.Actor()
	}
	d := connectors.Decision{Accept: accept, By: by, IP: c.ClientIP(), At: s.now()}
	q, changed, err := s.conn.DecideQuote(c.Request.Context(), v.scope, id, d)
	if err != nil || !changed {
		return q, err
	}
	action := "quote.decline"
	if accept {
		action = "quote.accept"
	}
	s.audit(c, bridge.AuditEntry{At: d.At, ContactID: v.contact.ID, Actor: v.p.Actor(),
		Action: action, Target: q.ID, IP: d.IP})
	return q, nil
}

// quoteDecidePage handles the confirmed form and shows the quote again.
func (s *server) quoteDecidePage(accept bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := s.decide(c, accept)
		if err != nil {
			s.fail(c, err)
			return
		}
		done := "declined"
		if accept {
			done = "accepted"
		}
		c.Redirect(http.StatusSeeOther, s.itemURL("quotes", q.ID)+"?done="+done)
	}
}

// quoteDecideAPI answers POST /api/v1/quotes/{id}/accept and /decline with
// the quote as it now stands; repeating a decision changes nothing.
func (s *server) quoteDecideAPI(accept bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := s.decide(c, accept)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.respond(c, view{JSON: viewerOf(c).fmt.quote(q)})
	}
}

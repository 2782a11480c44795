package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// paymentReturnData is the page the provider sends the client back to.
type paymentReturnData struct {
	Invoice connectors.Invoice
	// Done is true after paying, false after leaving the checkout.
	Done  bool
	Panel paymentPanel
}

// paymentReturnPage answers GET /clients/invoices/{id}/payment/done and
// …/payment/canceled: what became of the payment, as the ledger knows it
// (the provider's webhook may come a moment later), and the way back.
func (s *server) paymentReturnPage(done bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		inv, err := s.getInvoice(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		title := "pay.return.canceled_title"
		if done {
			title = "pay.return.done_title"
		}
		s.respond(c, view{Page: "payment_return", Title: title, TitleArgs: []any{"Number", inv.Number},
			Data: paymentReturnData{Invoice: inv, Done: done, Panel: s.paymentPanel(c, inv)}})
	}
}

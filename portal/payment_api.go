package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments/payflow"
)

// onlinePaymentJSON is an invoice's online payment in the API: whether
// the client may pay it now, and the state of its latest attempt.
type onlinePaymentJSON struct {
	CanPay bool `json:"can_pay"`
	// State is the latest attempt's (created, processing, paid, failed,
	// refunded, disputed, canceled), or "" without one.
	State string `json:"state"`
	// BeingConfirmed: paid online while the CRM still shows the invoice
	// open.
	BeingConfirmed bool       `json:"being_confirmed"`
	Amount         *moneyJSON `json:"amount,omitempty"`
	Refunded       *moneyJSON `json:"refunded,omitempty"`
	UpdatedAt      *time.Time `json:"updated_at,omitempty"`
	// Reason says why the latest try failed or was canceled.
	Reason string `json:"reason,omitempty"`
}

// onlinePayment is the invoice's online payment for the API, or nil when
// the viewer may not pay online (payments off, or the module is off for
// them) or the ledger cannot be read (logged).
func (s *server) onlinePayment(c *gin.Context, inv connectors.Invoice) *onlinePaymentJSON {
	st, ok := s.paymentStatus(c, inv)
	if !ok {
		return nil
	}
	return onlinePaymentOf(viewerOf(c).fmt, st)
}

// onlinePaymentOf converts a payment status.
func onlinePaymentOf(f formatter, st payflow.Status) *onlinePaymentJSON {
	out := &onlinePaymentJSON{CanPay: st.CanPay, BeingConfirmed: st.BeingConfirmed}
	if !st.HasAttempt {
		return out
	}
	a := st.Attempt
	amount := f.money(a.Amount)
	out.State, out.Amount, out.UpdatedAt, out.Reason = string(a.State), &amount, timePtr(a.UpdatedAt), a.Reason
	if a.Refunded.Minor > 0 || a.State == bridge.PaymentRefunded {
		refunded := f.money(a.Refunded)
		out.Refunded = &refunded
	}
	return out
}

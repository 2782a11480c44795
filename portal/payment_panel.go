package portal

import (
	"context"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments/payflow"
)

// paymentPanel is what an invoice page says about paying it online, every
// text already in the viewer's language.
type paymentPanel struct {
	// On shows the panel: the viewer may pay online and the invoice can
	// be paid or has been paid (or tried) online.
	On bool
	// CanPay shows the Pay button (a form POST), labelled PayLabel.
	CanPay    bool
	InvoiceID string
	PayLabel  string
	// State is the attempt's state, for the badge; StateText names it and
	// Detail says what it means for the client.
	State     bridge.PaymentState
	StateText string
	Detail    string
	// Receipt is the provider's receipt page, when there is one.
	Receipt string
	// BeingConfirmed: paid online while the CRM still shows the invoice
	// open.
	BeingConfirmed bool
	// Notice reports what became of the client's last click (?payment=),
	// NoticeError when it failed.
	Notice      string
	NoticeError bool
}

// payNotices are the notices of ?payment= on the invoice page, with
// whether each reports a failure.
var payNotices = map[string]bool{
	"unavailable": true, "refused": true, "not_payable": true, "already": false, "canceled": false,
}

// paymentStatus reads the ledger about inv for the viewer, without
// calling the provider. A ledger failure is logged and shows no Pay
// button rather than failing the page.
func (s *server) paymentStatus(c *gin.Context, inv connectors.Invoice) (payflow.Status, bool) {
	if !s.payOn() || !viewerOf(c).modules[modPayments] {
		return payflow.Status{}, false
	}
	st, err := s.pay.Flow.Status(c.Request.Context(), inv)
	if err != nil {
		s.log.ErrorContext(c.Request.Context(), "portal: payment status", "invoice", inv.ID, "err", err.Error())
		return payflow.Status{}, false
	}
	return st, true
}

// paymentPanel builds the invoice page's payment panel.
func (s *server) paymentPanel(c *gin.Context, inv connectors.Invoice) paymentPanel {
	st, ok := s.paymentStatus(c, inv)
	if !ok {
		return paymentPanel{}
	}
	f := viewerOf(c).fmt
	p := paymentPanel{On: st.CanPay || st.HasAttempt, CanPay: st.CanPay, InvoiceID: inv.ID,
		PayLabel: f.T("pay.button", "Amount", f.Money(inv.AmountDue)), BeingConfirmed: st.BeingConfirmed}
	if key := c.Query("payment"); key != "" {
		if failed, known := payNotices[key]; known {
			p.On, p.Notice, p.NoticeError = true, f.T("pay.notice."+key), failed
		}
	}
	if st.HasAttempt {
		s.describeAttempt(c, f, st, &p)
	}
	return p
}

// describeAttempt words the invoice's attempt: its state, what it means,
// and the receipt of a payment.
func (s *server) describeAttempt(c *gin.Context, f formatter, st payflow.Status, p *paymentPanel) {
	a := st.Attempt
	args := []any{"Amount", f.Money(a.Amount), "Date", f.Day(a.UpdatedAt), "Reason", a.Reason,
		"Refunded", f.Money(a.Refunded)}
	key := string(a.State)
	switch {
	case a.State == bridge.PaymentCanceled:
		return
	case st.BeingConfirmed && a.State == bridge.PaymentPaid:
		key = "confirming"
	case a.State == bridge.PaymentPaid && a.Refunded.Minor > 0:
		key = "part_refunded"
	}
	p.State, p.StateText, p.Detail = a.State, f.T("pay.state."+key), f.T("pay.detail."+key, args...)
	if a.State == bridge.PaymentPaid || a.State == bridge.PaymentRefunded || a.State == bridge.PaymentDisputed {
		p.Receipt = s.receipt(c.Request.Context(), a)
	}
}

// receipt returns the provider's receipt page of a payment, asking the
// provider (briefly, and once per receiptTTL) when the ledger has none;
// "" on failure.
func (s *server) receipt(ctx context.Context, a bridge.PaymentAttempt) string {
	if a.ReceiptURL != "" {
		return httpURL(a.ReceiptURL)
	}
	if u, ok := s.receipts.Get(a.ID); ok {
		return u.(string)
	}
	ctx, cancel := context.WithTimeout(ctx, s.pay.ReceiptTimeout)
	defer cancel()
	u, err := s.pay.Flow.Receipt(ctx, a)
	if err != nil {
		s.log.WarnContext(ctx, "portal: payment receipt", "attempt", a.ID, "err", err.Error())
		return ""
	}
	u = httpURL(u)
	s.receipts.SetDefault(a.ID, u)
	return u
}

// payTimeout bounds a call to the provider made for a client's click.
func (s *server) payTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.pay.Timeout)
}

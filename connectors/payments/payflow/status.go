package payflow

import (
	"context"
	"errors"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Status is what the invoice page says about online payment.
type Status struct {
	// Attempt is the invoice's live attempt, or its latest; zero when it
	// has none (HasAttempt false).
	Attempt    bridge.PaymentAttempt
	HasAttempt bool
	// CanPay: the Pay button shows (Payable, and no attempt is paid or
	// being paid).
	CanPay bool
	// BeingConfirmed: paid online (and not partly refunded since) while
	// the CRM still shows the invoice open ("paid online, being
	// confirmed"), as with Jetpack CRM, whose API cannot mark an invoice
	// paid.
	BeingConfirmed bool
}

// Status reads the ledger about an invoice the client sees.
func (f *Flow) Status(ctx context.Context, inv connectors.Invoice) (Status, error) {
	a, err := f.l.InvoicePayment(ctx, inv.ID)
	switch {
	case errors.Is(err, connectors.ErrNotFound):
		return Status{CanPay: f.Payable(inv)}, nil
	case err != nil:
		return Status{}, err
	}
	settled := a.State.Live() && a.State.Settled()
	return Status{
		Attempt: a, HasAttempt: true,
		CanPay: f.Payable(inv) && !settled,
		BeingConfirmed: (a.State == bridge.PaymentPaid || a.State == bridge.PaymentProcessing) && inv.Status.Open() &&
			a.Refunded.Minor == 0,
	}, nil
}

// Receipt returns the provider's receipt page of the invoice's payment,
// "" when there is none.
func (f *Flow) Receipt(ctx context.Context, a bridge.PaymentAttempt) (string, error) {
	if a.ReceiptURL != "" || a.IntentID == "" {
		return a.ReceiptURL, nil
	}
	return f.p.ReceiptURL(ctx, a.IntentID)
}

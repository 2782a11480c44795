package payflow

import (
	"context"
	"errors"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
)

// CheckoutInput is a client's request to pay an invoice they can see.
type CheckoutInput struct {
	Invoice   connectors.Invoice
	ContactID string
	// Email prefills the provider's checkout.
	Email string
	// SuccessURL and CancelURL are the portal pages to come back to.
	SuccessURL, CancelURL string
}

// Checkout returns where the client pays the invoice's amount due. A
// second request for the same invoice and amount (a double click, a
// second tab, the back button) returns the same checkout without asking
// the provider again; a new amount due replaces the old checkout, which
// is expired. ErrNotPayable when the invoice cannot be paid online,
// bridge.ErrAlreadyPaid when it is paid or being paid, the provider's
// errors otherwise (after ErrUnavailable a retry reuses the attempt and
// its idempotency key, so no second checkout is made).
func (f *Flow) Checkout(ctx context.Context, in CheckoutInput) (payments.Checkout, error) {
	out, outcome, err := f.checkout(ctx, in)
	f.m.Checkout(f.p.Name(), outcome)
	if err != nil {
		f.log.WarnContext(ctx, "payflow: checkout failed", "invoice", in.Invoice.ID, "outcome", outcome, "error", err)
	}
	return out, err
}

func (f *Flow) checkout(ctx context.Context, in CheckoutInput) (payments.Checkout, string, error) {
	inv := in.Invoice
	if inv.Status == connectors.InvoicePaid {
		return payments.Checkout{}, "already_paid", fmt.Errorf("%w: invoice %s is paid", bridge.ErrAlreadyPaid, inv.Number)
	}
	if !f.Payable(inv) {
		return payments.Checkout{}, "invalid", fmt.Errorf("%w: invoice %s is %s with %s due", ErrNotPayable, inv.Number, inv.Status, inv.AmountDue)
	}
	a, superseded, err := f.l.BeginPayment(ctx, bridge.NewPaymentAttempt{
		Provider: f.p.Name(), InvoiceID: inv.ID, InvoiceNumber: inv.Number, ContactID: in.ContactID,
		Amount: inv.AmountDue, IdempotencyKey: payments.IdempotencyKey(inv.ID, inv.AmountDue),
	})
	switch {
	case bridge.IsAlreadyPaid(err):
		return payments.Checkout{}, "already_paid", err
	case err != nil:
		return payments.Checkout{}, "error", err
	}
	for _, old := range superseded {
		f.expire(ctx, old.SessionID)
	}
	if a.SessionID != "" && a.CheckoutURL != "" {
		return payments.Checkout{SessionID: a.SessionID, URL: a.CheckoutURL}, "reused", nil
	}
	co, err := f.p.CreateCheckout(ctx, payments.CheckoutRequest{
		AttemptID: a.ID, InvoiceID: inv.ID, InvoiceNumber: inv.Number, ContactID: in.ContactID, Amount: inv.AmountDue,
		Email: in.Email, SuccessURL: in.SuccessURL, CancelURL: in.CancelURL, IdempotencyKey: a.IdempotencyKey,
	})
	if err != nil {
		return payments.Checkout{}, f.failed(ctx, a, err), err
	}
	if err := f.l.AttachCheckout(ctx, a.ID, co.SessionID, co.URL); err != nil {
		return payments.Checkout{}, "error", err
	}
	return co, "created", nil
}

// failed handles a provider's refusal to make a checkout: the attempt is
// canceled unless the provider was unavailable (then a retry reuses it
// with the same idempotency key). It returns the metrics outcome.
func (f *Flow) failed(ctx context.Context, a bridge.PaymentAttempt, err error) string {
	if errors.Is(err, payments.ErrUnavailable) || ctx.Err() != nil {
		return "unavailable"
	}
	if cerr := f.l.CancelPayment(ctx, a.ID, "the provider refused the checkout"); cerr != nil {
		f.log.ErrorContext(ctx, "payflow: cancel attempt", "attempt", a.ID, "error", cerr)
	}
	return "refused"
}

// expire closes a replaced checkout at the provider, so that it can no
// longer be paid; failures are logged (a late payment of it is still
// caught by the ledger).
func (f *Flow) expire(ctx context.Context, sessionID string) {
	if sessionID == "" {
		return
	}
	if err := f.p.ExpireCheckout(ctx, sessionID); err != nil {
		f.log.WarnContext(ctx, "payflow: expire replaced checkout", "session", sessionID, "error", err)
	}
}

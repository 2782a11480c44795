package payflow

import (
	"context"
	"errors"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
)

// Record writes a paid attempt into the CRM (RecordPayment with the
// reference "cg-" + attempt ID, so that a retry records it once) and
// marks it recorded in the ledger. An attempt whose money was taken
// (paid, disputed, or refunded since: the refund is recorded after it,
// see RecordRefund) is recorded; others, and those recorded already, are
// left alone; so is everything when the connector cannot record payments
// (the portal then shows the payment from the ledger). A returned error
// is Permanent (the ledger then notes why, for staff) or worth retrying
// with backoff (the CRM is down): the job queue decides.
func (f *Flow) Record(ctx context.Context, attemptID string) error {
	a, err := f.l.PaymentAttempt(ctx, attemptID)
	if err != nil {
		return fmt.Errorf("payflow: record payment: %w", err)
	}
	if !a.CRMRecordedAt.IsZero() || !Taken(a.State) || !f.crm.Capabilities().RecordPayments {
		return nil
	}
	ref := Reference(a)
	_, recorded, err := f.crm.RecordPayment(ctx, connectors.Scope{ContactID: a.ContactID, WithCompany: true}, connectors.Payment{
		Reference: ref, InvoiceID: a.InvoiceID, Kind: connectors.TransactionPayment, Amount: a.Amount, Date: a.UpdatedAt,
		Title: fmt.Sprintf("Online payment of invoice %s (%s %s)", a.InvoiceNumber, a.Provider, firstOf(a.IntentID, a.SessionID)),
	})
	if err != nil {
		f.log.WarnContext(ctx, "payflow: the CRM did not take the payment", "attempt", a.ID, "invoice", a.InvoiceID,
			"permanent", Permanent(err), "error", err)
		if Permanent(err) {
			if merr := f.l.MarkPaymentRecordFailed(ctx, a.ID, err.Error()); merr != nil {
				f.log.ErrorContext(ctx, "payflow: note the CRM's refusal", "attempt", a.ID, "error", merr)
			}
		}
		return fmt.Errorf("payflow: record payment %s: %w", a.ID, err)
	}
	f.log.InfoContext(ctx, "payflow: payment recorded in the CRM", "attempt", a.ID, "reference", ref, "new", recorded)
	return f.l.MarkPaymentRecorded(ctx, a.ID, ref, f.now())
}

// Reference is the CRM reference of an attempt's payment.
func Reference(a bridge.PaymentAttempt) string { return "cg-" + a.ID }

// Taken reports whether the provider took the money of an attempt in
// state s (whatever happened to it since): it belongs in the CRM.
func Taken(s bridge.PaymentState) bool {
	return s == bridge.PaymentPaid || s == bridge.PaymentDisputed || s == bridge.PaymentRefunded
}

// Permanent reports whether a Record error will not go away by retrying:
// the CRM refused the payment (not found, invalid, conflict, unsupported)
// rather than being unreachable. Staff must look at it.
func Permanent(err error) bool {
	for _, e := range []error{connectors.ErrNotFound, connectors.ErrInvalid, connectors.ErrConflict, connectors.ErrUnsupported} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func isSignature(err error) bool { return errors.Is(err, payments.ErrSignature) }

package payflow

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// ErrNotRecordedYet means a refund cannot be written to the CRM before
// the payment it refunds; retry after the payment's write-back. It is
// not Permanent.
var ErrNotRecordedYet = errors.New("payflow: the refunded payment is not in the CRM yet")

// maxRefundRounds bounds RecordRefund's rounds (each records the refunds
// that arrived during the previous one).
const maxRefundRounds = 8

// RecordRefund writes an attempt's refunds into the CRM as refund
// transactions, once: each part of the refunded total is claimed in the
// ledger (ClaimRefund) and recorded under the reference
// RefundReference(a, to), so a retry after a crash records the same
// part under the same reference, which the CRM keeps once. Nothing is
// written when the connector cannot record payments; ErrNotRecordedYet
// while the payment itself is not in the CRM. Errors are Permanent or
// worth retrying, as Record's.
func (f *Flow) RecordRefund(ctx context.Context, attemptID string) error {
	a, err := f.l.PaymentAttempt(ctx, attemptID)
	switch {
	case err != nil:
		return fmt.Errorf("payflow: record refund: %w", err)
	case !f.crm.Capabilities().RecordPayments:
		return nil
	case a.CRMRecordedAt.IsZero() && a.CRMFailure != "":
		return fmt.Errorf("payflow: record refund of %s: %w: the CRM refused the payment (%s)", a.ID, connectors.ErrConflict, a.CRMFailure)
	case a.CRMRecordedAt.IsZero():
		return fmt.Errorf("payflow: record refund of %s: %w", a.ID, ErrNotRecordedYet)
	}
	for range maxRefundRounds {
		from, to, err := f.l.ClaimRefund(ctx, a.ID)
		if err != nil || from >= to {
			return err
		}
		if err := f.recordRefund(ctx, a, from, to); err != nil {
			return err
		}
		if err := f.l.MarkRefundRecorded(ctx, a.ID, to); err != nil {
			return fmt.Errorf("payflow: record refund of %s: %w", a.ID, err)
		}
	}
	return nil
}

// recordRefund writes the refunds from..to of attempt a into the CRM.
func (f *Flow) recordRefund(ctx context.Context, a bridge.PaymentAttempt, from, to int64) error {
	p := connectors.Payment{
		Reference: RefundReference(a, to), InvoiceID: a.InvoiceID, Kind: connectors.TransactionRefund,
		Amount: connectors.Money{Minor: to - from, Currency: a.Amount.Currency}, Date: a.UpdatedAt,
		Title: fmt.Sprintf("Online refund for invoice %s (%s %s)", a.InvoiceNumber, a.Provider, firstOf(a.ChargeID, a.IntentID)),
	}
	_, recorded, err := f.crm.RecordPayment(ctx, connectors.Scope{ContactID: a.ContactID, WithCompany: true}, p)
	if err != nil {
		f.log.WarnContext(ctx, "payflow: the CRM did not take the refund", "attempt", a.ID, "reference", p.Reference,
			"permanent", Permanent(err), "error", err)
		return fmt.Errorf("payflow: record refund %s: %w", p.Reference, err)
	}
	f.log.InfoContext(ctx, "payflow: refund recorded in the CRM", "attempt", a.ID, "reference", p.Reference,
		"amount", p.Amount.String(), "new", recorded)
	return nil
}

// RefundReference is the CRM reference of an attempt's refunds up to to
// (minor units of its refunded total).
func RefundReference(a bridge.PaymentAttempt, to int64) string {
	return Reference(a) + "-rf" + strconv.FormatInt(to, 10)
}

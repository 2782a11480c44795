package fake

import (
	"context"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.PaymentWriteBacks = (*Bridge)(nil)

// ClaimRefund returns the refunds of an attempt to record next, claiming
// them.
func (b *Bridge) ClaimRefund(ctx context.Context, id string) (from, to int64, err error) {
	err = b.withAttempt(ctx, "claim refund", id, func(a *bridge.PaymentAttempt) {
		from, to = a.CRMRefunded.Minor, a.CRMRefunded.Minor
		switch {
		case b.pay.refundPending[id] > from:
			to = b.pay.refundPending[id]
		case a.Refunded.Minor > from:
			to = a.Refunded.Minor
			if b.pay.refundPending == nil {
				b.pay.refundPending = map[string]int64{}
			}
			b.pay.refundPending[id] = to
		}
	})
	return from, to, err
}

// MarkRefundRecorded notes that the CRM holds the attempt's refunds up to
// to.
func (b *Bridge) MarkRefundRecorded(ctx context.Context, id string, to int64) error {
	return b.withAttempt(ctx, "mark refund recorded", id, func(a *bridge.PaymentAttempt) {
		a.CRMRefunded = connectors.Money{Minor: max(a.CRMRefunded.Minor, to), Currency: a.Amount.Currency}
	})
}

// MarkPaymentRecordFailed notes why the CRM refused the payment.
func (b *Bridge) MarkPaymentRecordFailed(ctx context.Context, id, reason string) error {
	return b.withAttempt(ctx, "mark payment record failed", id, func(a *bridge.PaymentAttempt) { a.CRMFailure = reason })
}

// withAttempt runs f on attempt id under the lock; ErrNotFound when
// unknown.
func (b *Bridge) withAttempt(ctx context.Context, op, id string, f func(*bridge.PaymentAttempt)) error {
	if err := check(ctx, op); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	a := b.pay.by(attemptID, id)
	if a == nil {
		return fmt.Errorf("fake: %s: %w", op, connectors.ErrNotFound)
	}
	f(a)
	return nil
}

package bridge

import "context"

// PaymentWriteBacks keeps what the CRM has taken of the online payments
// besides the payment itself: the refunds written back, and payments it
// refused for good. It is safe for concurrent use by several replicas.
type PaymentWriteBacks interface {
	// ClaimRefund returns the part of an attempt's refunds, in minor units
	// from..to of its refunded total, to record in the CRM next: a part
	// claimed before and not marked recorded (a write-back that died half
	// way, or runs concurrently) comes back unchanged, so that it is
	// recorded under the same reference; else every refund not recorded
	// yet, now claimed. from == to when there is nothing to record.
	// ErrNotFound for an unknown attempt.
	ClaimRefund(ctx context.Context, attemptID string) (from, to int64, err error)
	// MarkRefundRecorded notes that the CRM holds the attempt's refunds up
	// to to (minor units of its refunded total); a lower value than
	// already noted changes nothing. ErrNotFound for an unknown attempt.
	MarkRefundRecorded(ctx context.Context, attemptID string, to int64) error
	// MarkPaymentRecordFailed notes why the CRM refused the attempt's
	// payment for good (for staff; "" clears it). UnrecordedPayments keeps
	// listing the attempt, with CRMFailure set. ErrNotFound for an unknown
	// attempt.
	MarkPaymentRecordFailed(ctx context.Context, attemptID, reason string) error
}

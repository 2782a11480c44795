package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.PaymentWriteBacks = (*Store)(nil)

// ClaimRefund returns the refunds of an attempt to record next, claiming
// them in one transaction (the row lock on PostgreSQL, the write lock on
// SQLite, keeps two replicas from claiming different ranges).
func (s *Store) ClaimRefund(ctx context.Context, attemptID string) (from, to int64, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var refunded, recorded, pending int64
		q := `SELECT refunded, crm_refunded, crm_refund_pending FROM payment_attempts WHERE id = ?`
		if s.d.name == "postgres" {
			q += ` FOR UPDATE`
		}
		if err := s.row(ctx, tx, q, attemptID).Scan(&refunded, &recorded, &pending); err != nil {
			return err
		}
		from, to = recorded, recorded
		switch {
		case pending > recorded:
			to = pending
		case refunded > recorded:
			to = refunded
			_, err := s.exec(ctx, tx, `UPDATE payment_attempts SET crm_refund_pending = ? WHERE id = ?`, refunded, attemptID)
			return err
		}
		return nil
	})
	return from, to, ctxWrap(ctx, "claim refund", err)
}

// MarkRefundRecorded notes that the CRM holds the attempt's refunds up to
// to.
func (s *Store) MarkRefundRecorded(ctx context.Context, attemptID string, to int64) error {
	return s.updateAttempt(ctx, "mark refund recorded", `UPDATE payment_attempts
		SET crm_refunded = CASE WHEN crm_refunded > ? THEN crm_refunded ELSE ? END WHERE id = ?`, to, to, attemptID)
}

// MarkPaymentRecordFailed notes why the CRM refused the payment.
func (s *Store) MarkPaymentRecordFailed(ctx context.Context, attemptID, reason string) error {
	if !validText(reason) {
		return wrap("mark payment record failed", fmt.Errorf("%w: reason is not valid text", connectors.ErrInvalid))
	}
	return s.updateAttempt(ctx, "mark payment record failed",
		`UPDATE payment_attempts SET crm_failure = ? WHERE id = ?`, reason, attemptID)
}

// updateAttempt runs an UPDATE of one attempt; ErrNotFound when it names
// none.
func (s *Store) updateAttempt(ctx context.Context, op, query string, args ...any) error {
	res, err := s.exec(ctx, s.db, query, args...)
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = sql.ErrNoRows
		}
	}
	return ctxWrap(ctx, op, err)
}

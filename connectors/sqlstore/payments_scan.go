package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"clientgate/connectors/bridge"
)

// attemptColumns lists the payment_attempts columns in scanAttempt's
// order.
const attemptColumns = `id, provider, invoice_id, invoice_number, contact_id, amount, currency, idempotency_key,
	COALESCE(session_id, ''), checkout_url, COALESCE(intent_id, ''), charge_id, receipt_url, state, reason, refunded,
	crm_reference, crm_recorded_at, created_at, updated_at, crm_refunded, crm_failure`

func scanAttempt(row interface{ Scan(...any) error }) (bridge.PaymentAttempt, error) {
	var a bridge.PaymentAttempt
	err := row.Scan(&a.ID, &a.Provider, &a.InvoiceID, &a.InvoiceNumber, &a.ContactID, &a.Amount.Minor, &a.Amount.Currency,
		&a.IdempotencyKey, &a.SessionID, &a.CheckoutURL, &a.IntentID, &a.ChargeID, &a.ReceiptURL, &a.State, &a.Reason,
		&a.Refunded.Minor, &a.CRMReference, tm(&a.CRMRecordedAt), tm(&a.CreatedAt), tm(&a.UpdatedAt),
		&a.CRMRefunded.Minor, &a.CRMFailure)
	a.Refunded.Currency, a.CRMRefunded.Currency = a.Amount.Currency, a.Amount.Currency
	return a, err
}

// attemptBy reads one attempt selected by a column (id, session_id or
// intent_id).
func (s *Store) attemptBy(ctx context.Context, q querier, col, value string) (bridge.PaymentAttempt, error) {
	return scanAttempt(s.row(ctx, q, `SELECT `+attemptColumns+` FROM payment_attempts WHERE `+col+` = ?`, value))
}

// liveAttempt reads the invoice's live attempt; sql.ErrNoRows when none.
func (s *Store) liveAttempt(ctx context.Context, q querier, provider, invoiceID string) (bridge.PaymentAttempt, error) {
	return scanAttempt(s.row(ctx, q, `SELECT `+attemptColumns+` FROM payment_attempts
		WHERE provider = ? AND invoice_id = ? AND state IN ('created', 'failed', 'processing', 'paid', 'disputed')`,
		provider, invoiceID))
}

// changeState moves an attempt to state to and records the change.
func (s *Store) changeState(ctx context.Context, tx *sql.Tx, a bridge.PaymentAttempt, to bridge.PaymentState, reason, eventID string, at time.Time) error {
	_, err := s.exec(ctx, tx, `UPDATE payment_attempts SET state = ?, reason = ?, updated_at = ? WHERE id = ?`,
		string(to), reason, s.d.ts(at), a.ID)
	if err != nil {
		return err
	}
	return s.addChange(ctx, tx, a.ID, a.State, to, reason, eventID, at)
}

func (s *Store) addChange(ctx context.Context, tx *sql.Tx, id string, from, to bridge.PaymentState, reason, eventID string, at time.Time) error {
	_, err := s.exec(ctx, tx, `INSERT INTO payment_changes (attempt_id, at, from_state, to_state, reason, event_id)
		VALUES (?, ?, ?, ?, ?, ?)`, id, s.d.ts(at), string(from), string(to), reason, eventID)
	return err
}

// nextKey returns the first of base, base-2, base-3, … no attempt uses.
func (s *Store) nextKey(ctx context.Context, tx *sql.Tx, base string) (string, error) {
	key := base
	for n := 2; ; n++ {
		var used int
		err := s.row(ctx, tx, `SELECT COUNT(*) FROM payment_attempts WHERE idempotency_key = ?`, key).Scan(&used)
		if err != nil || used == 0 {
			return key, err
		}
		key = base + "-" + strconv.Itoa(n)
	}
}

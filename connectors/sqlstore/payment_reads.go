package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// PaymentAttempt returns an attempt; ErrNotFound when unknown.
func (s *Store) PaymentAttempt(ctx context.Context, id string) (bridge.PaymentAttempt, error) {
	a, err := s.attemptBy(ctx, s.db, "id", id)
	return a, ctxWrap(ctx, "payment attempt", err)
}

// InvoicePayment returns the invoice's live attempt, else its latest.
func (s *Store) InvoicePayment(ctx context.Context, invoiceID string) (bridge.PaymentAttempt, error) {
	a, err := scanAttempt(s.row(ctx, s.db, `SELECT `+attemptColumns+` FROM payment_attempts WHERE invoice_id = ?
		ORDER BY CASE WHEN state IN ('created', 'failed', 'processing', 'paid', 'disputed') THEN 0 ELSE 1 END,
		created_at DESC, id DESC LIMIT 1`, invoiceID))
	return a, ctxWrap(ctx, "invoice payment", err)
}

// InvoicePayments lists an invoice's attempts, newest first.
func (s *Store) InvoicePayments(ctx context.Context, invoiceID string) ([]bridge.PaymentAttempt, error) {
	out, err := collect(ctx, s, `SELECT `+attemptColumns+` FROM payment_attempts WHERE invoice_id = ?
		ORDER BY created_at DESC, id DESC`, []any{invoiceID},
		func(r *sql.Rows) (bridge.PaymentAttempt, error) { return scanAttempt(r) })
	return out, ctxWrap(ctx, "invoice payments", err)
}

// PaymentChanges lists an attempt's state changes, oldest first.
func (s *Store) PaymentChanges(ctx context.Context, attemptID string) ([]bridge.PaymentChange, error) {
	out, err := collect(ctx, s, `SELECT at, from_state, to_state, reason, event_id FROM payment_changes
		WHERE attempt_id = ? ORDER BY id`, []any{attemptID},
		func(r *sql.Rows) (bridge.PaymentChange, error) {
			var c bridge.PaymentChange
			err := r.Scan(tm(&c.At), &c.From, &c.To, &c.Reason, &c.EventID)
			return c, err
		})
	return out, ctxWrap(ctx, "payment changes", err)
}

// UnrecordedPayments lists paid attempts the CRM has not accepted yet,
// oldest first.
func (s *Store) UnrecordedPayments(ctx context.Context, limit int) ([]bridge.PaymentAttempt, error) {
	out, err := collect(ctx, s, `SELECT `+attemptColumns+` FROM payment_attempts
		WHERE state IN ('paid', 'disputed', 'refunded') AND crm_recorded_at IS NULL ORDER BY updated_at, id LIMIT ?`,
		[]any{clampLimit(limit)}, func(r *sql.Rows) (bridge.PaymentAttempt, error) { return scanAttempt(r) })
	return out, ctxWrap(ctx, "unrecorded payments", err)
}

// MarkPaymentRecorded notes that the CRM accepted the payment.
func (s *Store) MarkPaymentRecorded(ctx context.Context, attemptID, reference string, at time.Time) error {
	if reference == "" || !validText(reference) {
		return wrap("mark payment recorded", fmt.Errorf("%w: no CRM reference", connectors.ErrInvalid))
	}
	if at.IsZero() {
		at = time.Now()
	}
	res, err := s.exec(ctx, s.db, `UPDATE payment_attempts SET crm_reference = ?, crm_recorded_at = ? WHERE id = ?`,
		reference, s.d.ts(at), attemptID)
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = sql.ErrNoRows
		}
	}
	return ctxWrap(ctx, "mark payment recorded", err)
}

// PaymentDiscrepancies lists discrepancies, newest first.
func (s *Store) PaymentDiscrepancies(ctx context.Context, limit int) ([]bridge.PaymentDiscrepancy, error) {
	out, err := collect(ctx, s, `SELECT id, at, provider, event_id, event_type, kind, attempt_id, invoice_id, session_id,
		intent_id, expected_amount, expected_currency, got_amount, got_currency, detail
		FROM payment_discrepancies ORDER BY at DESC, id DESC LIMIT ?`, []any{clampLimit(limit)},
		func(r *sql.Rows) (bridge.PaymentDiscrepancy, error) {
			var d bridge.PaymentDiscrepancy
			err := r.Scan(&d.ID, tm(&d.At), &d.Provider, &d.EventID, &d.EventType, &d.Kind, &d.AttemptID, &d.InvoiceID,
				&d.SessionID, &d.IntentID, &d.Expected.Minor, &d.Expected.Currency, &d.Got.Minor, &d.Got.Currency, &d.Detail)
			return d, err
		})
	return out, ctxWrap(ctx, "payment discrepancies", err)
}

// clampLimit bounds a list's limit to 1..1000; 0 or less means 100.
func clampLimit(limit int) int {
	if limit <= 0 {
		return 100
	}
	return min(limit, 1000)
}

package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// lockInvoicePayments serialises ledger writes on one invoice across
// replicas (PostgreSQL advisory lock; SQLite has one writer).
func (s *Store) lockInvoicePayments(ctx context.Context, tx *sql.Tx, provider, invoiceID string) error {
	return s.lockKey(ctx, tx, "sqlstore.payments."+provider+"."+invoiceID)
}

// BeginPayment returns the invoice's live created or failed attempt for
// the same amount, or cancels it and creates a new one; ErrAlreadyPaid
// when a live attempt is processing, paid or disputed. It runs under the
// invoice's lock, and the partial unique index on live attempts refuses a
// second live attempt whatever happens.
func (s *Store) BeginPayment(ctx context.Context, n bridge.NewPaymentAttempt) (bridge.PaymentAttempt, []bridge.PaymentAttempt, error) {
	if err := n.Validate(); err != nil {
		return bridge.PaymentAttempt{}, nil, wrap("begin payment", err)
	}
	var a bridge.PaymentAttempt
	var superseded []bridge.PaymentAttempt
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, superseded, err = s.beginPayment(ctx, tx, n)
		return err
	})
	return a, superseded, ctxWrap(ctx, "begin payment", err)
}

func (s *Store) beginPayment(ctx context.Context, tx *sql.Tx, n bridge.NewPaymentAttempt) (bridge.PaymentAttempt, []bridge.PaymentAttempt, error) {
	if err := s.lockInvoicePayments(ctx, tx, n.Provider, n.InvoiceID); err != nil {
		return bridge.PaymentAttempt{}, nil, err
	}
	now := time.Now().UTC()
	live, err := s.liveAttempt(ctx, tx, n.Provider, n.InvoiceID)
	var superseded []bridge.PaymentAttempt
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return bridge.PaymentAttempt{}, nil, err
	case live.State.Settled():
		return live, nil, bridge.ErrAlreadyPaid
	case live.Amount == n.Amount && live.ContactID == n.ContactID:
		return live, nil, nil
	default:
		if err := s.changeState(ctx, tx, live, bridge.PaymentCanceled, "replaced by a new attempt", "", now); err != nil {
			return bridge.PaymentAttempt{}, nil, err
		}
		live.State, live.Reason = bridge.PaymentCanceled, "replaced by a new attempt"
		superseded = append(superseded, live)
	}
	key, err := s.nextKey(ctx, tx, n.IdempotencyKey)
	if err != nil {
		return bridge.PaymentAttempt{}, nil, err
	}
	a := bridge.PaymentAttempt{
		ID: uuid.NewString(), Provider: n.Provider, InvoiceID: n.InvoiceID, InvoiceNumber: n.InvoiceNumber,
		ContactID: n.ContactID, Amount: n.Amount, IdempotencyKey: key, State: bridge.PaymentCreated,
		Refunded: connectors.Money{Currency: n.Amount.Currency}, CreatedAt: now, UpdatedAt: now,
	}
	_, err = s.exec(ctx, tx, `INSERT INTO payment_attempts (id, provider, invoice_id, invoice_number, contact_id, amount, currency,
		idempotency_key, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Provider, a.InvoiceID, a.InvoiceNumber, a.ContactID, a.Amount.Minor, a.Amount.Currency, a.IdempotencyKey,
		string(a.State), s.d.ts(now), s.d.ts(now))
	if err != nil {
		return bridge.PaymentAttempt{}, nil, err
	}
	return a, superseded, s.addChange(ctx, tx, a.ID, "", bridge.PaymentCreated, "", "", now)
}

// AttachCheckout records the provider's checkout of an attempt.
func (s *Store) AttachCheckout(ctx context.Context, attemptID, sessionID, url string) error {
	if sessionID == "" || !validText(sessionID, url) {
		return wrap("attach checkout", fmt.Errorf("%w: checkout session ID missing or not valid text", connectors.ErrInvalid))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := s.attemptBy(ctx, tx, "id", attemptID)
		switch {
		case err != nil:
			return err
		case a.SessionID == sessionID:
			return nil
		case a.SessionID != "":
			return fmt.Errorf("%w: attempt %s has checkout %s", connectors.ErrConflict, a.ID, a.SessionID)
		}
		if other, err := s.attemptBy(ctx, tx, "session_id", sessionID); err == nil {
			return fmt.Errorf("%w: checkout %s belongs to attempt %s", connectors.ErrConflict, sessionID, other.ID)
		}
		_, err = s.exec(ctx, tx, `UPDATE payment_attempts SET session_id = ?, checkout_url = ?, updated_at = ? WHERE id = ?`,
			sessionID, url, s.d.ts(time.Now()), attemptID)
		return err
	})
	return ctxWrap(ctx, "attach checkout", err)
}

// CancelPayment closes a created or failed attempt.
func (s *Store) CancelPayment(ctx context.Context, attemptID, reason string) error {
	if !validText(reason) {
		return wrap("cancel payment", fmt.Errorf("%w: reason is not valid text", connectors.ErrInvalid))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := s.attemptBy(ctx, tx, "id", attemptID)
		if err != nil {
			return err
		}
		if err := s.lockInvoicePayments(ctx, tx, a.Provider, a.InvoiceID); err != nil {
			return err
		}
		if a, err = s.attemptBy(ctx, tx, "id", attemptID); err != nil {
			return err
		}
		if a.State != bridge.PaymentCreated && a.State != bridge.PaymentFailed {
			return fmt.Errorf("%w: attempt %s is %s", connectors.ErrConflict, a.ID, a.State)
		}
		return s.changeState(ctx, tx, a, bridge.PaymentCanceled, reason, "", time.Now().UTC())
	})
	return ctxWrap(ctx, "cancel payment", err)
}

package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// ApplyPaymentEvent applies a provider event once, in one transaction.
// The event's row is inserted first with ON CONFLICT DO NOTHING: a second
// delivery, even one racing the first on another replica, inserts nothing
// (PostgreSQL makes it wait for the first to commit) and changes nothing.
func (s *Store) ApplyPaymentEvent(ctx context.Context, ev bridge.PaymentEvent) (bridge.ApplyResult, error) {
	if ev.Provider == "" || ev.ID == "" || !validText(ev.Provider, ev.ID, ev.Type, ev.AttemptID, ev.InvoiceID, ev.ContactID,
		ev.SessionID, ev.IntentID, ev.ChargeID, ev.Reason, ev.ReceiptURL) {
		return bridge.ApplyResult{}, wrap("apply payment event", fmt.Errorf("%w: event needs a provider and an ID, as valid text", connectors.ErrInvalid))
	}
	ev.At = bridge.EventTime(ev, time.Now())
	var res bridge.ApplyResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = s.applyEvent(ctx, tx, ev)
		return err
	})
	return res, ctxWrap(ctx, "apply payment event", err)
}

func (s *Store) applyEvent(ctx context.Context, tx *sql.Tx, ev bridge.PaymentEvent) (bridge.ApplyResult, error) {
	ins, err := s.exec(ctx, tx, `INSERT INTO payment_events (provider, event_id, type, received_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (provider, event_id) DO NOTHING`, ev.Provider, ev.ID, ev.Type, s.d.ts(time.Now()))
	if err != nil {
		return bridge.ApplyResult{}, err
	}
	if n, err := ins.RowsAffected(); err != nil || n == 0 {
		return bridge.ApplyResult{Outcome: bridge.EventDuplicate}, err
	}
	a, err := s.eventAttempt(ctx, tx, ev)
	if errors.Is(err, sql.ErrNoRows) {
		return s.record(ctx, tx, ev, bridge.EventPlan{Discrepancy: bridge.ForeignEvent(ev), Outcome: bridge.EventDiscrepancy})
	}
	if err != nil {
		return bridge.ApplyResult{}, err
	}
	if err := s.lockInvoicePayments(ctx, tx, a.Provider, a.InvoiceID); err != nil {
		return bridge.ApplyResult{}, err
	}
	if a, err = s.attemptBy(ctx, tx, "id", a.ID); err != nil {
		return bridge.ApplyResult{}, err
	}
	var c bridge.EventContext
	if live, err := s.liveAttempt(ctx, tx, a.Provider, a.InvoiceID); err == nil {
		c.OtherLive, c.OtherSettled = live.ID, live.State.Settled()
	} else if !errors.Is(err, sql.ErrNoRows) {
		return bridge.ApplyResult{}, err
	}
	if ev.IntentID != "" {
		if owner, err := s.attemptBy(ctx, tx, "intent_id", ev.IntentID); err == nil {
			c.IntentOwner = owner.ID
		} else if !errors.Is(err, sql.ErrNoRows) {
			return bridge.ApplyResult{}, err
		}
	}
	return s.record(ctx, tx, ev, bridge.PlanEvent(a, ev, c))
}

// eventAttempt finds the attempt an event is about: by the attempt ID in
// its metadata, else by its checkout session, else by its payment.
func (s *Store) eventAttempt(ctx context.Context, tx *sql.Tx, ev bridge.PaymentEvent) (bridge.PaymentAttempt, error) {
	for _, by := range []struct{ col, value string }{
		{"id", ev.AttemptID}, {"session_id", ev.SessionID}, {"intent_id", ev.IntentID},
	} {
		if by.value == "" {
			continue
		}
		a, err := s.attemptBy(ctx, tx, by.col, by.value)
		if err == nil && a.Provider == ev.Provider {
			return a, nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return a, err
		}
	}
	return bridge.PaymentAttempt{}, sql.ErrNoRows
}

// record carries out a plan: the discrepancy, or the attempt's new
// fields and its change; then notes the event's outcome.
func (s *Store) record(ctx context.Context, tx *sql.Tx, ev bridge.PaymentEvent, p bridge.EventPlan) (bridge.ApplyResult, error) {
	res := bridge.ApplyResult{Outcome: p.Outcome, Attempt: p.Attempt, Discrepancy: p.Discrepancy}
	var err error
	switch {
	case p.Discrepancy != nil:
		err = s.addDiscrepancy(ctx, tx, p.Discrepancy)
	case p.Outcome == bridge.EventApplied:
		if res.Superseded, err = s.supersede(ctx, tx, p.Cancel, p.Attempt.UpdatedAt); err != nil {
			return bridge.ApplyResult{}, err
		}
		a := p.Attempt
		_, err = s.exec(ctx, tx, `UPDATE payment_attempts SET session_id = ?, intent_id = ?, charge_id = ?, receipt_url = ?,
			state = ?, reason = ?, refunded = ?, updated_at = ? WHERE id = ?`,
			null(a.SessionID), null(a.IntentID), a.ChargeID, a.ReceiptURL, string(a.State), a.Reason, a.Refunded.Minor,
			s.d.ts(a.UpdatedAt), a.ID)
		if err == nil && p.Change != nil {
			c := p.Change
			err = s.addChange(ctx, tx, a.ID, c.From, c.To, c.Reason, c.EventID, c.At)
		}
	}
	if err != nil {
		return bridge.ApplyResult{}, err
	}
	_, err = s.exec(ctx, tx, `UPDATE payment_events SET attempt_id = ?, outcome = ? WHERE provider = ? AND event_id = ?`,
		p.Attempt.ID, string(p.Outcome), ev.Provider, ev.ID)
	return res, err
}

// addDiscrepancy stores d, recorded now, and sets its ID.
func (s *Store) addDiscrepancy(ctx context.Context, tx *sql.Tx, d *bridge.PaymentDiscrepancy) error {
	d.At = time.Now().UTC()
	return s.row(ctx, tx, `INSERT INTO payment_discrepancies (at, provider, event_id, event_type, kind, attempt_id, invoice_id,
		session_id, intent_id, expected_amount, expected_currency, got_amount, got_currency, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		s.d.ts(d.At), d.Provider, d.EventID, d.EventType, string(d.Kind), d.AttemptID, d.InvoiceID, d.SessionID, d.IntentID,
		d.Expected.Minor, d.Expected.Currency, d.Got.Minor, d.Got.Currency, d.Detail).Scan(&d.ID)
}

// supersede cancels the attempt id (when not "") for a payment of an
// earlier checkout and returns it.
func (s *Store) supersede(ctx context.Context, tx *sql.Tx, id string, at time.Time) (*bridge.PaymentAttempt, error) {
	if id == "" {
		return nil, nil
	}
	other, err := s.attemptBy(ctx, tx, "id", id)
	if err != nil {
		return nil, err
	}
	const reason = "replaced by the payment of an earlier checkout"
	if err := s.changeState(ctx, tx, other, bridge.PaymentCanceled, reason, "", at); err != nil {
		return nil, err
	}
	other.State, other.Reason = bridge.PaymentCanceled, reason
	return &other, nil
}

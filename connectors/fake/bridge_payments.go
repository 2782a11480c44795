package fake

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// ledger is the Bridge's in-memory bridge.PaymentLedger; Bridge.mu guards
// it. Its zero value is empty and usable.
type ledger struct {
	attempts      []*bridge.PaymentAttempt // in creation order
	changes       map[string][]bridge.PaymentChange
	events        map[string]bool // provider + "\x00" + event ID
	discrepancies []bridge.PaymentDiscrepancy
	// refundPending is each attempt's refund being written to the CRM
	// (see ClaimRefund).
	refundPending map[string]int64
}

// live returns the invoice's live attempt, or nil.
func (l *ledger) live(provider, invoiceID string) *bridge.PaymentAttempt {
	for _, a := range l.attempts {
		if a.Provider == provider && a.InvoiceID == invoiceID && a.State.Live() {
			return a
		}
	}
	return nil
}

// by returns the attempt whose field f equals v, or nil.
func (l *ledger) by(f func(*bridge.PaymentAttempt) string, v string) *bridge.PaymentAttempt {
	for _, a := range l.attempts {
		if v != "" && f(a) == v {
			return a
		}
	}
	return nil
}

func attemptID(a *bridge.PaymentAttempt) string { return a.ID }
func sessionOf(a *bridge.PaymentAttempt) string { return a.SessionID }
func intentID(a *bridge.PaymentAttempt) string  { return a.IntentID }

func (l *ledger) change(id string, c bridge.PaymentChange) {
	if l.changes == nil {
		l.changes = map[string][]bridge.PaymentChange{}
	}
	l.changes[id] = append(l.changes[id], c)
}

// move sets an attempt's state and records the change.
func (l *ledger) move(a *bridge.PaymentAttempt, to bridge.PaymentState, reason string, at time.Time) {
	l.change(a.ID, bridge.PaymentChange{At: at, From: a.State, To: to, Reason: reason})
	a.State, a.Reason, a.UpdatedAt = to, reason, at
}

// BeginPayment returns the live created or failed attempt for the same
// amount, or replaces it with a new one; ErrAlreadyPaid when settled.
func (b *Bridge) BeginPayment(ctx context.Context, n bridge.NewPaymentAttempt) (bridge.PaymentAttempt, []bridge.PaymentAttempt, error) {
	if err := check(ctx, "begin payment"); err != nil {
		return bridge.PaymentAttempt{}, nil, err
	}
	if err := n.Validate(); err != nil {
		return bridge.PaymentAttempt{}, nil, fmt.Errorf("fake: %w", err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	var superseded []bridge.PaymentAttempt
	if live := b.pay.live(n.Provider, n.InvoiceID); live != nil {
		switch {
		case live.State.Settled():
			return *live, nil, fmt.Errorf("fake: %w", bridge.ErrAlreadyPaid)
		case live.Amount == n.Amount && live.ContactID == n.ContactID:
			return *live, nil, nil
		}
		b.pay.move(live, bridge.PaymentCanceled, "replaced by a new attempt", now)
		superseded = append(superseded, *live)
	}
	key := n.IdempotencyKey
	for i := 2; b.pay.by(func(a *bridge.PaymentAttempt) string { return a.IdempotencyKey }, key) != nil; i++ {
		key = n.IdempotencyKey + "-" + strconv.Itoa(i)
	}
	a := &bridge.PaymentAttempt{
		ID: uuid.NewString(), Provider: n.Provider, InvoiceID: n.InvoiceID, InvoiceNumber: n.InvoiceNumber,
		ContactID: n.ContactID, Amount: n.Amount, IdempotencyKey: key, State: bridge.PaymentCreated,
		Refunded: connectors.Money{Currency: n.Amount.Currency}, CRMRefunded: connectors.Money{Currency: n.Amount.Currency},
		CreatedAt: now, UpdatedAt: now,
	}
	b.pay.attempts = append(b.pay.attempts, a)
	b.pay.change(a.ID, bridge.PaymentChange{At: now, To: bridge.PaymentCreated})
	return *a, superseded, nil
}

// AttachCheckout records the provider's checkout of an attempt.
func (b *Bridge) AttachCheckout(ctx context.Context, id, sessionID, url string) error {
	if err := check(ctx, "attach checkout"); err != nil {
		return err
	}
	if sessionID == "" {
		return fmt.Errorf("fake: attach checkout: %w: no session", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	a := b.pay.by(attemptID, id)
	switch other := b.pay.by(sessionOf, sessionID); {
	case a == nil:
		return fmt.Errorf("fake: attach checkout: %w", connectors.ErrNotFound)
	case a.SessionID == sessionID:
		return nil
	case a.SessionID != "" || other != nil:
		return fmt.Errorf("fake: attach checkout: %w: session taken", connectors.ErrConflict)
	}
	a.SessionID, a.CheckoutURL, a.UpdatedAt = sessionID, url, b.now()
	return nil
}

// CancelPayment closes a created or failed attempt.
func (b *Bridge) CancelPayment(ctx context.Context, id, reason string) error {
	if err := check(ctx, "cancel payment"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	a := b.pay.by(attemptID, id)
	switch {
	case a == nil:
		return fmt.Errorf("fake: cancel payment: %w", connectors.ErrNotFound)
	case a.State != bridge.PaymentCreated && a.State != bridge.PaymentFailed:
		return fmt.Errorf("fake: cancel payment: %w: attempt is %s", connectors.ErrConflict, a.State)
	}
	b.pay.move(a, bridge.PaymentCanceled, reason, b.now())
	return nil
}

// ApplyPaymentEvent applies a provider event once (bridge.PlanEvent).
func (b *Bridge) ApplyPaymentEvent(ctx context.Context, ev bridge.PaymentEvent) (bridge.ApplyResult, error) {
	if err := check(ctx, "apply payment event"); err != nil {
		return bridge.ApplyResult{}, err
	}
	if ev.Provider == "" || ev.ID == "" {
		return bridge.ApplyResult{}, fmt.Errorf("fake: apply payment event: %w: no provider or ID", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	ev.At = bridge.EventTime(ev, b.now())
	key := ev.Provider + "\x00" + ev.ID
	if b.pay.events[key] {
		return bridge.ApplyResult{Outcome: bridge.EventDuplicate}, nil
	}
	if b.pay.events == nil {
		b.pay.events = map[string]bool{}
	}
	b.pay.events[key] = true
	a := b.pay.eventAttempt(ev)
	if a == nil {
		return b.pay.carryOut(bridge.EventPlan{Discrepancy: bridge.ForeignEvent(ev), Outcome: bridge.EventDiscrepancy}, b.now()), nil
	}
	var c bridge.EventContext
	if live := b.pay.live(a.Provider, a.InvoiceID); live != nil {
		c.OtherLive, c.OtherSettled = live.ID, live.State.Settled()
	}
	if owner := b.pay.by(intentID, ev.IntentID); owner != nil {
		c.IntentOwner = owner.ID
	}
	return b.pay.carryOut(bridge.PlanEvent(*a, ev, c), b.now()), nil
}

// eventAttempt finds the attempt an event is about, or nil.
func (l *ledger) eventAttempt(ev bridge.PaymentEvent) *bridge.PaymentAttempt {
	for _, a := range []*bridge.PaymentAttempt{l.by(attemptID, ev.AttemptID), l.by(sessionOf, ev.SessionID), l.by(intentID, ev.IntentID)} {
		if a != nil && a.Provider == ev.Provider {
			return a
		}
	}
	return nil
}

// carryOut stores a plan's discrepancy or its attempt and change.
func (l *ledger) carryOut(p bridge.EventPlan, now time.Time) bridge.ApplyResult {
	res := bridge.ApplyResult{Outcome: p.Outcome, Attempt: p.Attempt, Discrepancy: p.Discrepancy}
	switch {
	case p.Discrepancy != nil:
		p.Discrepancy.ID, p.Discrepancy.At = int64(len(l.discrepancies)+1), now
		l.discrepancies = append(l.discrepancies, *p.Discrepancy)
	case p.Outcome == bridge.EventApplied:
		if other := l.by(attemptID, p.Cancel); other != nil {
			l.move(other, bridge.PaymentCanceled, "replaced by the payment of an earlier checkout", p.Attempt.UpdatedAt)
			res.Superseded = new(*other)
		}
		*l.by(attemptID, p.Attempt.ID) = p.Attempt
		if p.Change != nil {
			l.change(p.Attempt.ID, *p.Change)
		}
	}
	return res
}

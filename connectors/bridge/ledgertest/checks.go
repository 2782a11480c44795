package ledgertest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// checkBegin: a new attempt is created; asking again for the same amount
// returns it; its creation is its first change.
func checkBegin(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	if _, err := l.InvoicePayment(ctx, "inv-none"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("InvoicePayment without attempts: err = %v, want ErrNotFound", err)
	}
	n := newAttempt(12000)
	a := begin(t, l, n)
	if a.ID == "" || a.State != bridge.PaymentCreated || a.Amount != n.Amount || a.IdempotencyKey != n.IdempotencyKey ||
		a.InvoiceID != n.InvoiceID || a.ContactID != n.ContactID || a.CreatedAt.IsZero() {
		t.Fatalf("new attempt = %+v", a)
	}
	again, superseded, err := l.BeginPayment(ctx, n)
	if err != nil || again.ID != a.ID || len(superseded) != 0 {
		t.Errorf("BeginPayment again = %s, %v, %v; want the same attempt", again.ID, superseded, err)
	}
	got, err := l.InvoicePayment(ctx, n.InvoiceID)
	if err != nil || got.ID != a.ID || got.State != bridge.PaymentCreated || got.CreatedAt.Sub(a.CreatedAt).Abs() > time.Millisecond {
		t.Errorf("InvoicePayment = %+v, %v", got, err)
	}
	changes, err := l.PaymentChanges(ctx, a.ID)
	if err != nil || len(changes) != 1 || changes[0].To != bridge.PaymentCreated || changes[0].At.IsZero() {
		t.Errorf("changes = %+v, %v", changes, err)
	}
}

// checkSupersede: a new amount cancels the open attempt and makes a new
// one; a failed attempt is superseded too; the same amount later reuses
// the key with a suffix.
func checkSupersede(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	n := newAttempt(12000)
	first := withCheckout(t, l, n)
	m := n
	m.Amount = eur(8000)
	m.IdempotencyKey = n.IdempotencyKey + "-8000"
	second, superseded, err := l.BeginPayment(ctx, m)
	if err != nil || second.ID == first.ID || len(superseded) != 1 || superseded[0].ID != first.ID ||
		superseded[0].State != bridge.PaymentCanceled || superseded[0].SessionID != first.SessionID {
		t.Fatalf("BeginPayment with a new amount = %+v, %+v, %v", second, superseded, err)
	}
	if got := state(t, l, first.ID); got.State != bridge.PaymentCanceled {
		t.Errorf("replaced attempt is %s, want canceled", got.State)
	}
	apply(t, l, withReason(event(second, bridge.PaymentFailed, eur(8000)), "Your card was declined."), bridge.EventApplied)
	third, superseded, err := l.BeginPayment(ctx, n)
	if err != nil || len(superseded) != 1 || superseded[0].ID != second.ID {
		t.Fatalf("BeginPayment after a failure with the first amount = %+v, %+v, %v", third, superseded, err)
	}
	if third.IdempotencyKey == n.IdempotencyKey || !strings.HasPrefix(third.IdempotencyKey, n.IdempotencyKey) {
		t.Errorf("key of a repeated amount = %q; want %q with a suffix", third.IdempotencyKey, n.IdempotencyKey)
	}
	if live, _ := liveCount(t, l, n.InvoiceID); live != 1 {
		t.Errorf("%d live attempts, want 1", live)
	}
}

func withReason(ev bridge.PaymentEvent, reason string) bridge.PaymentEvent {
	ev.Reason = reason
	return ev
}

// checkCheckout: attaching a checkout is idempotent; a session cannot
// belong to two attempts; cancelling works on a created attempt only.
func checkCheckout(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	a := withCheckout(t, l, newAttempt(500))
	if err := l.AttachCheckout(ctx, a.ID, a.SessionID, "https://pay.example/x"); err != nil {
		t.Errorf("AttachCheckout again: %v", err)
	}
	if got := state(t, l, a.ID); got.SessionID != a.SessionID || got.CheckoutURL == "" {
		t.Errorf("attached attempt = %+v", got)
	}
	b := begin(t, l, newAttempt(500))
	if err := l.AttachCheckout(ctx, b.ID, a.SessionID, ""); !errors.Is(err, connectors.ErrConflict) {
		t.Errorf("AttachCheckout of another attempt's session: err = %v, want ErrConflict", err)
	}
	if err := l.AttachCheckout(ctx, "no-such-attempt", "cs_x", ""); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("AttachCheckout of an unknown attempt: err = %v, want ErrNotFound", err)
	}
	if err := l.CancelPayment(ctx, b.ID, "provider unavailable"); err != nil {
		t.Errorf("CancelPayment: %v", err)
	}
	if got := state(t, l, b.ID); got.State != bridge.PaymentCanceled || got.Reason != "provider unavailable" {
		t.Errorf("canceled attempt = %+v", got)
	}
	apply(t, l, event(a, bridge.PaymentPaid, eur(500)), bridge.EventApplied)
	if err := l.CancelPayment(ctx, a.ID, "x"); !errors.Is(err, connectors.ErrConflict) {
		t.Errorf("CancelPayment of a paid attempt: err = %v, want ErrConflict", err)
	}
}

// checkPaidOnce: a paid invoice cannot get a new attempt; a replayed
// event changes nothing.
func checkPaidOnce(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	n := newAttempt(12000)
	a := withCheckout(t, l, n)
	ev := event(a, bridge.PaymentPaid, eur(12000))
	ev.IntentID, ev.ChargeID, ev.ReceiptURL = "pi_1", "ch_1", "https://pay.example/receipt/1"
	res := apply(t, l, ev, bridge.EventApplied)
	if res.Attempt.State != bridge.PaymentPaid || res.Attempt.IntentID != "pi_1" || res.Attempt.ReceiptURL == "" {
		t.Errorf("paid attempt = %+v", res.Attempt)
	}
	apply(t, l, ev, bridge.EventDuplicate)
	for _, m := range []bridge.NewPaymentAttempt{n, withAmount(n, 1)} {
		got, _, err := l.BeginPayment(ctx, m)
		if !bridge.IsAlreadyPaid(err) || !errors.Is(err, connectors.ErrConflict) || got.ID != a.ID {
			t.Errorf("BeginPayment of a paid invoice (%v) = %s, %v; want ErrAlreadyPaid with the paid attempt", m.Amount, got.ID, err)
		}
	}
	changes, _ := l.PaymentChanges(ctx, a.ID)
	if len(changes) != 2 || changes[1].From != bridge.PaymentCreated || changes[1].To != bridge.PaymentPaid || changes[1].EventID != ev.ID {
		t.Errorf("changes = %+v", changes)
	}
	if got, _ := l.InvoicePayment(ctx, n.InvoiceID); got.ID != a.ID || got.State != bridge.PaymentPaid {
		t.Errorf("InvoicePayment = %+v", got)
	}
}

func withAmount(n bridge.NewPaymentAttempt, minor int64) bridge.NewPaymentAttempt {
	n.Amount = eur(minor)
	n.IdempotencyKey += "-other"
	return n
}

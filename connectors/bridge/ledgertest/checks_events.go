package ledgertest

import (
	"context"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// checkDiscrepancies: events that do not match are recorded for staff,
// never applied, and not recorded twice when replayed.
func checkDiscrepancies(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	a := withCheckout(t, l, newAttempt(12000))
	other := withCheckout(t, l, newAttempt(300))
	foreign := event(a, bridge.PaymentPaid, eur(12000))
	foreign.AttemptID, foreign.SessionID, foreign.InvoiceID = "", "cs_of_another_portal", ""
	wrongInvoice := event(a, bridge.PaymentPaid, eur(12000))
	wrongInvoice.InvoiceID = "inv-someone-else"
	wrongSession := event(a, bridge.PaymentPaid, eur(12000))
	wrongSession.SessionID = other.SessionID
	for _, c := range []struct {
		name string
		ev   bridge.PaymentEvent
		kind bridge.DiscrepancyKind
	}{
		{"less paid", event(a, bridge.PaymentPaid, eur(11999)), bridge.DiscrepancyAmount},
		{"more paid", event(a, bridge.PaymentPaid, eur(12001)), bridge.DiscrepancyAmount},
		{"other currency", event(a, bridge.PaymentPaid, connectors.Money{Minor: 12000, Currency: "USD"}), bridge.DiscrepancyCurrency},
		{"unknown session", foreign, bridge.DiscrepancyForeign},
		{"another invoice", wrongInvoice, bridge.DiscrepancyUnknownInvoice},
		{"another attempt's session", wrongSession, bridge.DiscrepancyForeign},
	} {
		res := apply(t, l, c.ev, bridge.EventDiscrepancy)
		if res.Discrepancy == nil || res.Discrepancy.Kind != c.kind || res.Discrepancy.EventID != c.ev.ID || res.Discrepancy.ID == 0 {
			t.Errorf("%s: discrepancy %+v, want kind %s", c.name, res.Discrepancy, c.kind)
		}
		apply(t, l, c.ev, bridge.EventDuplicate)
	}
	if got := state(t, l, a.ID); got.State != bridge.PaymentCreated {
		t.Errorf("attempt after discrepancies is %s, want created (nothing applied)", got.State)
	}
	list, err := l.PaymentDiscrepancies(ctx, 0)
	if err != nil || len(list) != 6 {
		t.Fatalf("PaymentDiscrepancies = %d, %v; want 6", len(list), err)
	}
	if list[0].Kind != bridge.DiscrepancyForeign || list[5].Kind != bridge.DiscrepancyAmount || list[5].Expected != eur(12000) || list[5].Got != eur(11999) {
		t.Errorf("discrepancies newest first: %+v ... %+v", list[0], list[5])
	}
	if two, _ := l.PaymentDiscrepancies(ctx, 2); len(two) != 2 {
		t.Errorf("limit 2 gave %d", len(two))
	}
}

// checkOutOfOrder: a failure arriving after the payment, or the
// processing state after paid, changes nothing; a later success after a
// failure does.
func checkOutOfOrder(t *testing.T, l bridge.PaymentLedger) {
	a := withCheckout(t, l, newAttempt(4200))
	failed := apply(t, l, withReason(event(a, bridge.PaymentFailed, eur(4200)), "Your card has insufficient funds."), bridge.EventApplied)
	if failed.Attempt.State != bridge.PaymentFailed || failed.Attempt.Reason != "Your card has insufficient funds." {
		t.Errorf("failed attempt = %+v", failed.Attempt)
	}
	apply(t, l, withReason(event(a, bridge.PaymentFailed, eur(4200)), "Your card was declined."), bridge.EventApplied)
	apply(t, l, event(a, bridge.PaymentProcessing, eur(4200)), bridge.EventApplied)
	apply(t, l, event(a, bridge.PaymentPaid, eur(4200)), bridge.EventApplied)
	apply(t, l, event(a, bridge.PaymentPaid, eur(4200)), bridge.EventStale)
	apply(t, l, withReason(event(a, bridge.PaymentFailed, eur(4200)), "late"), bridge.EventStale)
	apply(t, l, event(a, bridge.PaymentProcessing, eur(4200)), bridge.EventStale)
	if got := state(t, l, a.ID); got.State != bridge.PaymentPaid {
		t.Errorf("attempt is %s, want paid", got.State)
	}
	ids := event(a, "", connectors.Money{})
	ids.IntentID, ids.ChargeID = "pi_late", "ch_late"
	if res := apply(t, l, ids, bridge.EventApplied); res.Attempt.IntentID != "pi_late" || res.Attempt.State != bridge.PaymentPaid {
		t.Errorf("event with IDs only: %+v", res.Attempt)
	}
}

// checkRefund: a part refund keeps the attempt paid with the amount
// noted; a full refund closes it and lets the invoice be paid again.
func checkRefund(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	n := newAttempt(10000)
	a := withCheckout(t, l, n)
	apply(t, l, event(a, bridge.PaymentPaid, eur(10000)), bridge.EventApplied)
	part := apply(t, l, event(a, bridge.PaymentRefunded, eur(2500)), bridge.EventApplied)
	if part.Attempt.State != bridge.PaymentPaid || part.Attempt.Refunded != eur(2500) {
		t.Errorf("after a part refund: %+v", part.Attempt)
	}
	apply(t, l, event(a, bridge.PaymentRefunded, eur(10001)), bridge.EventDiscrepancy)
	apply(t, l, event(a, bridge.PaymentDisputed, connectors.Money{}), bridge.EventApplied)
	full := apply(t, l, event(a, bridge.PaymentRefunded, eur(10000)), bridge.EventApplied)
	if full.Attempt.State != bridge.PaymentRefunded || full.Attempt.Refunded != eur(10000) {
		t.Errorf("after a full refund: %+v", full.Attempt)
	}
	if got := state(t, l, a.ID); got.Refunded != eur(10000) || got.State != bridge.PaymentRefunded {
		t.Errorf("stored after refund: %+v", got)
	}
	again, _, err := l.BeginPayment(ctx, n)
	if err != nil || again.ID == a.ID || again.IdempotencyKey == a.IdempotencyKey {
		t.Errorf("BeginPayment after a refund = %+v, %v; want a new attempt with a new key", again, err)
	}
}

// checkLatePayment: a replaced checkout paid in a tab left open is
// applied when nothing else stands for the invoice, takes the invoice
// back from an unpaid successor, and is a duplicate-payment discrepancy
// when another attempt is paid.
func checkLatePayment(t *testing.T, l bridge.PaymentLedger) {
	k := newAttempt(5000)
	early := withCheckout(t, l, k)
	successor := withCheckout(t, l, withAmount(k, 4000))
	res := apply(t, l, event(early, bridge.PaymentPaid, eur(5000)), bridge.EventApplied)
	if res.Attempt.State != bridge.PaymentPaid || res.Superseded == nil || res.Superseded.ID != successor.ID ||
		state(t, l, successor.ID).State != bridge.PaymentCanceled {
		t.Errorf("earlier checkout paid: %+v, superseded %+v", res.Attempt, res.Superseded)
	}

	n := newAttempt(5000)
	old := withCheckout(t, l, n)
	current := withCheckout(t, l, withAmount(n, 4000))
	apply(t, l, event(current, bridge.PaymentPaid, eur(4000)), bridge.EventApplied)
	res = apply(t, l, event(old, bridge.PaymentPaid, eur(5000)), bridge.EventDiscrepancy)
	if res.Discrepancy.Kind != bridge.DiscrepancyDuplicate || state(t, l, old.ID).State != bridge.PaymentCanceled {
		t.Errorf("second payment: %+v, attempt %s", res.Discrepancy, state(t, l, old.ID).State)
	}
	m := newAttempt(700)
	lone := withCheckout(t, l, m)
	if err := l.CancelPayment(context.Background(), lone.ID, "expired"); err != nil {
		t.Fatal(err)
	}
	if res := apply(t, l, event(lone, bridge.PaymentPaid, eur(700)), bridge.EventApplied); res.Attempt.State != bridge.PaymentPaid {
		t.Errorf("late payment of the only attempt: %+v", res.Attempt)
	}
	if _, settled := liveCount(t, l, n.InvoiceID); settled != 1 {
		t.Errorf("%d settled attempts, want 1", settled)
	}
}

// checkRecorded: paid attempts wait in UnrecordedPayments until the CRM
// accepted them.
func checkRecorded(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	a := withCheckout(t, l, newAttempt(900))
	b := withCheckout(t, l, newAttempt(800))
	apply(t, l, event(a, bridge.PaymentPaid, eur(900)), bridge.EventApplied)
	apply(t, l, event(b, bridge.PaymentPaid, eur(800)), bridge.EventApplied)
	withCheckout(t, l, newAttempt(700))
	list, err := l.UnrecordedPayments(ctx, 10)
	if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
		t.Fatalf("UnrecordedPayments = %+v, %v; want a then b", list, err)
	}
	if err := l.MarkPaymentRecorded(ctx, a.ID, "cg-"+a.ID, a.CreatedAt); err != nil {
		t.Fatal(err)
	}
	if got := state(t, l, a.ID); got.CRMReference != "cg-"+a.ID || got.CRMRecordedAt.IsZero() {
		t.Errorf("recorded attempt = %+v", got)
	}
	if list, _ := l.UnrecordedPayments(ctx, 10); len(list) != 1 || list[0].ID != b.ID {
		t.Errorf("UnrecordedPayments after marking = %+v", list)
	}
	if err := l.MarkPaymentRecorded(ctx, "no-such-attempt", "r", a.CreatedAt); err == nil {
		t.Error("MarkPaymentRecorded of an unknown attempt succeeded")
	}
}

// checkInvalid: malformed requests and events are ErrInvalid.
func checkInvalid(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	for name, n := range map[string]bridge.NewPaymentAttempt{
		"no invoice":      func() bridge.NewPaymentAttempt { n := newAttempt(1); n.InvoiceID = ""; return n }(),
		"no contact":      func() bridge.NewPaymentAttempt { n := newAttempt(1); n.ContactID = ""; return n }(),
		"zero amount":     newAttempt(0),
		"no currency":     func() bridge.NewPaymentAttempt { n := newAttempt(1); n.Amount.Currency = ""; return n }(),
		"no key":          func() bridge.NewPaymentAttempt { n := newAttempt(1); n.IdempotencyKey = ""; return n }(),
		"NUL in invoice":  func() bridge.NewPaymentAttempt { n := newAttempt(1); n.InvoiceID = "a\x00b"; return n }(),
		"bad UTF-8 key":   func() bridge.NewPaymentAttempt { n := newAttempt(1); n.IdempotencyKey = "\xff"; return n }(),
		"negative amount": newAttempt(-5),
	} {
		if _, _, err := l.BeginPayment(ctx, n); !errorsIsInvalid(err) {
			t.Errorf("BeginPayment with %s: err = %v, want ErrInvalid", name, err)
		}
	}
	if _, err := l.ApplyPaymentEvent(ctx, bridge.PaymentEvent{Provider: provider}); !errorsIsInvalid(err) {
		t.Errorf("event without ID: err = %v, want ErrInvalid", err)
	}
}

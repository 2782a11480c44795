// Package ledgertest is the conformance suite of bridge.PaymentLedger:
// the SQL store (SQLite and PostgreSQL) and the in-memory fake run it.
// Besides the single-caller behaviour it hammers one invoice from many
// goroutines at once (double clicks, tabs, replayed and racing webhooks)
// and checks that an invoice never has two live attempts nor two
// payments, and that each event is applied once.
package ledgertest

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Open returns an empty ledger for one test and registers its cleanup.
type Open func(t *testing.T) bridge.PaymentLedger

// Run runs every check, each on a ledger of its own.
func Run(t *testing.T, open Open) {
	for _, c := range []struct {
		name  string
		check func(t *testing.T, l bridge.PaymentLedger)
	}{
		{"Begin", checkBegin},
		{"Supersede", checkSupersede},
		{"Checkout", checkCheckout},
		{"PaidOnce", checkPaidOnce},
		{"Discrepancies", checkDiscrepancies},
		{"OutOfOrder", checkOutOfOrder},
		{"Refund", checkRefund},
		{"LatePayment", checkLatePayment},
		{"Recorded", checkRecorded},
		{"Invalid", checkInvalid},
		{"ConcurrentBegin", checkConcurrentBegin},
		{"ConcurrentEvents", checkConcurrentEvents},
		{"ConcurrentPayAndBegin", checkConcurrentPayAndBegin},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.check(t, open(t))
		})
	}
}

// provider is the provider name the suite uses.
const provider = "testpay"

func eur(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "EUR"} }

// newAttempt is a request to pay a fresh invoice of a fresh contact.
func newAttempt(minor int64) bridge.NewPaymentAttempt {
	inv := "inv-" + uuid.NewString()[:8]
	return bridge.NewPaymentAttempt{Provider: provider, InvoiceID: inv, InvoiceNumber: "INV-" + inv[4:],
		ContactID: "ct-" + uuid.NewString()[:8], Amount: eur(minor), IdempotencyKey: "key-" + inv}
}

// event is a provider event about attempt a moving it to state to.
func event(a bridge.PaymentAttempt, to bridge.PaymentState, amount connectors.Money) bridge.PaymentEvent {
	return bridge.PaymentEvent{Provider: provider, ID: "evt_" + uuid.NewString(), Type: "test." + string(to), To: to,
		AttemptID: a.ID, InvoiceID: a.InvoiceID, ContactID: a.ContactID, SessionID: a.SessionID, Amount: amount,
		At: time.Now().UTC()}
}

// begin begins an attempt and fails the test on error.
func begin(t *testing.T, l bridge.PaymentLedger, n bridge.NewPaymentAttempt) bridge.PaymentAttempt {
	t.Helper()
	a, _, err := l.BeginPayment(context.Background(), n)
	if err != nil {
		t.Fatalf("BeginPayment: %v", err)
	}
	return a
}

// withCheckout begins an attempt and attaches a checkout session.
func withCheckout(t *testing.T, l bridge.PaymentLedger, n bridge.NewPaymentAttempt) bridge.PaymentAttempt {
	t.Helper()
	a := begin(t, l, n)
	a.SessionID = "cs_" + uuid.NewString()
	if err := l.AttachCheckout(context.Background(), a.ID, a.SessionID, "https://pay.example/"+a.SessionID); err != nil {
		t.Fatalf("AttachCheckout: %v", err)
	}
	return a
}

// apply applies an event and checks its outcome.
func apply(t *testing.T, l bridge.PaymentLedger, ev bridge.PaymentEvent, want bridge.EventOutcome) bridge.ApplyResult {
	t.Helper()
	res, err := l.ApplyPaymentEvent(context.Background(), ev)
	if err != nil {
		t.Fatalf("ApplyPaymentEvent %s: %v", ev.Type, err)
	}
	if res.Outcome != want {
		t.Fatalf("ApplyPaymentEvent %s: outcome %s, want %s (%+v)", ev.Type, res.Outcome, want, res.Discrepancy)
	}
	return res
}

// state returns an attempt's stored state.
func state(t *testing.T, l bridge.PaymentLedger, id string) bridge.PaymentAttempt {
	t.Helper()
	a, err := l.PaymentAttempt(context.Background(), id)
	if err != nil {
		t.Fatalf("PaymentAttempt: %v", err)
	}
	return a
}

// liveCount returns how many of an invoice's attempts are live and how
// many are settled (processing, paid or disputed).
func liveCount(t *testing.T, l bridge.PaymentLedger, invoiceID string) (live, settled int) {
	t.Helper()
	all, err := l.InvoicePayments(context.Background(), invoiceID)
	if err != nil {
		t.Fatalf("InvoicePayments: %v", err)
	}
	for _, a := range all {
		if a.State.Live() {
			live++
		}
		if a.State.Settled() {
			settled++
		}
	}
	return live, settled
}

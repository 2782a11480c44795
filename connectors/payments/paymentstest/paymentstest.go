// Package paymentstest is the conformance suite every payments.Provider
// passes, against the provider's test double (stripe-mock for Stripe):
// checkouts, refusals before any call, an unreachable provider, and
// webhook deliveries of every kind, forged, stale, tampered and garbled.
//
// The checks take a Reporter rather than a *testing.T so that the suite's
// own tests can prove that each one fails on a broken provider.
package paymentstest

import (
	"net/http"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/payments"
)

// Reporter is the part of *testing.T the checks use.
type Reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// Harness builds the provider under test and its webhook deliveries.
type Harness interface {
	// Open returns a provider talking to a working test double.
	Open(t *testing.T) payments.Provider
	// Unreachable returns a provider whose API does not answer (a closed
	// port), without retries.
	Unreachable(t *testing.T) payments.Provider
	// Deliver returns the body and headers of the webhook delivery the
	// provider of Open would receive for d.
	Deliver(t *testing.T, d Delivery) (payload []byte, h http.Header)
}

// Signing says how a delivery is signed.
type Signing int

// The ways to sign a delivery.
const (
	// SignedWell: signed now with the webhook secret.
	SignedWell Signing = iota
	// SignedForged: signed with another secret.
	SignedForged
	// SignedStale: signed with the secret an hour ago.
	SignedStale
	// Unsigned: no signature header at all.
	Unsigned
	// SignedTampered: signed well, then one byte of the body changed.
	SignedTampered
	// SignedGarbage: a body that is not JSON, signed well.
	SignedGarbage
)

// Delivery describes one webhook event to deliver.
type Delivery struct {
	// Kind is the event's kind; EventIgnored asks for an event type the
	// portal does not handle.
	Kind payments.EventKind
	// EventID is the provider's event ID.
	EventID string
	// Request is the checkout the event is about; its IDs are echoed back
	// as the provider echoes them (not in disputes).
	Request                       payments.CheckoutRequest
	SessionID, IntentID, ChargeID string
	// Amount is the amount paid, refunded or disputed.
	Amount connectors.Money
	// Paid marks a completed checkout whose money arrived.
	Paid bool
	// Reason is the provider's failure message (a failed payment).
	Reason  string
	Signing Signing
	Created time.Time
}

// Run runs every check.
func Run(t *testing.T, h Harness) {
	for _, c := range []struct {
		name  string
		check func(r Reporter, t *testing.T, h Harness)
	}{
		{"Supports", CheckSupports},
		{"Checkout", CheckCheckout},
		{"Refusals", CheckRefusals},
		{"Unreachable", CheckUnreachable},
		{"Webhooks", CheckWebhooks},
		{"BadWebhooks", CheckBadWebhooks},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.check(t, t, h)
		})
	}
}

// Request returns a valid checkout request for a fresh attempt.
func Request(minor int64, currency string) payments.CheckoutRequest {
	id := time.Now().Format("150405.000000000")
	return payments.CheckoutRequest{
		AttemptID: "att-" + id, InvoiceID: "inv-" + id, InvoiceNumber: "INV-" + id, ContactID: "ct-" + id,
		Amount: connectors.Money{Minor: minor, Currency: currency}, Email: "zoe@example.com",
		SuccessURL: "https://portal.example/clients/invoices/inv/paid", CancelURL: "https://portal.example/clients/invoices/inv",
		IdempotencyKey: payments.IdempotencyKey("inv-"+id, connectors.Money{Minor: minor, Currency: currency}),
	}
}

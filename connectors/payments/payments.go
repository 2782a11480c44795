// Package payments is the contract between the portal and a payment
// provider (Stripe first): a checkout for an invoice's amount due, the
// provider's webhook events in one normalised form, the currencies it
// takes and receipts. Adapters live in subpackages (payments/stripe) and
// pass the conformance suite in payments/paymentstest.
//
// The package imports only connectors (for Money and the error
// sentinels); the portal, cmd and the write-back job import it.
package payments

import (
	"context"
	"net/http"
	"time"

	"clientgate/connectors"
)

// Provider is a payment provider as the portal uses it. Implementations
// are safe for concurrent use. Methods that call the provider return
// ErrUnavailable (wrapped) when it cannot be reached or fails, ErrAuth
// when it rejects clientgate's credentials, and the context's error when
// ctx ends first.
type Provider interface {
	// Name is a short constant naming the provider, such as "stripe", for
	// config, the ledger, logs and metrics.
	Name() string

	// Supports reports whether the provider takes payments in the ISO
	// 4217 currency code (upper case).
	Supports(currency string) bool

	// CreateCheckout makes a hosted checkout for r.Amount and returns where
	// to send the client. The same r.IdempotencyKey again returns the same
	// checkout (a double click, a retry after a timeout) rather than a
	// second one. ErrInvalid for a malformed request, ErrCurrency for a
	// currency Supports refuses.
	CreateCheckout(ctx context.Context, r CheckoutRequest) (Checkout, error)

	// ExpireCheckout closes a checkout that a newer attempt replaced, so
	// it can no longer be paid. Expiring one that is already closed is not
	// an error.
	ExpireCheckout(ctx context.Context, sessionID string) error

	// ParseWebhook verifies a webhook delivery's signature (in h) with the
	// provider's own verifier and a tolerance window, and returns its
	// event normalised. ErrSignature for a missing, forged or stale
	// signature, ErrPayload for a body that is not an event. An event of
	// a type the portal does not handle comes back with Kind
	// EventIgnored and no error.
	ParseWebhook(payload []byte, h http.Header) (Event, error)

	// ReceiptURL returns the provider's receipt page of a payment (by the
	// provider's payment ID, Event.IntentID), or "" when it has none.
	ReceiptURL(ctx context.Context, intentID string) (string, error)
}

// CheckoutRequest is what a checkout is made for.
type CheckoutRequest struct {
	// AttemptID is the ledger's attempt; the provider echoes it (and the
	// other IDs) back in every event about the checkout.
	AttemptID     string
	InvoiceID     string
	InvoiceNumber string
	ContactID     string
	// Amount is the invoice's amount due, in its currency.
	Amount connectors.Money
	// Email prefills the checkout's email field.
	Email string
	// Description is shown on the checkout page, such as "Invoice
	// INV-0042"; default "Invoice " + InvoiceNumber.
	Description string
	// SuccessURL and CancelURL are the portal pages the provider sends the
	// client back to.
	SuccessURL string
	CancelURL  string
	// IdempotencyKey makes a retried request return the first checkout
	// (see IdempotencyKey and bridge.PaymentAttempt.IdempotencyKey).
	IdempotencyKey string
}

// Checkout is a hosted checkout made by the provider.
type Checkout struct {
	// SessionID is the provider's ID of the checkout.
	SessionID string
	// URL is where the client pays.
	URL string
	// ExpiresAt is when the checkout closes unpaid (zero when unknown).
	ExpiresAt time.Time
}

// EventKind is what a webhook event means for an attempt.
type EventKind string

// The event kinds.
const (
	// EventCheckoutCompleted: the client finished the checkout; Paid says
	// whether the money is there already.
	EventCheckoutCompleted EventKind = "checkout_completed"
	// EventCheckoutExpired: the checkout closed unpaid.
	EventCheckoutExpired EventKind = "checkout_expired"
	// EventPaymentSucceeded: the provider took the money.
	EventPaymentSucceeded EventKind = "payment_succeeded"
	// EventPaymentFailed: a try was declined; FailureReason says why.
	EventPaymentFailed EventKind = "payment_failed"
	// EventRefunded: money went back; Amount is the total refunded.
	EventRefunded EventKind = "refunded"
	// EventDisputeCreated: the client's bank disputes the payment.
	EventDisputeCreated EventKind = "dispute_created"
	// EventIgnored: any other event; acknowledge it and do nothing.
	EventIgnored EventKind = "ignored"
)

// Event is a provider's webhook event, normalised.
type Event struct {
	// Provider is the provider's Name.
	Provider string
	// ID is the provider's event ID; apply each once.
	ID string
	// Type is the provider's own event type, such as
	// "checkout.session.completed".
	Type string
	Kind EventKind
	// Created is when the provider made the event.
	Created time.Time
	// Live is false for test-mode events.
	Live bool
	// AttemptID, InvoiceID, InvoiceNumber and ContactID are the IDs the
	// checkout gave the provider, echoed back ("" when the event carries
	// none, as disputes do).
	AttemptID, InvoiceID, InvoiceNumber, ContactID string
	// SessionID, IntentID and ChargeID are the provider's IDs of the
	// checkout, the payment and the card charge, as far as the event names
	// them.
	SessionID, IntentID, ChargeID string
	// Paid is set on a completed checkout whose money has arrived.
	Paid bool
	// Amount is the amount paid, refunded (in total) or disputed; zero
	// when the event states none.
	Amount connectors.Money
	// FailureReason is the provider's reason for a failure or a dispute,
	// in plain words; FailureCode its code.
	FailureReason string
	FailureCode   string
	// ReceiptURL is the provider's receipt page, when the event has it.
	ReceiptURL string
}

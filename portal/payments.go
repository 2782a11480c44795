package portal

import (
	"context"
	"net/http"
	"time"

	gocache "github.com/patrickmn/go-cache"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
)

// modPayments is the module switch of online payment: with it off (for
// everyone or for one contact) no Pay button shows and the pay and
// checkout routes answer 404. Invoices stay visible.
const modPayments = "payments"

// PaymentFlow is online payment as the portal uses it; *payflow.Flow
// implements it.
type PaymentFlow interface {
	// Provider names the provider ("stripe"); its webhook is served at
	// /hooks/<Provider>.
	Provider() string
	Status(ctx context.Context, inv connectors.Invoice) (payflow.Status, error)
	Receipt(ctx context.Context, a bridge.PaymentAttempt) (string, error)
	Checkout(ctx context.Context, in payflow.CheckoutInput) (payments.Checkout, error)
	Webhook(ctx context.Context, payload []byte, h http.Header) (payflow.WebhookResult, error)
}

// Payments turns online payment of invoices on.
type Payments struct {
	// Flow runs the payments; nil turns online payment off.
	Flow PaymentFlow
	// AfterWebhook, when set, runs after a webhook delivery was verified
	// and handled (applied, a duplicate, ignored or a discrepancy), such
	// as enqueueing the CRM write-back. An error answers 500, so that
	// the provider delivers the event again; since the ledger applies
	// each event once, AfterWebhook must cope with duplicates (a
	// replayed delivery reaches it with Outcome bridge.EventDuplicate).
	AfterWebhook func(ctx context.Context, res payflow.WebhookResult) error
	// Timeout bounds the call to the provider when a client clicks Pay;
	// past it the client is told the payment service is unavailable
	// (and a retry reuses the same checkout). Default 15s.
	Timeout time.Duration
	// ReceiptTimeout bounds asking the provider for a receipt link while
	// an invoice page is shown; past it the page shows none. Default 2s.
	ReceiptTimeout time.Duration
}

// payOn reports whether online payment is configured.
func (s *server) payOn() bool { return s.pay.Flow != nil }

// setPayments keeps the payment options with their defaults.
func (s *server) setPayments(p Payments) {
	if p.Timeout <= 0 {
		p.Timeout = 15 * time.Second
	}
	if p.ReceiptTimeout <= 0 {
		p.ReceiptTimeout = 2 * time.Second
	}
	s.pay = p
	s.receipts = gocache.New(receiptTTL, receiptTTL)
}

// receiptTTL is how long a receipt link the provider gave (or its
// answer that there is none yet) is kept, so that an invoice page does
// not ask the provider on every view.
const receiptTTL = 10 * time.Minute

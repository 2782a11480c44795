// Package staffnote tells staff about online payments they must act on:
// paid online but not settled in the CRM (its API cannot mark invoices
// paid, or cannot record payments at all), a payment or refund the CRM
// refused, an event that did not match the ledger, a dispute. A Notifier
// delivers a Notice; the Webhook notifier posts it, signed, to the
// operator's endpoint. cmd sends notices through the durable job queue,
// so that one is delivered however long the endpoint is down.
package staffnote

import (
	"context"
	"time"

	"clientgate/connectors"
)

// Kind says what staff must do.
type Kind string

// The kinds of notices.
const (
	// KindSettle: paid online and recorded as a transaction, but the CRM
	// cannot mark the invoice paid (Jetpack CRM): settle it by hand.
	KindSettle Kind = "settle_invoice"
	// KindRecordByHand: paid online, but the CRM cannot record payments
	// at all: record the payment and settle the invoice by hand.
	KindRecordByHand Kind = "record_payment_by_hand"
	// KindRefundByHand: refunded online, and the CRM cannot record it:
	// record the refund by hand.
	KindRefundByHand Kind = "record_refund_by_hand"
	// KindPaymentRefused: the CRM refused the payment for good (the
	// invoice was settled, voided or changed meanwhile): look at it.
	KindPaymentRefused Kind = "crm_refused_payment"
	// KindRefundRefused: the CRM refused a refund for good.
	KindRefundRefused Kind = "crm_refused_refund"
	// KindDiscrepancy: a provider event did not match the ledger (amount,
	// currency, invoice, another portal's checkout, a second payment) and
	// was not applied.
	KindDiscrepancy Kind = "discrepancy"
	// KindDispute: the client's bank disputes a payment.
	KindDispute Kind = "dispute"
)

// Notice is one thing staff must act on. Its fields are plain data, so
// that a receiver can file it in a ticket system or a chat.
type Notice struct {
	// ID is stable for one notice, also when it is delivered again: drop
	// duplicates by it.
	ID   string    `json:"id"`
	Kind Kind      `json:"kind"`
	At   time.Time `json:"at"`
	// Provider is the payment provider, such as "stripe".
	Provider      string `json:"provider"`
	AttemptID     string `json:"attempt_id,omitempty"`
	InvoiceID     string `json:"invoice_id,omitempty"`
	InvoiceNumber string `json:"invoice_number,omitempty"`
	ContactID     string `json:"contact_id,omitempty"`
	// Amount is the payment's, the refund's or the event's amount.
	Amount connectors.Money `json:"amount"`
	// Reference is the CRM reference the payment has (or would have).
	Reference string `json:"reference,omitempty"`
	// ProviderPayment is the provider's ID of the payment (Stripe's
	// payment intent), to look it up in the provider's dashboard.
	ProviderPayment string `json:"provider_payment,omitempty"`
	// Detail says what happened, in plain English.
	Detail string `json:"detail"`
}

// Notifier delivers notices to staff. Notify returns an error wrapping
// ErrRejected when the receiver refused the notice for good (retrying
// cannot help), any other error when it is worth retrying.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

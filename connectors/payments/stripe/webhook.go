package stripe

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	stripego "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"clientgate/connectors"
	"clientgate/connectors/payments"
)

// SignatureHeader carries a webhook's signature.
const SignatureHeader = "Stripe-Signature"

// maxPayload bounds a webhook body; Stripe's events are a few kB.
const maxPayload = 1 << 20

// ParseWebhook verifies the Stripe-Signature header with stripe-go's
// webhook.ConstructEventWithOptions (HMAC-SHA256 over the timestamp and
// body, timestamp within Options.Tolerance) and normalises the event.
// Events of another API version are read all the same: only IDs, amounts,
// metadata and failure messages are used, which every version has.
func (p *Provider) ParseWebhook(payload []byte, h http.Header) (payments.Event, error) {
	if len(payload) > maxPayload {
		return payments.Event{}, fmt.Errorf("stripe: webhook: %w: body of %d bytes", payments.ErrPayload, len(payload))
	}
	ev, err := webhook.ConstructEventWithOptions(payload, h.Get(SignatureHeader), p.opts.WebhookSecret,
		webhook.ConstructEventOptions{Tolerance: p.opts.Tolerance, IgnoreAPIVersionMismatch: true})
	switch {
	case errors.Is(err, webhook.ErrNotSigned), errors.Is(err, webhook.ErrInvalidHeader),
		errors.Is(err, webhook.ErrNoValidSignature), errors.Is(err, webhook.ErrTooOld):
		return payments.Event{}, fmt.Errorf("stripe: webhook: %w: %v", payments.ErrSignature, err)
	case err != nil:
		return payments.Event{}, fmt.Errorf("stripe: webhook: %w: %v", payments.ErrPayload, err)
	case ev.ID == "" || ev.Data == nil:
		return payments.Event{}, fmt.Errorf("stripe: webhook: %w: event without an ID or data", payments.ErrPayload)
	}
	out := payments.Event{Provider: Name, ID: ev.ID, Type: string(ev.Type), Kind: payments.EventIgnored,
		Created: time.Unix(ev.Created, 0).UTC(), Live: ev.Livemode}
	read, ok := readers[ev.Type]
	if !ok {
		return out, nil
	}
	if err := read(ev.Data.Raw, &out); err != nil {
		return payments.Event{}, fmt.Errorf("stripe: webhook %s: %w: %v", ev.Type, payments.ErrPayload, err)
	}
	return out, nil
}

// readers decode the data object of the event types the portal handles.
var readers = map[stripego.EventType]func(raw json.RawMessage, out *payments.Event) error{
	"checkout.session.completed":               readSession(payments.EventCheckoutCompleted),
	"checkout.session.async_payment_succeeded": readSession(payments.EventPaymentSucceeded),
	"checkout.session.async_payment_failed":    readSession(payments.EventPaymentFailed),
	"checkout.session.expired":                 readSession(payments.EventCheckoutExpired),
	"payment_intent.succeeded":                 readIntent(payments.EventPaymentSucceeded),
	"payment_intent.payment_failed":            readIntent(payments.EventPaymentFailed),
	"charge.refunded":                          readRefund,
	"charge.dispute.created":                   readDispute,
}

func readSession(kind payments.EventKind) func(json.RawMessage, *payments.Event) error {
	return func(raw json.RawMessage, out *payments.Event) error {
		var s stripego.CheckoutSession
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		out.Kind, out.SessionID = kind, s.ID
		out.Paid = s.PaymentStatus == stripego.CheckoutSessionPaymentStatusPaid
		if s.PaymentIntent != nil {
			out.IntentID = s.PaymentIntent.ID
		}
		if kind == payments.EventPaymentFailed {
			out.FailureReason = "The payment could not be completed."
		}
		readMeta(s.Metadata, out)
		if out.InvoiceID == "" {
			out.InvoiceID = s.ClientReferenceID
		}
		return amount(s.AmountTotal, string(s.Currency), out)
	}
}

func readIntent(kind payments.EventKind) func(json.RawMessage, *payments.Event) error {
	return func(raw json.RawMessage, out *payments.Event) error {
		var pi stripego.PaymentIntent
		if err := json.Unmarshal(raw, &pi); err != nil {
			return err
		}
		out.Kind, out.IntentID = kind, pi.ID
		if pi.LatestCharge != nil {
			out.ChargeID, out.ReceiptURL = pi.LatestCharge.ID, pi.LatestCharge.ReceiptURL
		}
		readMeta(pi.Metadata, out)
		if kind == payments.EventPaymentFailed {
			out.FailureReason, out.FailureCode = failure(pi.LastPaymentError)
			return amount(pi.Amount, string(pi.Currency), out)
		}
		return amount(pi.AmountReceived, string(pi.Currency), out)
	}
}

// failure returns Stripe's message for a failed payment (written for the
// payer, such as "Your card was declined.") and its decline or error
// code.
func failure(e *stripego.Error) (reason, code string) {
	if e == nil {
		return "The payment was declined.", ""
	}
	reason, code = strings.TrimSpace(e.Msg), string(e.DeclineCode)
	if code == "" {
		code = string(e.Code)
	}
	if reason == "" {
		reason = "The payment was declined."
	}
	return reason, code
}

func readRefund(raw json.RawMessage, out *payments.Event) error {
	var c stripego.Charge
	if err := json.Unmarshal(raw, &c); err != nil {
		return err
	}
	out.Kind, out.ChargeID, out.ReceiptURL = payments.EventRefunded, c.ID, c.ReceiptURL
	if c.PaymentIntent != nil {
		out.IntentID = c.PaymentIntent.ID
	}
	readMeta(c.Metadata, out)
	return amount(c.AmountRefunded, string(c.Currency), out)
}

func readDispute(raw json.RawMessage, out *payments.Event) error {
	var d stripego.Dispute
	if err := json.Unmarshal(raw, &d); err != nil {
		return err
	}
	out.Kind, out.FailureCode = payments.EventDisputeCreated, string(d.Reason)
	out.FailureReason = "The payment is disputed (" + strings.ReplaceAll(string(d.Reason), "_", " ") + ")."
	if d.Charge != nil {
		out.ChargeID = d.Charge.ID
	}
	if d.PaymentIntent != nil {
		out.IntentID = d.PaymentIntent.ID
	}
	readMeta(d.Metadata, out)
	return amount(d.Amount, string(d.Currency), out)
}

// readMeta copies the IDs a checkout put into the metadata.
func readMeta(meta map[string]string, out *payments.Event) {
	out.AttemptID, out.InvoiceID = meta[metaAttempt], meta[metaInvoice]
	out.InvoiceNumber, out.ContactID = meta[metaNumber], meta[metaContact]
}

// amount sets out.Amount from Stripe's amount in the currency's smallest
// unit and its lower-case code. No currency means no amount stated.
func amount(minor int64, currency string, out *payments.Event) error {
	if currency == "" {
		return nil
	}
	code := strings.ToUpper(currency)
	if _, err := connectors.ParseMoney("0", code); err != nil {
		return fmt.Errorf("unknown currency %q", currency)
	}
	out.Amount = connectors.Money{Minor: minor, Currency: code}
	return nil
}

package stripetest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	stripego "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe"
)

// types are the Stripe event types of each kind.
var types = map[payments.EventKind]string{
	payments.EventCheckoutCompleted: "checkout.session.completed",
	payments.EventCheckoutExpired:   "checkout.session.expired",
	payments.EventPaymentSucceeded:  "payment_intent.succeeded",
	payments.EventPaymentFailed:     "payment_intent.payment_failed",
	payments.EventRefunded:          "charge.refunded",
	payments.EventDisputeCreated:    "charge.dispute.created",
	payments.EventIgnored:           "customer.created",
}

// Event returns the JSON of the Stripe event d describes, as Stripe's
// webhooks send it (API version of stripe-go, data.object the session,
// payment intent, charge or dispute).
func Event(d paymentstest.Delivery) []byte {
	created := d.Created
	if created.IsZero() {
		created = time.Now()
	}
	ev := map[string]any{
		"id": d.EventID, "object": "event", "api_version": stripego.APIVersion, "created": created.Unix(),
		"livemode": false, "pending_webhooks": 1, "type": types[d.Kind],
		"data": map[string]any{"object": object(d)},
	}
	raw, _ := json.Marshal(ev)
	return raw
}

func object(d paymentstest.Delivery) map[string]any {
	meta := stripe.Metadata(d.Request, "conformance")
	cur := strings.ToLower(d.Amount.Currency)
	switch d.Kind {
	case payments.EventCheckoutCompleted, payments.EventCheckoutExpired:
		status, paid := "complete", "unpaid"
		if d.Paid {
			paid = "paid"
		}
		if d.Kind == payments.EventCheckoutExpired {
			status = "expired"
		}
		return map[string]any{"id": d.SessionID, "object": "checkout.session", "mode": "payment", "status": status,
			"payment_status": paid, "payment_intent": d.IntentID, "amount_total": d.Amount.Minor, "currency": cur,
			"client_reference_id": d.Request.InvoiceID, "customer_email": d.Request.Email, "metadata": meta}
	case payments.EventPaymentSucceeded, payments.EventPaymentFailed:
		pi := map[string]any{"id": d.IntentID, "object": "payment_intent", "amount": d.Amount.Minor, "currency": cur,
			"amount_received": d.Amount.Minor, "status": "succeeded", "latest_charge": d.ChargeID, "metadata": meta}
		if d.Kind == payments.EventPaymentFailed {
			pi["amount_received"], pi["status"] = 0, "requires_payment_method"
			pi["last_payment_error"] = map[string]any{"type": "card_error", "code": "card_declined",
				"decline_code": "generic_decline", "message": d.Reason}
		}
		return pi
	case payments.EventRefunded:
		return map[string]any{"id": d.ChargeID, "object": "charge", "payment_intent": d.IntentID, "amount": d.Request.Amount.Minor,
			"amount_refunded": d.Amount.Minor, "currency": cur, "refunded": d.Amount.Minor >= d.Request.Amount.Minor,
			"receipt_url": "https://pay.stripe.com/receipts/" + d.ChargeID, "metadata": meta}
	case payments.EventDisputeCreated:
		return map[string]any{"id": "dp_" + d.EventID, "object": "dispute", "charge": d.ChargeID, "payment_intent": d.IntentID,
			"amount": d.Amount.Minor, "currency": cur, "reason": "fraudulent", "status": "needs_response", "metadata": map[string]any{}}
	}
	return map[string]any{"id": "cus_" + d.EventID, "object": "customer", "email": d.Request.Email}
}

// Deliver returns the body and headers Stripe would send for d, signed
// as d.Signing says with stripe-go's webhook.GenerateTestSignedPayload.
func Deliver(t testing.TB, d paymentstest.Delivery) ([]byte, http.Header) {
	t.Helper()
	payload := Event(d)
	if d.Signing == paymentstest.SignedGarbage {
		payload = []byte(`{"id": "evt_garbage", "data": [not json`)
	}
	u := &webhook.UnsignedPayload{Payload: payload, Secret: WebhookSecret, Timestamp: time.Now()}
	switch d.Signing {
	case paymentstest.SignedForged:
		u.Secret = "whsec_someone_else"
	case paymentstest.SignedStale:
		u.Timestamp = time.Now().Add(-time.Hour)
	}
	signed := webhook.GenerateTestSignedPayload(u)
	h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	if d.Signing != paymentstest.Unsigned {
		h.Set(stripe.SignatureHeader, signed.Header)
	}
	if d.Signing == paymentstest.SignedTampered {
		payload = []byte(strings.Replace(string(payload), `"amount`, `"amount `, 1))
	}
	return payload, h
}

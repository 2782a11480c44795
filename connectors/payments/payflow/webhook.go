package payflow

import (
	"context"
	"fmt"
	"net/http"

	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
)

// states are the ledger states each event kind moves an attempt to.
var states = map[payments.EventKind]bridge.PaymentState{
	payments.EventCheckoutCompleted: bridge.PaymentProcessing,
	payments.EventCheckoutExpired:   bridge.PaymentCanceled,
	payments.EventPaymentSucceeded:  bridge.PaymentPaid,
	payments.EventPaymentFailed:     bridge.PaymentFailed,
	payments.EventRefunded:          bridge.PaymentRefunded,
	payments.EventDisputeCreated:    bridge.PaymentDisputed,
}

// WebhookResult is what a webhook delivery did.
type WebhookResult struct {
	Event payments.Event
	// Outcome is the ledger's, or "ignored" for an event type the portal
	// does not handle.
	Outcome bridge.EventOutcome
	Attempt bridge.PaymentAttempt
	// Discrepancy is set when the event did not match and was not
	// applied.
	Discrepancy *bridge.PaymentDiscrepancy
}

// Ignored is WebhookResult.Outcome for events the portal does not handle.
const Ignored bridge.EventOutcome = "ignored"

// Webhook verifies and applies one delivery. It returns
// payments.ErrSignature or ErrPayload (answer 400, nothing applied);
// any other error means the delivery should be retried by the provider
// (answer 500). Replays, discrepancies and ignored events are not errors
// (answer 200).
func (f *Flow) Webhook(ctx context.Context, payload []byte, h http.Header) (WebhookResult, error) {
	ev, err := f.p.ParseWebhook(payload, h)
	if err != nil {
		f.m.Webhook(f.p.Name(), webhookFailure(err))
		f.log.WarnContext(ctx, "payflow: webhook refused", "error", err)
		return WebhookResult{}, err
	}
	res := WebhookResult{Event: ev, Outcome: Ignored}
	to, handled := states[ev.Kind]
	if !handled {
		f.m.Webhook(f.p.Name(), string(Ignored))
		return res, nil
	}
	if ev.Kind == payments.EventCheckoutCompleted && ev.Paid {
		to = bridge.PaymentPaid
	}
	applied, err := f.l.ApplyPaymentEvent(ctx, bridge.PaymentEvent{
		Provider: ev.Provider, ID: ev.ID, Type: ev.Type, To: to, AttemptID: ev.AttemptID, InvoiceID: ev.InvoiceID,
		ContactID: ev.ContactID, SessionID: ev.SessionID, IntentID: ev.IntentID, ChargeID: ev.ChargeID,
		Amount: ev.Amount, Reason: ev.FailureReason, ReceiptURL: ev.ReceiptURL, At: ev.Created,
	})
	if err != nil {
		f.m.Webhook(f.p.Name(), "error")
		return res, fmt.Errorf("payflow: webhook %s: %w", ev.ID, err)
	}
	res.Outcome, res.Attempt, res.Discrepancy = applied.Outcome, applied.Attempt, applied.Discrepancy
	if applied.Superseded != nil {
		f.expire(ctx, applied.Superseded.SessionID)
	}
	f.observe(ctx, res)
	return res, nil
}

// observe counts and logs what a delivery did.
func (f *Flow) observe(ctx context.Context, res WebhookResult) {
	name := f.p.Name()
	f.m.Webhook(name, string(res.Outcome))
	switch res.Outcome {
	case bridge.EventApplied:
		f.m.Payment(name, string(res.Attempt.State))
		f.log.InfoContext(ctx, "payflow: payment event applied", "event", res.Event.ID, "type", res.Event.Type,
			"attempt", res.Attempt.ID, "invoice", res.Attempt.InvoiceID, "state", res.Attempt.State)
	case bridge.EventDiscrepancy:
		f.m.Payment(name, "discrepancy")
		d := res.Discrepancy
		f.log.ErrorContext(ctx, "payflow: payment discrepancy for staff, not applied", "event", res.Event.ID,
			"kind", d.Kind, "attempt", d.AttemptID, "invoice", d.InvoiceID, "expected", d.Expected.String(),
			"got", d.Got.String(), "detail", d.Detail)
	}
}

// webhookFailure names a refused delivery for metrics.
func webhookFailure(err error) string {
	if isSignature(err) {
		return "bad_signature"
	}
	return "bad_payload"
}

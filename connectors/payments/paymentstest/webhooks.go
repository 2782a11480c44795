package paymentstest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"clientgate/connectors/payments"
)

// deliveries returns one delivery of every kind about one checkout.
func deliveries(req payments.CheckoutRequest) []Delivery {
	due := req.Amount
	base := Delivery{Request: req, SessionID: "cs_conf_1", IntentID: "pi_conf_1", ChargeID: "ch_conf_1", Amount: due,
		Created: time.Now().Add(-time.Minute).Truncate(time.Second)}
	with := func(kind payments.EventKind, id string, f func(*Delivery)) Delivery {
		d := base
		d.Kind, d.EventID = kind, id
		if f != nil {
			f(&d)
		}
		return d
	}
	return []Delivery{
		with(payments.EventCheckoutCompleted, "evt_conf_completed", func(d *Delivery) { d.Paid = true }),
		with(payments.EventCheckoutCompleted, "evt_conf_completed_unpaid", nil),
		with(payments.EventPaymentSucceeded, "evt_conf_succeeded", nil),
		with(payments.EventPaymentFailed, "evt_conf_failed", func(d *Delivery) { d.Reason = "Your card was declined." }),
		with(payments.EventRefunded, "evt_conf_refunded", func(d *Delivery) { d.Amount.Minor /= 2 }),
		with(payments.EventDisputeCreated, "evt_conf_dispute", nil),
		with(payments.EventCheckoutExpired, "evt_conf_expired", nil),
		with(payments.EventIgnored, "evt_conf_ignored", nil),
	}
}

// CheckWebhooks: every kind of event, signed well, comes back normalised
// with the IDs, amounts and reasons of the delivery; the same delivery
// parsed twice gives the same event (applying it once is the ledger's
// job).
func CheckWebhooks(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Open(t)
	for _, d := range deliveries(Request(12345, "EUR")) {
		payload, hdr := h.Deliver(t, d)
		ev, err := p.ParseWebhook(payload, hdr)
		where := "ParseWebhook of " + string(d.Kind) + " " + d.EventID
		if err != nil {
			r.Errorf("%s: %v", where, err)
			continue
		}
		again, err := p.ParseWebhook(payload, hdr)
		if err != nil || again.ID != ev.ID || again.Kind != ev.Kind {
			r.Errorf("%s parsed twice: %+v, %v", where, again, err)
		}
		compareEvent(r, where, p.Name(), ev, d)
	}
}

func compareEvent(r Reporter, where, provider string, ev payments.Event, d Delivery) {
	r.Helper()
	eq(r, where+" ID", ev.ID, d.EventID)
	eq(r, where+" kind", ev.Kind, d.Kind)
	eq(r, where+" provider", ev.Provider, provider)
	if ev.Type == "" || ev.Created.IsZero() || ev.Created.Location() != time.UTC {
		r.Errorf("%s: type %q, created %v; want the provider's type and a UTC time", where, ev.Type, ev.Created)
	}
	if d.Kind == payments.EventIgnored {
		return
	}
	eq(r, where+" amount", ev.Amount, d.Amount)
	switch d.Kind {
	case payments.EventCheckoutCompleted, payments.EventCheckoutExpired:
		eq(r, where+" session", ev.SessionID, d.SessionID)
		eq(r, where+" paid", ev.Paid, d.Paid)
	default:
		eq(r, where+" payment", ev.IntentID, d.IntentID)
	}
	if d.Kind != payments.EventDisputeCreated {
		eq(r, where+" attempt", ev.AttemptID, d.Request.AttemptID)
		eq(r, where+" invoice", ev.InvoiceID, d.Request.InvoiceID)
		eq(r, where+" contact", ev.ContactID, d.Request.ContactID)
	}
	if d.Kind == payments.EventPaymentFailed {
		eq(r, where+" reason", ev.FailureReason, d.Reason)
	}
	if d.Kind == payments.EventDisputeCreated && ev.FailureReason == "" {
		r.Errorf("%s: a dispute without a reason", where)
	}
}

// CheckBadWebhooks: forged, stale, unsigned and tampered deliveries are
// ErrSignature; a well-signed body that is not an event is ErrPayload.
func CheckBadWebhooks(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Open(t)
	d := deliveries(Request(500, "EUR"))[0]
	for _, c := range []struct {
		name string
		s    Signing
		want error
	}{
		{"forged", SignedForged, payments.ErrSignature},
		{"stale", SignedStale, payments.ErrSignature},
		{"unsigned", Unsigned, payments.ErrSignature},
		{"tampered", SignedTampered, payments.ErrSignature},
		{"garbage", SignedGarbage, payments.ErrPayload},
	} {
		d.Signing = c.s
		payload, hdr := h.Deliver(t, d)
		_, err := p.ParseWebhook(payload, hdr)
		if !errors.Is(err, c.want) {
			r.Errorf("ParseWebhook of a %s delivery: err = %v, want %v", c.name, err, c.want)
		}
	}
	d.Signing = SignedWell
	payload, hdr := h.Deliver(t, d)
	huge := append(bytes.Repeat([]byte(" "), 2<<20), payload...)
	if _, err := p.ParseWebhook(huge, hdr); err == nil {
		r.Errorf("ParseWebhook of a 2 MiB body: no error")
	}
}

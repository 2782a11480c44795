package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe/stripetest"
)

// attackPayments turns online payment on in the attack suite's portal:
// against stripe-mock when it runs, else against an address where nothing
// answers (the attacks never get as far as the provider).
func attackPayments(cfg *config.Config) {
	api := os.Getenv(stripetest.EnvMock)
	if api == "" {
		api = "http://127.0.0.1:9"
	}
	cfg.Payments.Provider = "stripe"
	cfg.Payments.Stripe = config.StripeConfig{SecretKey: stripetest.SecretKey, WebhookSecret: stripetest.WebhookSecret, APIURL: api}
}

// attackAttempt puts a checkout for Zoë's first invoice into the ledger,
// as a click on Pay would.
func (e *attackEnv) attackAttempt() bridge.PaymentAttempt {
	e.t.Helper()
	ctx := context.Background()
	inv, err := e.store.GetInvoice(ctx, connectors.Scope{ContactID: e.ids[zoe]}, e.openInvoice(zoe))
	if err != nil {
		e.t.Fatal(err)
	}
	a, _, err := e.store.BeginPayment(ctx, bridge.NewPaymentAttempt{Provider: "stripe", InvoiceID: inv.ID, InvoiceNumber: inv.Number,
		ContactID: e.ids[zoe], Amount: inv.AmountDue, IdempotencyKey: payments.IdempotencyKey(inv.ID, inv.AmountDue)})
	if err != nil {
		e.t.Fatal(err)
	}
	a.SessionID = "cs_test_attack_" + a.ID[:8]
	if err := e.store.AttachCheckout(ctx, a.ID, a.SessionID, "https://checkout.stripe.com/c/pay/"+a.SessionID); err != nil {
		e.t.Fatal(err)
	}
	return a
}

// openInvoice returns one of the contact's invoices with something due.
func (e *attackEnv) openInvoice(email string) string {
	e.t.Helper()
	page, err := e.store.ListInvoices(context.Background(), connectors.Scope{ContactID: e.ids[email]}, connectors.PageRequest{Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, inv := range page.Items {
		if inv.Status.Open() && inv.AmountDue.Minor > 0 {
			return inv.ID
		}
	}
	e.t.Fatalf("%s has no open invoice", email)
	return ""
}

// hook sends a Stripe webhook delivery for d.
func (e *attackEnv) hook(d paymentstest.Delivery) (int, string) {
	e.t.Helper()
	body, h := stripetest.Deliver(e.t, d)
	resp, out := e.send(nil, http.MethodPost, "/hooks/stripe", bytes.NewReader(body), h)
	return resp.StatusCode, out
}

// TestAttackStripeWebhook: forged, stale, unsigned, tampered and garbled
// deliveries are 400 and change nothing; a replayed event is 200 and
// applied once; an event naming another contact's invoice, or a checkout
// no attempt has, is recorded for staff and not applied.
func TestAttackStripeWebhook(t *testing.T) {
	e := startAttackEnv(t, nil)
	a := e.attackAttempt()
	req := payments.CheckoutRequest{AttemptID: a.ID, InvoiceID: a.InvoiceID, InvoiceNumber: a.InvoiceNumber, ContactID: a.ContactID,
		Amount: a.Amount, Email: zoe}
	paid := paymentstest.Delivery{Kind: payments.EventCheckoutCompleted, EventID: "evt_attack_1", Request: req, SessionID: a.SessionID,
		IntentID: "pi_attack_1", Amount: a.Amount, Paid: true, Created: time.Now()}
	for _, s := range []paymentstest.Signing{paymentstest.SignedForged, paymentstest.SignedStale, paymentstest.Unsigned,
		paymentstest.SignedTampered, paymentstest.SignedGarbage} {
		d := paid
		d.Signing = s
		if code, body := e.hook(d); code != http.StatusBadRequest || !strings.Contains(body, "urn:clientgate:problem:invalid-request") {
			t.Errorf("delivery signed %d: %d %s, want 400", s, code, body)
		}
	}
	if got, _ := e.store.PaymentAttempt(context.Background(), a.ID); got.State != bridge.PaymentCreated {
		t.Fatalf("a refused delivery changed the attempt to %s", got.State)
	}
	for i := range 3 {
		code, body := e.hook(paid)
		want := `"outcome":"duplicate"`
		if i == 0 {
			want = `"outcome":"applied"`
		}
		if code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("delivery %d: %d %s, want 200 %s", i, code, body, want)
		}
	}
	changes, _ := e.store.PaymentChanges(context.Background(), a.ID)
	if n := countTo(changes, bridge.PaymentPaid); n != 1 {
		t.Errorf("the attempt became paid %d times, want once: %+v", n, changes)
	}
	stolen := paid
	stolen.EventID, stolen.Request.InvoiceID = "evt_attack_2", e.openInvoice(priya)
	foreign := paid
	foreign.EventID, foreign.Request.AttemptID, foreign.SessionID, foreign.IntentID = "evt_attack_3", "", "cs_test_someone_else", "pi_someone_else"
	for name, d := range map[string]paymentstest.Delivery{"another contact's invoice": stolen, "an unknown checkout": foreign} {
		if code, body := e.hook(d); code != http.StatusOK || !strings.Contains(body, `"outcome":"discrepancy"`) {
			t.Errorf("%s: %d %s, want 200 discrepancy", name, code, body)
		}
	}
	if got, _ := e.store.InvoicePayment(context.Background(), e.openInvoice(priya)); got.ID != "" {
		t.Errorf("Priya's invoice has an attempt: %+v", got)
	}
	if ds, _ := e.store.PaymentDiscrepancies(context.Background(), 10); len(ds) != 2 {
		t.Errorf("%d discrepancies recorded, want 2: %+v", len(ds), ds)
	}
}

func countTo(changes []bridge.PaymentChange, to bridge.PaymentState) int {
	n := 0
	for _, c := range changes {
		if c.To == to {
			n++
		}
	}
	return n
}

// TestAttackStripeWebhookFlood: forged deliveries from one address are
// refused with 400, then limited per address with 429 and Retry-After.
func TestAttackStripeWebhookFlood(t *testing.T) {
	e := startAttackEnv(t, func(c *config.Config) {
		c.RateLimit = config.RateLimitConfig{Window: time.Minute, WritesPerAddress: 5, ReadsPerAddress: 1000}
	})
	codes := map[int]int{}
	for i := range 8 {
		code, _ := e.hook(paymentstest.Delivery{Kind: payments.EventCheckoutCompleted, EventID: "evt_flood_" + strconv.Itoa(i),
			Signing: paymentstest.SignedForged, Amount: connectors.Money{Minor: 100, Currency: "EUR"}})
		codes[code]++
	}
	if codes[http.StatusBadRequest] != 5 || codes[http.StatusTooManyRequests] != 3 {
		t.Errorf("forged flood answers %v, want 5×400 then 429", codes)
	}
}

package payflow_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
	"clientgate/connectors/jetpackcrm"
	"clientgate/connectors/jetpackcrm/jetpacktest"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe"
	"clientgate/connectors/payments/stripe/stripetest"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/importfile"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// demo is one overdue invoice of one contact, for the SQL store.
const demo = `{
  "contacts": [{"email": "zoe@northwind.example", "first_name": "Zoë", "last_name": "Ångström-Müller", "portal_access": true}],
  "invoices": [{"number": "INV-2025-047", "contact_email": "zoe@northwind.example", "status": "overdue",
    "issued_at": "2025-11-24T09:00:00Z", "due_at": "2025-12-08T00:00:00Z", "currency": "EUR", "tax": "456.00", "total": "2856.00",
    "lines": [{"title": "Website design, phase 1", "quantity": "1", "unit_price": "2400.00", "total": "2400.00"}]}]
}`

// sqlWorld is a SQL store (CRM and ledger) with the demo data.
func sqlWorld(t *testing.T) (*sqlstore.Store, connectors.Contact, connectors.Invoice) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	data, err := importfile.Parse(strings.NewReader(demo))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, data); err != nil {
		t.Fatal(err)
	}
	zoe, err := s.FindContactByEmail(ctx, "zoe@northwind.example")
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.ListInvoices(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("invoices: %v, %v", page, err)
	}
	return s, zoe, page.Items[0]
}

func newFlow(t *testing.T, ledger payflow.Ledger, crm connectors.Connector) *payflow.Flow {
	t.Helper()
	return newMeteredFlow(t, ledger, crm, nil)
}

func newMeteredFlow(t *testing.T, ledger payflow.Ledger, crm connectors.Connector, m *payments.Metrics) *payflow.Flow {
	t.Helper()
	p, err := stripe.New(stripetest.Options(stripetest.MockURL(t)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := payflow.New(payflow.Options{Provider: p, Ledger: ledger, CRM: crm, Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func input(inv connectors.Invoice, contactID string) payflow.CheckoutInput {
	return payflow.CheckoutInput{Invoice: inv, ContactID: contactID, Email: "zoe@northwind.example",
		SuccessURL: "https://portal.example/clients/invoices/" + inv.ID + "?paid=1",
		CancelURL:  "https://portal.example/clients/invoices/" + inv.ID}
}

// deliver sends a signed event about attempt a through the flow.
func deliver(t *testing.T, f *payflow.Flow, a bridge.PaymentAttempt, kind payments.EventKind, id string, amount connectors.Money, signing paymentstest.Signing) (payflow.WebhookResult, error) {
	t.Helper()
	req := payments.CheckoutRequest{AttemptID: a.ID, InvoiceID: a.InvoiceID, InvoiceNumber: a.InvoiceNumber, ContactID: a.ContactID,
		Amount: a.Amount, Email: "zoe@northwind.example"}
	payload, h := stripetest.Deliver(t, paymentstest.Delivery{Kind: kind, EventID: id, Request: req, SessionID: a.SessionID,
		IntentID: "pi_flow_1", ChargeID: "ch_flow_1", Amount: amount, Paid: true, Signing: signing, Created: time.Now()})
	return f.Webhook(context.Background(), payload, h)
}

// TestSQLStoreFlow: click Pay → checkout at stripe-mock → webhook →
// ledger → CRM records the transaction → invoice paid; once, however
// often the webhook arrives or the client clicks.
func TestSQLStoreFlow(t *testing.T) {
	ctx := context.Background()
	s, zoe, inv := sqlWorld(t)
	f := newFlow(t, s, s)
	if st, err := f.Status(ctx, inv); err != nil || !st.CanPay || st.HasAttempt {
		t.Fatalf("status before paying = %+v, %v", st, err)
	}
	co, err := f.Checkout(ctx, input(inv, zoe.ID))
	if err != nil || !strings.HasPrefix(co.URL, "https://") {
		t.Fatalf("Checkout = %+v, %v", co, err)
	}
	again, err := f.Checkout(ctx, input(inv, zoe.ID))
	if err != nil || again.SessionID != co.SessionID || again.URL != co.URL {
		t.Errorf("second click = %+v, %v; want the same checkout", again, err)
	}
	a, err := s.InvoicePayment(ctx, inv.ID)
	if err != nil || a.SessionID != co.SessionID || a.Amount != inv.AmountDue {
		t.Fatalf("ledger attempt = %+v, %v", a, err)
	}
	forged, err := deliver(t, f, a, payments.EventCheckoutCompleted, "evt_forged", a.Amount, paymentstest.SignedForged)
	if !errors.Is(err, payments.ErrSignature) || forged.Outcome != "" {
		t.Errorf("forged webhook: %+v, %v; want ErrSignature", forged, err)
	}
	res, err := deliver(t, f, a, payments.EventCheckoutCompleted, "evt_completed", a.Amount, paymentstest.SignedWell)
	if err != nil || res.Outcome != bridge.EventApplied || res.Attempt.State != bridge.PaymentPaid {
		t.Fatalf("checkout completed: %+v, %v", res, err)
	}
	for range 3 {
		if res, err := deliver(t, f, a, payments.EventCheckoutCompleted, "evt_completed", a.Amount, paymentstest.SignedWell); err != nil || res.Outcome != bridge.EventDuplicate {
			t.Errorf("replayed webhook: %+v, %v", res.Outcome, err)
		}
	}
	if _, err := f.Checkout(ctx, input(inv, zoe.ID)); !bridge.IsAlreadyPaid(err) {
		t.Errorf("Pay after payment: err = %v, want ErrAlreadyPaid", err)
	}
	for range 2 {
		if err := f.Record(ctx, a.ID); err != nil {
			t.Fatalf("Record: %v", err)
		}
	}
	after, _ := s.GetInvoice(ctx, connectors.Scope{ContactID: zoe.ID}, inv.ID)
	if after.Status != connectors.InvoicePaid || after.AmountDue.Minor != 0 || after.Paid() != inv.Total {
		t.Errorf("invoice after the payment: %s, due %v, paid %v", after.Status, after.AmountDue, after.Paid())
	}
	txns, _ := s.ListTransactions(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{})
	if len(txns.Items) != 1 || txns.Items[0].Reference != payflow.Reference(a) || txns.Items[0].Amount != inv.AmountDue || txns.Items[0].InvoiceID != inv.ID {
		t.Errorf("transactions = %+v; want the payment once", txns.Items)
	}
	if st, _ := f.Status(ctx, after); st.CanPay || st.BeingConfirmed || st.Attempt.State != bridge.PaymentPaid {
		t.Errorf("status after paying = %+v", st)
	}
	if left, _ := s.UnrecordedPayments(ctx, 10); len(left) != 0 {
		t.Errorf("unrecorded after Record: %+v", left)
	}
}

// TestJetpackFlow: Jetpack CRM records the transaction by order ID but
// cannot mark the invoice paid, so the ledger says "being confirmed".
func TestJetpackFlow(t *testing.T) {
	ctx := context.Background()
	srv := jetpacktest.NewServer("jpcrm_pk_test", "jpcrm_sk_test")
	t.Cleanup(srv.Close)
	id := srv.AddContact(jetpacktest.Contact{Fields: map[string]string{"status": "Customer", "email": "zoe@northwind.example", "fname": "Zoë"}})
	srv.AddInvoice(jetpacktest.Invoice{ContactID: id, Ref: "INV-7", Status: "Unpaid", Currency: "EUR", Date: time.Now().Unix(),
		Due: time.Now().AddDate(0, 0, 14).Unix(), Net: "100.00", Total: "119.00"})
	crm, err := jetpackcrm.New(jetpackcrm.Options{URL: srv.URL, APIKey: "jpcrm_pk_test", APISecret: "jpcrm_sk_test"})
	if err != nil {
		t.Fatal(err)
	}
	contact := itoa(id)
	inv, err := crm.ListInvoices(ctx, connectors.Scope{ContactID: contact}, connectors.PageRequest{})
	if err != nil || len(inv.Items) != 1 {
		t.Fatalf("invoices: %+v, %v", inv, err)
	}
	ledger := fake.NewBridge()
	f := newFlow(t, ledger, crm)
	if _, err := f.Checkout(ctx, input(inv.Items[0], contact)); err != nil {
		t.Fatal(err)
	}
	a, _ := ledger.InvoicePayment(ctx, inv.Items[0].ID)
	if res, err := deliver(t, f, a, payments.EventPaymentSucceeded, "evt_pi", a.Amount, paymentstest.SignedWell); err != nil || res.Attempt.State != bridge.PaymentPaid {
		t.Fatalf("payment succeeded: %+v, %v", res, err)
	}
	for range 2 {
		if err := f.Record(ctx, a.ID); err != nil {
			t.Fatalf("Record: %v", err)
		}
	}
	if got := srv.Calls()["create_transaction"]; got != 1 {
		t.Errorf("create_transaction called %d times, want 1", got)
	}
	txns, _ := crm.ListTransactions(ctx, connectors.Scope{ContactID: contact}, connectors.PageRequest{})
	if len(txns.Items) != 1 || txns.Items[0].Reference != payflow.Reference(a) || txns.Items[0].Amount.String() != "119.00 EUR" {
		t.Errorf("Jetpack transactions = %+v", txns.Items)
	}
	st, err := f.Status(ctx, inv.Items[0])
	if err != nil || !st.BeingConfirmed || st.CanPay {
		t.Errorf("status = %+v, %v; want paid online, being confirmed", st, err)
	}
}

// TestDiscrepancyAndProviderDown: a payment of another amount is kept for
// staff and not applied; with Stripe down the click fails clearly, and
// the retry reuses the attempt and its key.
func TestDiscrepancyAndProviderDown(t *testing.T) {
	ctx := context.Background()
	s, zoe, inv := sqlWorld(t)
	down, err := stripe.New(func() stripe.Options {
		o := stripetest.Options(stripetest.ClosedURL(t))
		o.Retries = 0
		return o
	}())
	if err != nil {
		t.Fatal(err)
	}
	fd, _ := payflow.New(payflow.Options{Provider: down, Ledger: s, CRM: s})
	if _, err := fd.Checkout(ctx, input(inv, zoe.ID)); !errors.Is(err, payments.ErrUnavailable) {
		t.Fatalf("Checkout with Stripe down: err = %v", err)
	}
	first, _ := s.InvoicePayment(ctx, inv.ID)
	reg := prometheus.NewRegistry()
	m, err := payments.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	f := newMeteredFlow(t, s, s, m)
	if _, err := f.Checkout(ctx, input(inv, zoe.ID)); err != nil {
		t.Fatal(err)
	}
	a, _ := s.InvoicePayment(ctx, inv.ID)
	if a.ID != first.ID || a.IdempotencyKey != first.IdempotencyKey {
		t.Errorf("retry made a new attempt %s (key %s), want %s (key %s)", a.ID, a.IdempotencyKey, first.ID, first.IdempotencyKey)
	}
	short := a.Amount
	short.Minor -= 100
	res, err := deliver(t, f, a, payments.EventCheckoutCompleted, "evt_short", short, paymentstest.SignedWell)
	if err != nil || res.Outcome != bridge.EventDiscrepancy || res.Discrepancy.Kind != bridge.DiscrepancyAmount {
		t.Fatalf("short payment: %+v, %v", res, err)
	}
	if st, _ := f.Status(ctx, inv); st.Attempt.State != bridge.PaymentCreated {
		t.Errorf("short payment applied: %+v", st.Attempt)
	}
	ignored, err := deliver(t, f, a, payments.EventIgnored, "evt_other", a.Amount, paymentstest.SignedWell)
	if err != nil || ignored.Outcome != payflow.Ignored {
		t.Errorf("other event: %+v, %v", ignored, err)
	}
	_, err = f.Webhook(ctx, []byte(`{}`), http.Header{})
	if !errors.Is(err, payments.ErrSignature) {
		t.Errorf("unsigned webhook: err = %v", err)
	}
	for _, c := range []struct {
		name, labels string
		want         float64
	}{
		{"clientgate_payment_webhooks_total", `outcome="discrepancy",provider="stripe"`, 1},
		{"clientgate_payment_webhooks_total", `outcome="bad_signature",provider="stripe"`, 1},
		{"clientgate_payment_webhooks_total", `outcome="ignored",provider="stripe"`, 1},
		{"clientgate_payments_total", `outcome="discrepancy",provider="stripe"`, 1},
		{"clientgate_payment_checkouts_total", `outcome="created",provider="stripe"`, 1},
	} {
		if got := metric(t, reg, c.name, c.labels); got != c.want {
			t.Errorf("%s{%s} = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
}

// metric returns one series' value from reg.
func metric(t *testing.T, reg *prometheus.Registry, name, labels string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range families {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			var parts []string
			for _, l := range m.GetLabel() {
				parts = append(parts, l.GetName()+`="`+l.GetValue()+`"`)
			}
			if strings.Join(parts, ",") == labels {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

func itoa(n int) string { return strconv.Itoa(n) }

package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
	"clientgate/connectors/jobs"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/staffnote"
	"clientgate/connectors/payments/stripe/stripetest"
	"clientgate/connectors/sqlstore"
	"clientgate/portal/documents"
	"clientgate/portal/documents/documentstest"
)

// TestPaymentsWithoutRecordPayments: a CRM that cannot record payments
// (a REST mapping without record_payment) keeps the payment in the
// ledger, counts nothing as pending, and staff are told to record it by
// hand — once, however often the webhook comes.
func TestPaymentsWithoutRecordPayments(t *testing.T) {
	ctx := context.Background()
	store, err := sqlstore.Open(ctx, filepath.Join(t.TempDir(), "c.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	db, err := store.OpenHandle(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	reg := prometheus.NewRegistry()
	q, err := jobs.Open(ctx, jobs.Options{DB: db, Dialect: jobs.SQLite, Registerer: reg, PollInterval: 50 * time.Millisecond,
		RetryBase: 100 * time.Millisecond, RetryMax: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	crm := fake.New()
	caps := crm.Capabilities()
	caps.RecordPayments, caps.SettlesInvoices = false, false
	crm.SetCapabilities(caps)
	crm.AddContact(connectors.Contact{ID: "c1", Email: "zoe@example.test", PortalAccess: true})
	inv := crm.AddInvoice("c1", connectors.Invoice{ID: "i1", Number: "INV-1", Status: connectors.InvoiceUnpaid,
		Total: connectors.Money{Minor: 5000, Currency: "EUR"}, AmountDue: connectors.Money{Minor: 5000, Currency: "EUR"}})
	staff := newStaffReceiver(t)
	cfg := config.Default()
	cfg.Payments.Provider = "stripe"
	cfg.Payments.Stripe = config.StripeConfig{SecretKey: stripetest.SecretKey, WebhookSecret: stripetest.WebhookSecret, APIURL: "http://127.0.0.1:9"}
	cfg.Payments.StaffWebhook = config.StaffWebhookConfig{URL: staff.url, Secret: staffSecret}
	p, err := buildPayments(cfg, crm, store, q, reg, slog.New(slog.NewJSONHandler(io.Discard, nil)), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Stop(context.Background()) })
	a, _, err := store.BeginPayment(ctx, bridge.NewPaymentAttempt{Provider: "stripe", InvoiceID: inv.ID, InvoiceNumber: inv.Number,
		ContactID: "c1", Amount: inv.AmountDue, IdempotencyKey: payments.IdempotencyKey(inv.ID, inv.AmountDue)})
	if err != nil {
		t.Fatal(err)
	}
	req := payments.CheckoutRequest{AttemptID: a.ID, InvoiceID: inv.ID, InvoiceNumber: inv.Number, ContactID: "c1", Amount: inv.AmountDue}
	for range 3 {
		body, h := stripetest.Deliver(t, paymentstest.Delivery{Kind: payments.EventPaymentSucceeded, EventID: "evt_1", Request: req,
			IntentID: "pi_1", Amount: inv.AmountDue, Created: time.Now()})
		res, err := p.flow.Webhook(ctx, body, h)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.afterWebhook(ctx, res); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, 20*time.Second, "the notice to record by hand", func() bool { return len(staff.of(staffnote.KindRecordByHand)) == 1 })
	time.Sleep(300 * time.Millisecond)
	if got := staff.of(staffnote.KindRecordByHand); len(got) != 1 || got[0].InvoiceNumber != "INV-1" || !strings.Contains(got[0].Detail, "record it as cg-") {
		t.Errorf("notices = %+v", got)
	}
	p.sweep(ctx)
	const gauge = `# HELP clientgate_payment_writebacks Payments to record in the CRM: pending (queued or retrying) and failed (refused by the CRM).
# TYPE clientgate_payment_writebacks gauge
clientgate_payment_writebacks{state="failed"} 0
clientgate_payment_writebacks{state="pending"} 0
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(gauge), "clientgate_payment_writebacks"); err != nil {
		t.Errorf("a CRM that cannot take payments has write-backs: %v", err)
	}
	if got, _ := store.PaymentAttempt(ctx, a.ID); got.State != bridge.PaymentPaid || !got.CRMRecordedAt.IsZero() {
		t.Errorf("attempt = %+v", got)
	}
}

// TestDocumentFontsForCJK: documents.fonts gives the PDFs a font for
// Chinese, Japanese and Korean names (Debian's Droid Sans Fallback, which
// .ci/run installs).
func TestDocumentFontsForCJK(t *testing.T) {
	font := documentstest.CJKFontPath(t)
	if _, err := buildDocuments(config.DocumentsConfig{Fonts: []string{"/nonexistent.ttf"}}); err == nil {
		t.Error("a missing font file was accepted")
	}
	r, err := buildDocuments(config.DocumentsConfig{Fonts: []string{font}})
	if err != nil {
		t.Fatal(err)
	}
	jpy := connectors.Money{Minor: 100, Currency: "JPY"}
	doc := documents.Invoice(documents.InvoiceInput{
		Invoice: connectors.Invoice{Number: "INV-8", Status: connectors.InvoiceUnpaid, Total: jpy, AmountDue: jpy,
			Lines: []connectors.LineItem{{Title: "翻訳サービス", Quantity: "1", Total: jpy}}},
		Buyer: documents.Buyer{Name: "山田太郎"}}, documents.Seller{Name: "Acme"}, documents.Locale{})
	var pdf bytes.Buffer
	if err := r.Render(&pdf, doc); err != nil {
		t.Fatal(err)
	}
	text := documentstest.Text(t, pdf.Bytes())
	for _, want := range []string{"山田太郎", "翻訳サービス"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/jetpackcrm/jetpacktest"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/staffnote"
	"clientgate/connectors/payments/stripe/stripetest"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/importfile"
)

// payData is the SQL store's data for the payment tests: Zoë has an
// overdue invoice with a 19% VAT line; Bob has one of his own.
const payData = `{
  "companies": [{"name": "Northwind Design GmbH", "tax_id": "DE298765431",
    "address": {"line1": "Torstraße 12", "city": "Berlin", "postcode": "10119", "country": "DE"}}],
  "contacts": [
    {"email": "zoe@northwind.example", "first_name": "Zoë", "last_name": "Ångström-Müller", "company": "Northwind Design GmbH"},
    {"email": "bob@example.test", "first_name": "Bob"}
  ],
  "invoices": [
    {"number": "INV-2025-047", "contact_email": "zoe@northwind.example", "status": "overdue", "currency": "EUR",
     "issued_at": "2025-11-24T09:00:00Z", "due_at": "2025-12-08T00:00:00Z", "subtotal": "2400.00", "tax": "456.00",
     "total": "2856.00", "lines": [{"title": "Website design, phase 1", "quantity": "1", "unit_price": "2400.00",
     "total": "2400.00", "tax_rate": "19", "tax": "456.00"}]},
    {"number": "INV-B", "contact_email": "bob@example.test", "status": "unpaid", "currency": "EUR",
     "issued_at": "2025-11-24T09:00:00Z", "due_at": "2099-01-01T00:00:00Z", "total": "9.99"}
  ]
}`

// payEmail is the person who pays in the payment tests.
const payEmail = "zoe@northwind.example"

// payWorld is a portal served in this process (serveStore) with online
// payment against stripe-mock, on the SQL store or on the Jetpack CRM
// test server, with a staff webhook receiver.
type payWorld struct {
	t       *testing.T
	addr    string
	metrics string
	store   *sqlstore.Store
	jetpack *jetpacktest.Server // nil on the SQL store
	logs    *lockedBuffer
	staff   *staffReceiver
	invoice string // the ID of Zoë's invoice
	contact string // Zoë's contact ID
}

// startPayWorld serves the portal on crm ("sqlstore" or "jetpackcrm");
// edit may change the configuration.
func startPayWorld(t *testing.T, crm string, edit func(*config.Config)) *payWorld {
	t.Helper()
	mock := stripetest.MockURL(t)
	w := &payWorld{t: t, addr: freeAddr(t), metrics: freeAddr(t), logs: &lockedBuffer{}, staff: newStaffReceiver(t)}
	ctx, cancel := context.WithCancel(context.Background())
	op := startProviderFor(t, []string{w.addr}, devoidc.Person{Email: payEmail, Name: "Zoë"},
		devoidc.Person{Email: "bob@example.test", Name: "Bob"})
	cfg := demoConfig(w.addr, "http://"+w.addr, t.TempDir())
	cfg.Metrics.Addr = w.metrics
	cfg.Auth.Issuer, cfg.Auth.ClientID, cfg.Auth.ClientSecret = op.Issuer(), "portal", "portal-secret"
	cfg.Auth.RedirectURL, cfg.Auth.SessionKeys = "http://"+w.addr+"/auth/callback", []string{sessionKey}
	cfg.Payments.StaffWebhook = config.StaffWebhookConfig{URL: w.staff.url, Secret: staffSecret}
	cfg.RateLimit = config.RateLimitConfig{Window: time.Minute}
	ex := serveExtras{}
	if err := useDemoStripe(cfg, mock, &ex); err != nil {
		t.Fatal(err)
	}
	cfg.Payments.Stripe.WebhookSecret = stripetest.WebhookSecret
	if crm == config.TypeJetpackCRM {
		w.jetpack = w.seedJetpack()
		cfg.Connector.Type, cfg.Connector.JetpackCRM.URL = config.TypeJetpackCRM, w.jetpack.URL
		cfg.Connector.JetpackCRM.APIKey, cfg.Connector.JetpackCRM.APISecret = "k", "s"
		cfg.Connector.JetpackCRM.Currency = "EUR"
	}
	if edit != nil {
		edit(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewJSONHandler(w.logs, nil))
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	w.store = store
	if crm == config.TypeSQLStore {
		w.importData(ctx)
	}
	done := make(chan error, 1)
	go func() { done <- serveStore(ctx, cfg, store, log, ex) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
		store.Close()
	})
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("portal log:\n%s", w.logs)
		}
	})
	waitReady(t, "http://"+w.addr)
	return w
}

// importData loads payData into the SQL store and notes Zoë's invoice.
func (w *payWorld) importData(ctx context.Context) {
	if _, err := w.store.Import(ctx, parseData(w.t, payData)); err != nil {
		w.t.Fatal(err)
	}
	zoe, err := w.store.FindContactByEmail(ctx, payEmail)
	if err != nil {
		w.t.Fatal(err)
	}
	page, err := w.store.ListInvoices(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{})
	if err != nil || len(page.Items) != 1 {
		w.t.Fatalf("invoices: %v %v", page, err)
	}
	w.contact, w.invoice = zoe.ID, page.Items[0].ID
}

// seedJetpack starts the Jetpack CRM test server with Zoë and her
// invoice of 119.00 EUR.
func (w *payWorld) seedJetpack() *jetpacktest.Server {
	srv := testJetpack(w.t)
	id := srv.AddContact(jetpacktest.Contact{Fields: map[string]string{"status": "Customer", "email": payEmail, "fname": "Zoë",
		"lname": "Ångström-Müller"}})
	inv := srv.AddInvoice(jetpacktest.Invoice{ContactID: id, Ref: "INV-7", Status: "Unpaid", Currency: "EUR",
		Date: time.Now().Add(-48 * time.Hour).Unix(), Due: time.Now().AddDate(0, 0, 14).Unix(), Net: "100.00", Total: "119.00"})
	w.contact, w.invoice = strconv.Itoa(id), strconv.Itoa(inv)
	return srv
}

// attempt returns the ledger's attempt for Zoë's invoice.
func (w *payWorld) attempt() bridge.PaymentAttempt {
	w.t.Helper()
	a, err := w.store.InvoicePayment(context.Background(), w.invoice)
	if err != nil {
		w.t.Fatalf("ledger: %v", err)
	}
	return a
}

// payForm matches the Pay button's form and its CSRF token.
var payForm = regexp.MustCompile(`<form method="post" action="(/clients/invoices/[^"]+/pay)" class="pay-form">\s*<input type="hidden" name="csrf_token" value="([^"]+)">`)

// clickPay posts the invoice page's Pay form as a browser does and
// returns the answer (not followed).
func (w *payWorld) clickPay(pc *portalClient) *http.Response {
	w.t.Helper()
	resp, page := pc.get("/clients/invoices/" + w.invoice)
	m := payForm.FindStringSubmatch(page)
	if resp.StatusCode != http.StatusOK || m == nil {
		w.t.Fatalf("the invoice page has no Pay form: %d\n%s", resp.StatusCode, page)
	}
	form := strings.NewReader("csrf_token=" + m[2])
	req, _ := http.NewRequest(http.MethodPost, pc.base+m[1], form)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, _ = pc.noRedirect().do(req)
	return resp
}

// deliver sends a webhook about attempt a, signed as signing says, and
// returns the status and body.
func (w *payWorld) deliver(a bridge.PaymentAttempt, kind payments.EventKind, id string, amount connectors.Money, signing paymentstest.Signing) (int, string) {
	w.t.Helper()
	req := payments.CheckoutRequest{AttemptID: a.ID, InvoiceID: a.InvoiceID, InvoiceNumber: a.InvoiceNumber,
		ContactID: a.ContactID, Amount: a.Amount, Email: payEmail}
	body, h := stripetest.Deliver(w.t, paymentstest.Delivery{Kind: kind, EventID: id, Request: req, SessionID: a.SessionID,
		IntentID: "pi_" + a.ID[:8], ChargeID: "ch_" + a.ID[:8], Amount: amount, Paid: true, Signing: signing, Created: time.Now(),
		Reason: "Your card was declined."})
	r, _ := http.NewRequest(http.MethodPost, "http://"+w.addr+"/hooks/stripe", bytes.NewReader(body))
	r.Header = h
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

// eventually polls ok until it holds, for at most d.
func eventually(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, d)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// scrape returns the metrics text.
func (w *payWorld) scrape() string {
	w.t.Helper()
	_, text := get(w.t, "http://"+w.metrics+"/metrics")
	return text
}

// lockedBuffer is a log sink safe for concurrent writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// staffSecret signs the staff notices in the payment tests.
const staffSecret = "staff-webhook-secret-0123456789"

// staffReceiver is the operator's endpoint for staff notices: it keeps
// every notice whose signature verifies.
type staffReceiver struct {
	url     string
	mu      sync.Mutex
	notices []staffnote.Notice
}

func newStaffReceiver(t *testing.T) *staffReceiver {
	r := &staffReceiver{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		var n staffnote.Notice
		if !staffnote.Verify([]byte(staffSecret), req.Header, body, time.Minute, time.Now()) || json.Unmarshal(body, &n) != nil {
			http.Error(w, "refused", http.StatusUnauthorized)
			return
		}
		r.mu.Lock()
		r.notices = append(r.notices, n)
		r.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

// of returns the received notices of kind.
func (r *staffReceiver) of(kind staffnote.Kind) []staffnote.Notice {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []staffnote.Notice
	for _, n := range r.notices {
		if n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

// parseData parses an import file.
func parseData(t *testing.T, src string) *importfile.Data {
	t.Helper()
	d, err := importfile.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

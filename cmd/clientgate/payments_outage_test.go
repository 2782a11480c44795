package main

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"clientgate/config"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe/stripetest"
)

// switchable is a reverse proxy that answers 503 while down, and records
// the Idempotency-Key of every request it forwards.
type switchable struct {
	url  string
	down atomic.Bool
	mu   sync.Mutex
	keys []string
}

func newSwitchable(t *testing.T, target string) *switchable {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	s := &switchable{}
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			http.Error(w, `{"error":{"type":"api_error","message":"down for the test"}}`, http.StatusServiceUnavailable)
			return
		}
		if k := r.Header.Get("Idempotency-Key"); k != "" {
			s.mu.Lock()
			s.keys = append(s.keys, k)
			s.mu.Unlock()
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

// TestPaymentProviderDown: with Stripe down the click on Pay comes back
// to the invoice page with a clear message and nothing charged; the
// retry once it is back reuses the same attempt and idempotency key, so
// one checkout, one payment.
func TestPaymentProviderDown(t *testing.T) {
	proxy := newSwitchable(t, stripetest.MockURL(t))
	w := startPayWorld(t, config.TypeSQLStore, func(c *config.Config) { c.Payments.Stripe.APIURL = proxy.url })
	pc := newPortalClient(t, w.addr)
	pc.signIn(payEmail)
	proxy.down.Store(true)
	resp := w.clickPay(pc)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "payment=unavailable") {
		t.Fatalf("Pay with Stripe down: %d to %q", resp.StatusCode, loc)
	}
	_, page := pc.get(strings.TrimSuffix(loc, "#h-pay"))
	if !strings.Contains(page, "Our payment provider cannot be reached right now. Nothing was charged.") || !payForm.MatchString(page) {
		t.Errorf("the invoice page does not say what happened or offer to try again:\n%s", page)
	}
	first := w.attempt()
	proxy.down.Store(false)
	resp = w.clickPay(pc)
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "/checkout/cs_test_") {
		t.Fatalf("Pay with Stripe back: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	a := w.attempt()
	if a.ID != first.ID || a.IdempotencyKey != first.IdempotencyKey {
		t.Errorf("the retry made attempt %s (key %s), want %s (key %s)", a.ID, a.IdempotencyKey, first.ID, first.IdempotencyKey)
	}
	proxy.mu.Lock()
	for _, k := range proxy.keys {
		if k != a.IdempotencyKey {
			t.Errorf("Stripe was asked with idempotency key %q, want %q", k, a.IdempotencyKey)
		}
	}
	proxy.mu.Unlock()
	if _, body := w.deliver(a, payments.EventCheckoutCompleted, "evt_paid", a.Amount, paymentstest.SignedWell); !strings.Contains(body, "applied") {
		t.Fatalf("webhook: %s", body)
	}
	if all, _ := w.store.InvoicePayments(t.Context(), w.invoice); len(all) != 1 {
		t.Errorf("%d attempts, want 1", len(all))
	}
	if text := w.scrape(); !strings.Contains(text, `clientgate_payment_checkouts_total{outcome="unavailable",provider="stripe"} 1`) {
		t.Error("the unavailable click is not counted")
	}
}

// TestPaymentWhileCRMDown: the CRM is down when the payment lands; the
// webhook is still accepted, the write-back is queued and retried, the
// operator sees it pending in the metrics and the logs, and once the CRM
// is back the payment is recorded once.
func TestPaymentWhileCRMDown(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the job queue's first retry (15s)")
	}
	var crm *switchable
	w := startPayWorld(t, config.TypeJetpackCRM, func(c *config.Config) {
		crm = newSwitchable(t, c.Connector.JetpackCRM.URL)
		c.Connector.JetpackCRM.URL = crm.url
		c.Connector.JetpackCRM.Retries = 0
	})
	pc := newPortalClient(t, w.addr)
	pc.signIn(payEmail)
	if resp := w.clickPay(pc); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("Pay: %d", resp.StatusCode)
	}
	a := w.attempt()
	crm.down.Store(true)
	if code, body := w.deliver(a, payments.EventPaymentSucceeded, "evt_paid", a.Amount, paymentstest.SignedWell); code != http.StatusOK {
		t.Fatalf("webhook while the CRM is down: %d %s", code, body)
	}
	metrics := "http://" + w.metrics + "/metrics"
	waitForMetric(t, metrics, `clientgate_jobs{kind="payments.record",state="retryable"} 1`)
	waitForMetric(t, metrics, `clientgate_payment_writebacks{state="pending"} 1`)
	if !strings.Contains(w.logs.String(), "payments: the CRM did not take the payment; retrying") {
		t.Error("the failed write-back is not logged")
	}
	if got := w.attempt(); got.State != bridge.PaymentPaid || !got.CRMRecordedAt.IsZero() {
		t.Errorf("attempt while the CRM is down: %+v", got)
	}
	crm.down.Store(false)
	eventually(t, 45*time.Second, "the retried write-back", func() bool { return !w.attempt().CRMRecordedAt.IsZero() })
	waitForMetric(t, metrics, `clientgate_payment_writebacks{state="pending"} 0`)
	if got := w.jetpack.Calls()["create_transaction"]; got != 1 {
		t.Errorf("create_transaction called %d times, want once", got)
	}
}

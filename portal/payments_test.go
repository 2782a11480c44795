package portal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
)

// stubFlow is a PaymentFlow whose answers the test sets; it records what
// the portal asked.
type stubFlow struct {
	mu        sync.Mutex
	status    payflow.Status
	statusErr error
	checkout  payments.Checkout
	err       error
	delay     time.Duration
	inputs    []payflow.CheckoutInput
	webhook   payflow.WebhookResult
	hookErr   error
	receipt   string
	receipts  int // Receipt calls
}

func (f *stubFlow) Provider() string { return "stripe" }

func (f *stubFlow) Status(_ context.Context, inv connectors.Invoice) (payflow.Status, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status, f.statusErr
}

func (f *stubFlow) Receipt(context.Context, bridge.PaymentAttempt) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.receipts++
	return f.receipt, nil
}

func (f *stubFlow) Checkout(ctx context.Context, in payflow.CheckoutInput) (payments.Checkout, error) {
	f.mu.Lock()
	f.inputs = append(f.inputs, in)
	co, err, delay := f.checkout, f.err, f.delay
	f.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return payments.Checkout{}, fmt.Errorf("stub: %w", ctx.Err())
		}
	}
	return co, err
}

func (f *stubFlow) Webhook(context.Context, []byte, http.Header) (payflow.WebhookResult, error) {
	return f.webhook, f.hookErr
}

// withPayments turns online payment on with flow.
func withPayments(flow PaymentFlow) func(*Options) {
	return func(o *Options) {
		o.Payments = Payments{Flow: flow, Timeout: 200 * time.Millisecond}
		o.FormActionOrigins = []string{"https://checkout.stripe.com"}
	}
}

const checkoutURL = "https://checkout.stripe.com/c/pay/cs_test_1"

func TestPayButtonIsAFormPost(t *testing.T) {
	flow := &stubFlow{status: payflow.Status{CanPay: true}, checkout: payments.Checkout{SessionID: "cs_test_1", URL: checkoutURL}}
	e := newEnv(t, withPayments(flow))
	w := e.do(req{path: "/clients/invoices/inv1", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `<form method="post" action="/clients/invoices/inv1/pay"`, `name="csrf_token" value="`+csrfFor("ann")+`"`,
		"Pay $1,506.00 online", `href="/clients/invoices/inv1.pdf"`)
	// The CRM's own pay link is not offered beside the portal's button.
	wantNoBody(t, w, "https://pay.example.com/inv1")
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https://checkout.stripe.com") {
		t.Errorf("CSP does not let the form end at the checkout: %s", csp)
	}

	got := e.post("/clients/invoices/inv1/pay", "ann", nil)
	wantStatus(t, got, http.StatusSeeOther)
	if loc := got.Header().Get("Location"); loc != checkoutURL {
		t.Errorf("Location = %q, want the checkout", loc)
	}
	in := flow.inputs[0]
	if in.Invoice.ID != "inv1" || in.ContactID != "ann" || in.Email != "ann@example.com" ||
		in.SuccessURL != "https://portal.example.com/clients/invoices/inv1/payment/done" ||
		in.CancelURL != "https://portal.example.com/clients/invoices/inv1/payment/canceled" {
		t.Errorf("checkout input = %+v", in)
	}
	for name, r := range map[string]req{
		"a GET":            {path: "/clients/invoices/inv1/pay", as: "ann"},
		"no CSRF token":    {method: http.MethodPost, path: "/clients/invoices/inv1/pay", as: "ann", form: url.Values{}},
		"another's invoce": {method: http.MethodPost, path: "/clients/invoices/inv1/pay", as: "bob", form: url.Values{"csrf_token": {csrfFor("bob")}}},
	} {
		if w := e.do(r); w.Code == http.StatusSeeOther || w.Code == http.StatusOK {
			t.Errorf("%s: status %d, want a refusal", name, w.Code)
		}
	}
	if len(flow.inputs) != 1 {
		t.Errorf("the provider was asked %d times, want once", len(flow.inputs))
	}
}

func TestPayProblemsShowOnTheInvoicePage(t *testing.T) {
	for _, c := range []struct {
		err    error
		notice string
		text   string
	}{
		{fmt.Errorf("x: %w", payments.ErrUnavailable), "unavailable", "cannot be reached right now. Nothing was charged."},
		{bridge.ErrAlreadyPaid, "already", "cannot be paid again"},
		{payflow.ErrNotPayable, "not_payable", "cannot be paid online"},
		{payments.ErrRefused, "refused", "did not accept the request"},
	} {
		flow := &stubFlow{status: payflow.Status{CanPay: true}, err: c.err}
		e := newEnv(t, withPayments(flow))
		w := e.post("/clients/invoices/inv1/pay", "ann", nil)
		wantStatus(t, w, http.StatusSeeOther)
		loc := w.Header().Get("Location")
		if loc != "/clients/invoices/inv1?payment="+c.notice+"#h-pay" {
			t.Errorf("%v: Location = %q", c.err, loc)
			continue
		}
		page := e.do(req{path: strings.TrimSuffix(loc, "#h-pay"), as: "ann"})
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, c.text)
	}
}

func TestPaySlowProviderIsUnavailable(t *testing.T) {
	flow := &stubFlow{status: payflow.Status{CanPay: true}, delay: 5 * time.Second}
	e := newEnv(t, withPayments(flow))
	start := time.Now()
	w := e.post("/clients/invoices/inv1/pay", "ann", nil)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the click waited %v for a slow provider", took)
	}
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); !strings.Contains(loc, "payment=unavailable") {
		t.Errorf("Location = %q, want the unavailable notice", loc)
	}
	api := e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "ann", csrf: csrfFor("ann")})
	wantStatus(t, api, http.StatusServiceUnavailable)
	wantBody(t, api, "Payment provider unavailable")
}

func TestCheckoutAPI(t *testing.T) {
	flow := &stubFlow{status: payflow.Status{CanPay: true}, checkout: payments.Checkout{SessionID: "cs_test_1", URL: checkoutURL}}
	e := newEnv(t, withPayments(flow))
	w := e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "ann", csrf: csrfFor("ann")})
	wantStatus(t, w, http.StatusOK)
	var got checkoutJSON
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.URL != checkoutURL {
		t.Errorf("body = %s (%v)", w.Body, err)
	}
	wantStatus(t, e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "ann", bearer: true}), http.StatusOK)
	wantStatus(t, e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "ann"}), http.StatusForbidden)
	wantStatus(t, e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "bob", bearer: true}), http.StatusNotFound)
	flow.err = bridge.ErrAlreadyPaid
	w = e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "Already paid", "urn:clientgate:problem:conflict")
}

func TestPaymentStatesOnTheInvoicePage(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	paid := bridge.PaymentAttempt{ID: "a1", State: bridge.PaymentPaid, Amount: connectors.Money{Minor: 150600, Currency: "USD"},
		UpdatedAt: at, ReceiptURL: "https://pay.stripe.com/receipts/r1"}
	with := func(a bridge.PaymentAttempt, change func(*bridge.PaymentAttempt)) bridge.PaymentAttempt {
		change(&a)
		return a
	}
	for _, c := range []struct {
		name   string
		status payflow.Status
		want   []string
		not    []string
	}{
		{"paid", payflow.Status{HasAttempt: true, Attempt: paid},
			[]string{"Paid online", "We received your payment of $1,506.00 on Mar 4, 2026", `href="https://pay.stripe.com/receipts/r1"`}, []string{"/pay\""}},
		{"being confirmed", payflow.Status{HasAttempt: true, BeingConfirmed: true, Attempt: paid},
			[]string{"Paid online, being confirmed", "you do not need to pay again"}, []string{"/pay\""}},
		{"processing", payflow.Status{HasAttempt: true, Attempt: with(paid, func(a *bridge.PaymentAttempt) { a.State = bridge.PaymentProcessing })},
			[]string{"Payment processing"}, []string{"/pay\""}},
		{"failed", payflow.Status{HasAttempt: true, CanPay: true, Attempt: with(paid, func(a *bridge.PaymentAttempt) {
			a.State, a.Reason = bridge.PaymentFailed, "Your card was declined."
		})}, []string{"Payment failed", "did not go through: Your card was declined. Nothing was charged.", `action="/clients/invoices/inv1/pay"`}, nil},
		{"refunded", payflow.Status{HasAttempt: true, CanPay: true, Attempt: with(paid, func(a *bridge.PaymentAttempt) {
			a.State, a.Refunded = bridge.PaymentRefunded, a.Amount
		})}, []string{"Refunded", "was refunded to you ($1,506.00)"}, nil},
		{"disputed", payflow.Status{HasAttempt: true, Attempt: with(paid, func(a *bridge.PaymentAttempt) {
			a.State, a.Reason = bridge.PaymentDisputed, "The payment is disputed (fraudulent)."
		})}, []string{"Payment disputed", "(fraudulent)"}, []string{"/pay\""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, withPayments(&stubFlow{status: c.status}))
			w := e.do(req{path: "/clients/invoices/inv1", as: "ann"})
			wantStatus(t, w, http.StatusOK)
			wantBody(t, w, c.want...)
			wantNoBody(t, w, c.not...)
		})
	}
}

func TestPaymentsModuleSwitches(t *testing.T) {
	flow := &stubFlow{status: payflow.Status{CanPay: true}, checkout: payments.Checkout{URL: checkoutURL}}
	off := newEnv(t, func(o *Options) {
		withPayments(flow)(o)
		o.Modules = map[string]bool{modPayments: false}
	})
	checkPaymentsOff(t, off, "ann")
	on := newEnv(t, withPayments(flow))
	if err := on.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann",
		Modules: map[string]bool{modPayments: false}}); err != nil {
		t.Fatal(err)
	}
	checkPaymentsOff(t, on, "ann")
	wantStatus(t, on.do(req{path: "/clients/invoices/inv1", as: "ann"}), http.StatusOK)
	none := newEnv(t, nil)
	checkPaymentsOff(t, none, "ann")
	wantBody(t, none.do(req{path: "/clients/invoices/inv1", as: "ann"}), "https://pay.example.com/inv1")
	wantStatus(t, none.do(req{method: http.MethodPost, path: "/hooks/stripe"}), http.StatusNotFound)
}

// checkPaymentsOff: no Pay button, the pay routes 404, the nav has no
// payments entry.
func checkPaymentsOff(t *testing.T, e *env, as string) {
	t.Helper()
	page := e.do(req{path: "/clients/invoices/inv1", as: as})
	wantNoBody(t, page, "/pay\"", `href="/clients/payments"`)
	for _, w := range []*httptest.ResponseRecorder{
		e.post("/clients/invoices/inv1/pay", as, nil),
		e.do(req{path: "/clients/invoices/inv1/payment/done", as: as}),
		e.do(req{method: http.MethodPost, path: "/api/v1/invoices/inv1/checkout", as: as, bearer: true}),
	} {
		if w.Code != http.StatusNotFound {
			t.Errorf("payments off: status %d, want 404", w.Code)
		}
	}
}

func TestPaymentReturnPages(t *testing.T) {
	flow := &stubFlow{status: payflow.Status{HasAttempt: true, Attempt: bridge.PaymentAttempt{State: bridge.PaymentProcessing,
		Amount: connectors.Money{Minor: 150600, Currency: "USD"}, UpdatedAt: time.Now()}}}
	e := newEnv(t, withPayments(flow))
	done := e.do(req{path: "/clients/invoices/inv1/payment/done", as: "ann"})
	wantStatus(t, done, http.StatusOK)
	wantBody(t, done, "Thank you for paying invoice INV-0001", "Payment processing")
	flow.status = payflow.Status{CanPay: true}
	back := e.do(req{path: "/clients/invoices/inv1/payment/canceled", as: "ann"})
	wantStatus(t, back, http.StatusOK)
	wantBody(t, back, "Payment of invoice INV-0001 not completed", "Nothing was charged", `action="/clients/invoices/inv1/pay"`)
	wantStatus(t, e.do(req{path: "/clients/invoices/inv1/payment/done", as: "bob"}), http.StatusNotFound)
}

func TestPaymentWebhookRoute(t *testing.T) {
	flow := &stubFlow{webhook: payflow.WebhookResult{Outcome: bridge.EventApplied}}
	var after []payflow.WebhookResult
	var afterErr error
	e := newEnv(t, func(o *Options) {
		withPayments(flow)(o)
		o.Payments.AfterWebhook = func(_ context.Context, res payflow.WebhookResult) error {
			after = append(after, res)
			return afterErr
		}
	})
	send := func() *httptest.ResponseRecorder {
		return e.do(req{method: http.MethodPost, path: "/hooks/stripe", json: `{"id":"evt_1"}`})
	}
	w := send()
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `"received":true`, `"outcome":"applied"`)
	if len(after) != 1 {
		t.Errorf("AfterWebhook ran %d times, want once", len(after))
	}
	afterErr = errors.New("queue down")
	wantStatus(t, send(), http.StatusInternalServerError)
	for err, want := range map[error]int{
		fmt.Errorf("x: %w", payments.ErrSignature): http.StatusBadRequest,
		fmt.Errorf("x: %w", payments.ErrPayload):   http.StatusBadRequest,
		errors.New("ledger down"):                  http.StatusInternalServerError,
	} {
		flow.hookErr = err
		before := len(after)
		w := send()
		wantStatus(t, w, want)
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/problem+json") {
			t.Errorf("%v: content type %q", err, w.Header().Get("Content-Type"))
		}
		if len(after) != before {
			t.Errorf("%v: AfterWebhook ran for a refused delivery", err)
		}
	}
	wantStatus(t, e.do(req{path: "/hooks/stripe"}), http.StatusMethodNotAllowed)
}

// TestPaymentWebhookWhilePortalClosed: a payment made before the portal
// was closed is still taken from the provider's webhook.
func TestPaymentWebhookWhilePortalClosed(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		withPayments(&stubFlow{webhook: payflow.WebhookResult{Outcome: bridge.EventApplied}})(o)
		o.Enabled = false
	})
	wantStatus(t, e.do(req{method: http.MethodPost, path: "/hooks/stripe", json: `{"id":"evt_1"}`}), http.StatusOK)
	wantStatus(t, e.do(req{path: "/clients/invoices/inv1", as: "ann"}), http.StatusServiceUnavailable)
}

// TestReceiptAskedOnce: a receipt the ledger lacks is asked of the
// provider once, not on every view of the invoice.
func TestReceiptAskedOnce(t *testing.T) {
	flow := &stubFlow{receipt: "https://pay.stripe.com/receipts/r9", status: payflow.Status{HasAttempt: true,
		Attempt: bridge.PaymentAttempt{ID: "a9", State: bridge.PaymentPaid, IntentID: "pi_9",
			Amount: connectors.Money{Minor: 100, Currency: "USD"}}}}
	e := newEnv(t, withPayments(flow))
	for range 3 {
		wantBody(t, e.do(req{path: "/clients/invoices/inv1", as: "ann"}), `href="https://pay.stripe.com/receipts/r9"`)
	}
	if flow.receipts != 1 {
		t.Errorf("the provider was asked for the receipt %d times, want once", flow.receipts)
	}
}

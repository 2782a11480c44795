package stripe_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe"
	"clientgate/connectors/payments/stripe/stripetest"
)

// recorded is one request that went through the recording proxy.
type recorded struct {
	path string
	form url.Values
	hdr  http.Header
}

// recordingProxy forwards to stripe-mock and keeps every request.
func recordingProxy(t *testing.T, target string) (string, func() []recorded) {
	t.Helper()
	u, _ := url.Parse(target)
	proxy := httputil.NewSingleHostReverseProxy(u)
	var mu sync.Mutex
	var seen []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		mu.Lock()
		seen = append(seen, recorded{path: r.URL.Path, form: form, hdr: r.Header.Clone()})
		mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []recorded {
		mu.Lock()
		defer mu.Unlock()
		return append([]recorded(nil), seen...)
	}
}

// TestCheckoutRequestSent checks what a checkout asks Stripe for,
// through a proxy in front of stripe-mock (which validates every
// parameter against Stripe's OpenAPI description).
func TestCheckoutRequestSent(t *testing.T) {
	proxyURL, seen := recordingProxy(t, stripetest.MockURL(t))
	p, err := stripe.New(stripetest.Options(proxyURL))
	if err != nil {
		t.Fatal(err)
	}
	req := paymentstest.Request(285600, "EUR")
	req.InvoiceNumber = "INV-2025-047"
	co, err := p.CreateCheckout(context.Background(), req)
	if err != nil || co.SessionID == "" || !strings.HasPrefix(co.URL, "https://") {
		t.Fatalf("CreateCheckout = %+v, %v", co, err)
	}
	calls := seen()
	if len(calls) != 1 || calls[0].path != "/v1/checkout/sessions" {
		t.Fatalf("calls = %+v", calls)
	}
	f, h := calls[0].form, calls[0].hdr
	want := map[string]string{
		"mode": "payment", "success_url": req.SuccessURL, "cancel_url": req.CancelURL,
		"customer_email": "zoe@example.com", "client_reference_id": req.InvoiceID,
		"line_items[0][quantity]": "1", "line_items[0][price_data][currency]": "eur",
		"line_items[0][price_data][unit_amount]":        "285600",
		"line_items[0][price_data][product_data][name]": "Invoice INV-2025-047",
		"metadata[clientgate_attempt]":                  req.AttemptID, "metadata[clientgate_invoice]": req.InvoiceID,
		"metadata[clientgate_contact]": req.ContactID, "metadata[clientgate_amount_due]": "285600 EUR",
		"metadata[clientgate_portal]":                       "conformance",
		"payment_intent_data[metadata][clientgate_attempt]": req.AttemptID,
		"payment_intent_data[metadata][clientgate_invoice]": req.InvoiceID,
		"payment_intent_data[description]":                  "Invoice INV-2025-047",
	}
	for k, v := range want {
		if got := f.Get(k); got != v {
			t.Errorf("form %s = %q, want %q", k, got, v)
		}
	}
	if got := h.Get("Idempotency-Key"); got != req.IdempotencyKey {
		t.Errorf("Idempotency-Key = %q, want %q", got, req.IdempotencyKey)
	}
	if got := h.Get("Authorization"); got != "Bearer "+stripetest.SecretKey {
		t.Errorf("Authorization = %q", got)
	}
}

// TestErrors maps Stripe's answers to the payments sentinels, and keeps
// the secret key out of the errors.
func TestErrors(t *testing.T) {
	status := 0
	body := ""
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	defer srv.Close()
	opts := stripetest.Options(srv.URL)
	opts.Retries = 0
	p, err := stripe.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		status int
		body   string
		want   error
	}{
		{401, `{"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}}`, payments.ErrAuth},
		{400, `{"error":{"type":"invalid_request_error","message":"Amount must be at least 0.50 eur","param":"line_items[0][price_data][unit_amount]"}}`, payments.ErrInvalid},
		{400, `{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters"}}`, payments.ErrRefused},
		{429, `{"error":{"type":"rate_limit_error","message":"Too many requests"}}`, payments.ErrUnavailable},
		{500, `{"error":{"type":"api_error","message":"Something went wrong"}}`, payments.ErrUnavailable},
		{502, `<html>bad gateway</html>`, payments.ErrUnavailable},
	} {
		status, body = c.status, c.body
		_, err := p.CreateCheckout(context.Background(), paymentstest.Request(100, "EUR"))
		if !errors.Is(err, c.want) {
			t.Errorf("HTTP %d %s: err = %v, want %v", c.status, c.body, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), stripetest.SecretKey) {
			t.Errorf("error shows the secret key: %v", err)
		}
	}
	status, body = 400, `{"error":{"type":"invalid_request_error","message":"Only Checkout Sessions with a status in [\"open\"] can be expired."}}`
	if err := p.ExpireCheckout(context.Background(), "cs_closed"); err != nil {
		t.Errorf("expiring a closed checkout: %v", err)
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	for name, o := range map[string]stripe.Options{
		"no key":          {WebhookSecret: "whsec_x"},
		"no secret":       {SecretKey: "sk_test_x"},
		"bad URL":         {SecretKey: "sk_test_x", WebhookSecret: "whsec_x", APIURL: "ftp://x"},
		"negative retrys": {SecretKey: "sk_test_x", WebhookSecret: "whsec_x", Retries: -1},
	} {
		if _, err := stripe.New(o); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
	p, err := stripe.New(stripe.Options{SecretKey: "sk_test_x", WebhookSecret: "whsec_x", Currencies: []string{"CHF"}})
	if err != nil || !p.Supports("CHF") || !p.Supports("chf") || p.Supports("EUR") {
		t.Errorf("configured currencies: %v", err)
	}
}

func TestMockRefusesBadKey(t *testing.T) {
	opts := stripetest.Options(stripetest.MockURL(t))
	opts.SecretKey = "not-a-key"
	p, _ := stripe.New(opts)
	_, err := p.CreateCheckout(context.Background(), paymentstest.Request(100, "EUR"))
	if !errors.Is(err, payments.ErrAuth) {
		t.Errorf("bad key: err = %v, want ErrAuth", err)
	}
	// stripe-mock echoes the Authorization header it refused.
	if err != nil && strings.Contains(err.Error(), opts.SecretKey) {
		t.Errorf("the error shows the secret key: %v", err)
	}
}

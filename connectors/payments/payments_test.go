package payments

import (
	"errors"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
)

func TestIdempotencyKey(t *testing.T) {
	eur := func(m int64) connectors.Money { return connectors.Money{Minor: m, Currency: "EUR"} }
	a := IdempotencyKey("inv-1", eur(100))
	if a != IdempotencyKey("inv-1", eur(100)) || !strings.HasPrefix(a, "clientgate-") || len(a) > 64 {
		t.Fatalf("key %q is not stable and short", a)
	}
	for _, other := range []string{
		IdempotencyKey("inv-2", eur(100)), IdempotencyKey("inv-1", eur(101)),
		IdempotencyKey("inv-1", connectors.Money{Minor: 100, Currency: "USD"}), IdempotencyKey("inv-10", eur(0)),
	} {
		if other == a {
			t.Errorf("different invoice or amount gave the same key %q", a)
		}
	}
}

func TestCheckoutRequestValidate(t *testing.T) {
	ok := CheckoutRequest{AttemptID: "a", InvoiceID: "i", InvoiceNumber: "INV-1", ContactID: "c",
		Amount: connectors.Money{Minor: 100, Currency: "EUR"}, SuccessURL: "https://portal.example/ok",
		CancelURL: "http://127.0.0.1:8080/back", IdempotencyKey: "k"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid request: %v", err)
	}
	if ok.Describe() != "Invoice INV-1" {
		t.Errorf("Describe = %q", ok.Describe())
	}
	for name, change := range map[string]func(*CheckoutRequest){
		"no attempt":       func(r *CheckoutRequest) { r.AttemptID = "" },
		"long invoice ID":  func(r *CheckoutRequest) { r.InvoiceID = strings.Repeat("x", 201) },
		"NUL in contact":   func(r *CheckoutRequest) { r.ContactID = "a\x00" },
		"no key":           func(r *CheckoutRequest) { r.IdempotencyKey = " " },
		"zero amount":      func(r *CheckoutRequest) { r.Amount.Minor = 0 },
		"lower currency":   func(r *CheckoutRequest) { r.Amount.Currency = "eur" },
		"relative success": func(r *CheckoutRequest) { r.SuccessURL = "/clients/ok" },
		"javascript URL":   func(r *CheckoutRequest) { r.CancelURL = "javascript:alert(1)" },
		"bad UTF-8 email":  func(r *CheckoutRequest) { r.Email = "\xff@x" },
	} {
		r := ok
		change(&r)
		if err := r.Validate(); !errors.Is(err, ErrInvalid) || !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	m.Payment("stripe", "paid")
	m.Webhook("stripe", "duplicate")
	m.Checkout("stripe", "created")
	m.SetWritebacks(3, 1)
	if got := testutil.ToFloat64(m.payments.WithLabelValues("stripe", "paid")); got != 1 {
		t.Errorf("payments paid = %v", got)
	}
	if got := testutil.ToFloat64(m.writebacks.WithLabelValues("pending")); got != 3 {
		t.Errorf("writebacks pending = %v", got)
	}
	if _, err := NewMetrics(reg); err == nil {
		t.Error("registering twice succeeded")
	}
	var none *Metrics
	none.Payment("stripe", "paid") // a nil *Metrics counts nothing and does not panic
}

func TestMetricsInitAtZero(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	m.Init("stripe")
	want := len(PaymentOutcomes) + len(CheckoutOutcomes) + len(WebhookOutcomes) + 2
	if n, err := testutil.GatherAndCount(reg); err != nil || n != want {
		t.Errorf("%d series after Init (%v), want %d", n, err, want)
	}
	if got := testutil.ToFloat64(m.webhooks.WithLabelValues("stripe", "bad_signature")); got != 0 {
		t.Errorf("bad_signature = %v, want 0", got)
	}
}

package paymentstest

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/payments"
)

// CheckSupports: EUR and USD are taken; an empty, unknown or test code is
// not.
func CheckSupports(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Open(t)
	for _, c := range []string{"EUR", "USD"} {
		if !p.Supports(c) {
			r.Errorf("Supports(%q) = false", c)
		}
	}
	for _, c := range []string{"", "XTS", "eurx", "XXX"} {
		if p.Supports(c) {
			r.Errorf("Supports(%q) = true", c)
		}
	}
	if p.Name() == "" {
		r.Errorf("Name is empty")
	}
}

// CheckCheckout: a checkout comes back with an ID and an absolute URL;
// the same request again succeeds too (idempotency key); receipts and
// expiry answer without error.
func CheckCheckout(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Open(t)
	ctx := context.Background()
	req := Request(12000, "EUR")
	co, err := p.CreateCheckout(ctx, req)
	if err != nil {
		r.Errorf("CreateCheckout: %v", err)
		return
	}
	if u, err := url.Parse(co.URL); co.SessionID == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		r.Errorf("checkout = %+v; want a session ID and an absolute URL", co)
	}
	if _, err := p.CreateCheckout(ctx, req); err != nil {
		r.Errorf("CreateCheckout again with the same idempotency key: %v", err)
	}
	if _, err := p.CreateCheckout(ctx, Request(5000, "JPY")); err != nil && p.Supports("JPY") {
		r.Errorf("CreateCheckout in a zero-decimal currency: %v", err)
	}
	if _, err := p.ReceiptURL(ctx, "pi_conformance"); err != nil {
		r.Errorf("ReceiptURL: %v", err)
	}
	if err := p.ExpireCheckout(ctx, co.SessionID); err != nil {
		r.Errorf("ExpireCheckout: %v", err)
	}
}

// CheckRefusals: malformed requests and unsupported currencies are
// refused before any call (the provider given here cannot be reached, so
// a call would be ErrUnavailable).
func CheckRefusals(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Unreachable(t)
	ctx := context.Background()
	for name, change := range map[string]func(*payments.CheckoutRequest){
		"zero amount":      func(q *payments.CheckoutRequest) { q.Amount.Minor = 0 },
		"negative amount":  func(q *payments.CheckoutRequest) { q.Amount.Minor = -100 },
		"no attempt":       func(q *payments.CheckoutRequest) { q.AttemptID = "" },
		"no key":           func(q *payments.CheckoutRequest) { q.IdempotencyKey = "" },
		"relative success": func(q *payments.CheckoutRequest) { q.SuccessURL = "/paid" },
	} {
		q := Request(100, "EUR")
		change(&q)
		_, err := p.CreateCheckout(ctx, q)
		if !errors.Is(err, payments.ErrInvalid) {
			r.Errorf("CreateCheckout with %s: err = %v, want ErrInvalid", name, err)
		}
	}
	_, err := p.CreateCheckout(ctx, Request(100, "XTS"))
	if !errors.Is(err, payments.ErrCurrency) || !errors.Is(err, connectors.ErrInvalid) {
		r.Errorf("CreateCheckout in an unsupported currency: err = %v, want ErrCurrency", err)
	}
}

// CheckUnreachable: calls to a provider that does not answer fail soon
// with ErrUnavailable.
func CheckUnreachable(r Reporter, t *testing.T, h Harness) {
	r.Helper()
	p := h.Unreachable(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := p.CreateCheckout(ctx, Request(100, "EUR"))
	wantErr(r, "CreateCheckout of an unreachable provider", err, payments.ErrUnavailable)
	_, err = p.ReceiptURL(ctx, "pi_x")
	wantErr(r, "ReceiptURL of an unreachable provider", err, payments.ErrUnavailable)
	wantErr(r, "ExpireCheckout of an unreachable provider", p.ExpireCheckout(ctx, "cs_x"), payments.ErrUnavailable)
}

func wantErr(r Reporter, what string, err, target error) {
	r.Helper()
	if !errors.Is(err, target) {
		r.Errorf("%s: err = %v, want %v", what, err, target)
	}
}

func eq[T comparable](r Reporter, what string, got, want T) {
	r.Helper()
	if got != want {
		r.Errorf("%s: got %v, want %v", what, got, want)
	}
}

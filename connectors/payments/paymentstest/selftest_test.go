package paymentstest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe/stripetest"
)

// recorder is a paymentstest.Reporter that keeps the failures.
type recorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// broken wraps the Stripe harness's providers with a bug.
type broken struct {
	stripetest.Harness
	wrap func(payments.Provider) payments.Provider
}

func (b broken) Open(t *testing.T) payments.Provider        { return b.wrap(b.Harness.Open(t)) }
func (b broken) Unreachable(t *testing.T) payments.Provider { return b.wrap(b.Harness.Unreachable(t)) }

// acceptAll ignores signature failures: it re-reads a refused delivery
// as if it had been signed well.
type acceptAll struct{ payments.Provider }

func (a acceptAll) ParseWebhook(payload []byte, h http.Header) (payments.Event, error) {
	ev, err := a.Provider.ParseWebhook(payload, h)
	if err != nil {
		return payments.Event{ID: "evt_conf_completed", Kind: payments.EventCheckoutCompleted}, nil
	}
	return ev, nil
}

// noValidation sends every request to the provider unchecked.
type noValidation struct{ payments.Provider }

func (n noValidation) CreateCheckout(ctx context.Context, r payments.CheckoutRequest) (payments.Checkout, error) {
	_, err := n.Provider.ReceiptURL(ctx, "pi_probe")
	return payments.Checkout{}, err
}

// lostMetadata drops the IDs the checkout echoed back.
type lostMetadata struct{ payments.Provider }

func (l lostMetadata) ParseWebhook(payload []byte, h http.Header) (payments.Event, error) {
	ev, err := l.Provider.ParseWebhook(payload, h)
	ev.AttemptID = ""
	return ev, err
}

func TestChecksCatchBrokenProviders(t *testing.T) {
	base := stripetest.Harness{URL: stripetest.MockURL(t)}
	for _, c := range []struct {
		name  string
		check func(paymentstest.Reporter, *testing.T, paymentstest.Harness)
		wrap  func(payments.Provider) payments.Provider
		want  string
	}{
		{"forged signatures accepted", paymentstest.CheckBadWebhooks,
			func(p payments.Provider) payments.Provider { return acceptAll{p} }, "forged"},
		{"requests not validated", paymentstest.CheckRefusals,
			func(p payments.Provider) payments.Provider { return noValidation{p} }, "want ErrInvalid"},
		{"metadata lost", paymentstest.CheckWebhooks,
			func(p payments.Provider) payments.Provider { return lostMetadata{p} }, "attempt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ok := &recorder{}
			c.check(ok, t, base)
			if len(ok.errs) > 0 {
				t.Fatalf("check fails on the real provider: %s", strings.Join(ok.errs, "\n"))
			}
			rec := &recorder{}
			c.check(rec, t, broken{base, c.wrap})
			if !strings.Contains(strings.Join(rec.errs, "\n"), c.want) {
				t.Errorf("broken provider: failures %q do not mention %q", rec.errs, c.want)
			}
		})
	}
}

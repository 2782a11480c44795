// Package stripetest helps tests run against stripe-mock: the mock's
// address from the environment, a paymentstest.Harness for the Stripe
// provider, and webhook deliveries built as Stripe sends them and signed
// with stripe-go's own test helper (webhook.GenerateTestSignedPayload).
package stripetest

import (
	"net"
	"net/http"
	"os"
	"testing"

	"clientgate/connectors/payments"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe"
)

// EnvMock names the variable holding stripe-mock's base URL, such as
// http://127.0.0.1:12111 (.ci/run starts stripe-mock and sets it).
const EnvMock = "CLIENTGATE_TEST_STRIPE_MOCK"

// Test credentials: stripe-mock accepts any test-mode key.
const (
	SecretKey     = "sk_test_clientgate"
	WebhookSecret = "whsec_clientgate_test_secret"
)

// MockURL returns stripe-mock's base URL. Without EnvMock it skips the
// test, or fails it when CI is set (CI must run these tests).
func MockURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvMock)
	if u != "" {
		return u
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set; .ci/run starts stripe-mock and sets it", EnvMock)
	}
	t.Skipf("stripe-mock not configured: go install github.com/stripe/stripe-mock@v0.203.0, run it, and set %s=http://127.0.0.1:PORT", EnvMock)
	return ""
}

// Options returns provider options for stripe-mock at url.
func Options(url string) stripe.Options {
	return stripe.Options{SecretKey: SecretKey, WebhookSecret: WebhookSecret, APIURL: url, Portal: "conformance"}
}

// Harness is the paymentstest.Harness of the Stripe provider against
// stripe-mock at URL.
type Harness struct{ URL string }

var _ paymentstest.Harness = Harness{}

// Open returns a provider talking to stripe-mock.
func (h Harness) Open(t *testing.T) payments.Provider {
	t.Helper()
	p, err := stripe.New(Options(h.URL))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Unreachable returns a provider pointed at a closed port, without
// retries.
func (h Harness) Unreachable(t *testing.T) payments.Provider {
	t.Helper()
	opts := Options(ClosedURL(t))
	opts.Retries = 0
	p, err := stripe.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Deliver builds and signs the delivery.
func (h Harness) Deliver(t *testing.T, d paymentstest.Delivery) ([]byte, http.Header) {
	t.Helper()
	return Deliver(t, d)
}

// ClosedURL returns the URL of a loopback port nothing listens on.
func ClosedURL(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

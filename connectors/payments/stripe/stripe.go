// Package stripe is the Stripe payment provider: Checkout Sessions for an
// invoice's amount due and webhook events verified with stripe-go's own
// verifier, on github.com/stripe/stripe-go/v82. The API's base URL is an
// option, so tests and local trials run against stripe-mock.
package stripe

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	stripego "github.com/stripe/stripe-go/v82"

	"clientgate/connectors/payments"
)

// Name is the provider's name in config, the ledger, logs and metrics.
const Name = "stripe"

// DefaultAPIURL is Stripe's API.
const DefaultAPIURL = "https://api.stripe.com"

// Options configures a Provider.
type Options struct {
	// SecretKey is the API secret key (sk_live_… or sk_test_…).
	SecretKey string
	// WebhookSecret is the webhook endpoint's signing secret (whsec_…).
	WebhookSecret string
	// APIURL is the API's base URL; default DefaultAPIURL.
	APIURL string
	// Tolerance is how old a webhook signature may be; default 5 minutes
	// (stripe-go's default).
	Tolerance time.Duration
	// Portal names this portal in every checkout's metadata, so that
	// events of other portals sharing the Stripe account are told apart.
	Portal string
	// Currencies are the ISO 4217 codes offered; default
	// DefaultCurrencies.
	Currencies []string
	// Timeout bounds each API call; default 20s.
	Timeout time.Duration
	// Retries is how many times stripe-go retries a call that failed on
	// the network or with a 409, 429 or 5xx (with the same idempotency
	// key); default 2.
	Retries int
	// HTTPClient, when set, sends the API calls (its Timeout is kept).
	HTTPClient *http.Client
	// Logger receives the provider's log lines; nil discards them.
	Logger *slog.Logger
}

// DefaultCurrencies are the currencies offered unless Options says
// otherwise: widely used ones whose minor unit Stripe counts as ISO 4217
// does. Three-decimal currencies are left out (Stripe wants their amounts
// rounded to ten), and so are those whose decimals Stripe treats
// differently (ISK, HUF, TWD, UGX).
var DefaultCurrencies = []string{
	"AUD", "BGN", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "ILS", "INR", "JPY",
	"KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SEK", "SGD", "THB", "TRY", "USD", "ZAR",
}

// Provider is Stripe. It is safe for concurrent use.
type Provider struct {
	opts   Options
	client *stripego.Client
	log    *slog.Logger
}

var _ payments.Provider = (*Provider)(nil)

// New checks opts and builds the Provider; it does not call Stripe.
func New(opts Options) (*Provider, error) {
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: opts.Timeout}
	}
	backend := stripego.GetBackendWithConfig(stripego.APIBackend, &stripego.BackendConfig{
		URL:               stripego.String(opts.APIURL),
		HTTPClient:        hc,
		MaxNetworkRetries: stripego.Int64(int64(opts.Retries)),
		LeveledLogger:     &stripego.LeveledLogger{Level: stripego.LevelNull},
	})
	backends := &stripego.Backends{API: backend, Connect: backend, Uploads: backend, MeterEvents: backend}
	return &Provider{
		opts:   opts,
		client: stripego.NewClient(opts.SecretKey, stripego.WithBackends(backends)),
		log:    opts.Logger,
	}, nil
}

func (o *Options) defaults() error {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	o.APIURL = strings.TrimRight(o.APIURL, "/")
	if u, err := url.Parse(o.APIURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("stripe: api_url %q is not an http(s) URL", o.APIURL)
	}
	switch {
	case strings.TrimSpace(o.SecretKey) == "":
		return fmt.Errorf("stripe: no secret key")
	case strings.TrimSpace(o.WebhookSecret) == "":
		return fmt.Errorf("stripe: no webhook secret")
	case o.Retries < 0:
		return fmt.Errorf("stripe: retries must not be negative")
	}
	if o.Tolerance <= 0 {
		o.Tolerance = 5 * time.Minute
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.Currencies == nil {
		o.Currencies = DefaultCurrencies
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return nil
}

// Name returns "stripe".
func (p *Provider) Name() string { return Name }

// Supports reports whether the currency is one of Options.Currencies.
func (p *Provider) Supports(currency string) bool {
	return currency != "" && slices.Contains(p.opts.Currencies, strings.ToUpper(currency))
}

// CheckoutOrigin is where Stripe's hosted checkout pages are: the Pay
// form's redirect ends there, so the portal's CSP form-action must allow
// it.
const CheckoutOrigin = "https://checkout.stripe.com"

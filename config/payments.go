package config

import "strings"

// PaymentProviders lists the accepted values of payments.provider besides
// "" (payments off).
var PaymentProviders = []string{"stripe"}

// PaymentsConfig turns online payment of invoices on and configures the
// provider. An empty Provider turns payments off.
type PaymentsConfig struct {
	// Provider is "" (off) or "stripe".
	Provider string       `yaml:"provider"`
	Stripe   StripeConfig `yaml:"stripe"`
}

// StripeConfig configures the Stripe provider.
type StripeConfig struct {
	// SecretKey is the API secret key (sk_live_…, sk_test_…) or a
	// restricted key (rk_…).
	SecretKey string `yaml:"secret_key"`
	// WebhookSecret is the signing secret (whsec_…) of the webhook
	// endpoint that points at the portal's /hooks/stripe.
	WebhookSecret string `yaml:"webhook_secret"`
	// APIURL is Stripe's API, or stripe-mock's address in tests and
	// local trials.
	APIURL string `yaml:"api_url"`
}

// DefaultStripeAPIURL is payments.stripe.api_url's default.
const DefaultStripeAPIURL = "https://api.stripe.com"

func (c PaymentsConfig) validate(p *Problems) {
	switch c.Provider {
	case "":
	case "stripe":
		c.Stripe.validate(p)
	default:
		p.add("payments.provider", "%q is not one of %s (or empty to turn payments off)", c.Provider, strings.Join(PaymentProviders, ", "))
	}
}

func (s StripeConfig) validate(p *Problems) {
	const pre = "payments.stripe."
	const when = "required when payments.provider is stripe"
	switch {
	case s.SecretKey == "":
		p.add(pre+"secret_key", when)
	case !strings.HasPrefix(s.SecretKey, "sk_") && !strings.HasPrefix(s.SecretKey, "rk_"):
		p.add(pre+"secret_key", "must be a secret key (sk_…) or a restricted key (rk_…), not a publishable key")
	}
	switch {
	case s.WebhookSecret == "":
		p.add(pre+"webhook_secret", when)
	case !strings.HasPrefix(s.WebhookSecret, "whsec_"):
		p.add(pre+"webhook_secret", "must be the webhook endpoint's signing secret (whsec_…)")
	}
	checkURL(p, pre+"api_url", s.APIURL, true)
}

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
	// StaffWebhook tells staff about payments the CRM could not settle.
	StaffWebhook StaffWebhookConfig `yaml:"staff_webhook"`
}

// StaffWebhookConfig is the signed webhook that tells staff about online
// payments they must act on: paid online but not settled in the CRM, a
// payment or refund the CRM refused, a discrepancy, a dispute. Empty URL
// turns it off.
type StaffWebhookConfig struct {
	// URL receives a signed JSON POST per notice.
	URL string `yaml:"url"`
	// Secret signs each notice (X-Clientgate-Signature, HMAC-SHA256 of the
	// timestamp, a dot and the body, as the inbound webhook).
	Secret string `yaml:"secret"`
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
	c.StaffWebhook.validate(p)
}

func (w StaffWebhookConfig) validate(p *Problems) {
	const pre = "payments.staff_webhook."
	if w.URL == "" {
		return
	}
	checkURL(p, pre+"url", w.URL, true)
	if len(w.Secret) < 16 {
		p.add(pre+"secret", "required when payments.staff_webhook.url is set: at least 16 characters (openssl rand -hex 32)")
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

package config

import (
	"strings"
	"testing"
)

func TestPaymentsConfig(t *testing.T) {
	stripe := func(c *Config) {
		c.Payments.Provider = "stripe"
		c.Payments.Stripe.SecretKey, c.Payments.Stripe.WebhookSecret = "sk_test_123", "whsec_abc"
	}
	for _, tt := range []struct {
		name   string
		change func(c *Config)
		want   []string // substrings of the problems; none means valid
	}{
		{"off by default", func(c *Config) {}, nil},
		{"stripe", stripe, nil},
		{"stripe-mock", func(c *Config) { stripe(c); c.Payments.Stripe.APIURL = "http://127.0.0.1:12111" }, nil},
		{"restricted key", func(c *Config) { stripe(c); c.Payments.Stripe.SecretKey = "rk_live_1" }, nil},
		{"unknown provider", func(c *Config) { c.Payments.Provider = "paypal" }, []string{"payments.provider: \"paypal\""}},
		{"stripe without secrets", func(c *Config) { c.Payments.Provider = "stripe" }, []string{
			"payments.stripe.secret_key: required", "payments.stripe.webhook_secret: required"}},
		{"publishable key, bad secret, bad URL", func(c *Config) {
			stripe(c)
			c.Payments.Stripe.SecretKey, c.Payments.Stripe.WebhookSecret, c.Payments.Stripe.APIURL = "pk_test_1", "s3cret", "api.stripe.com"
		}, []string{"secret_key: must be a secret key", "webhook_secret: must be", "api_url: must start with http"}},
		{"staff webhook", func(c *Config) {
			c.Payments.StaffWebhook = StaffWebhookConfig{URL: "https://ops.example.com/hooks/payments", Secret: "0123456789abcdef"}
		}, nil},
		{"staff webhook without a secret", func(c *Config) { c.Payments.StaffWebhook.URL = "https://ops.example.com/x" },
			[]string{"payments.staff_webhook.secret: required"}},
		{"staff webhook bad URL", func(c *Config) {
			c.Payments.StaffWebhook = StaffWebhookConfig{URL: "ops.example.com", Secret: "0123456789abcdef"}
		}, []string{"payments.staff_webhook.url: must start with http"}},
		{"CJK font", func(c *Config) { c.Documents.Fonts = []string{"testdata/../load.go"} }, []string{"documents.fonts[0]: \"testdata/../load.go\" is not a TrueType"}},
		{"missing font", func(c *Config) { c.Documents.Fonts = []string{"/nonexistent/font.ttf"} }, []string{"documents.fonts[0]: \"/nonexistent/font.ttf\" cannot be read"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.change(c)
			err := c.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatal("valid; want problems")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("problems %q do not mention %q", err, w)
				}
			}
		})
	}
}

func TestPaymentsSecretsFromFiles(t *testing.T) {
	key := writeFile(t, "key", "sk_test_fromfile\n")
	hook := writeFile(t, "hook", "whsec_fromfile\n")
	env := []string{
		"CLIENTGATE_PAYMENTS_PROVIDER=stripe",
		"CLIENTGATE_PAYMENTS_STRIPE_SECRET_KEY_FILE=" + key,
		"CLIENTGATE_PAYMENTS_STRIPE_WEBHOOK_SECRET_FILE=" + hook,
		"CLIENTGATE_PAYMENTS_STRIPE_API_URL=http://127.0.0.1:12111",
	}
	c, err := Load("", env)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Payments.Stripe
	if c.Payments.Provider != "stripe" || s.SecretKey != "sk_test_fromfile" || s.WebhookSecret != "whsec_fromfile" || s.APIURL != "http://127.0.0.1:12111" {
		t.Errorf("payments from the environment = %+v", c.Payments)
	}
}

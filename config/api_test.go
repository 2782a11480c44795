package config

import (
	"strings"
	"testing"
)

func TestAPIAudience(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(c *Config)
		want   string // "" for valid
	}{
		{"off by default", func(*Config) {}, ""},
		{"an API audience", func(c *Config) { c.Auth.APIAudience, c.Auth.APIClients = "portal-api", []string{"portal"} }, ""},
		{"the old name is still read", func(c *Config) { c.Auth.BearerAudience = "portal-api" }, ""},
		{"the client ID", func(c *Config) { c.Auth.APIAudience = "portal" }, "auth.api_audience: must differ from auth.client_id"},
		{"the old name set to the client ID", func(c *Config) { c.Auth.BearerAudience = "portal" }, "auth.api_audience: must differ from auth.client_id"},
		{"both names, differing", func(c *Config) { c.Auth.APIAudience, c.Auth.BearerAudience = "a", "b" }, "auth.bearer_audience: is the old name"},
		{"introspection without audience", func(c *Config) { c.Auth.Introspection = true }, "auth.introspection: needs auth.api_audience"},
		{"negative rate limit", func(c *Config) { c.RateLimit.WritesPerSession = -1 }, "rate_limit.writes_per_session: must be at least 0"},
		{"zero window", func(c *Config) { c.RateLimit.Window = 0 }, "rate_limit.window"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			c.Auth.Issuer, c.Auth.ClientID = "https://id.example.com", "portal"
			c.Auth.RedirectURL, c.Auth.SessionKeys = "https://portal.example.com/auth/callback", []string{testKey}
			tt.change(c)
			c.Derive()
			err := c.Validate()
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("Validate = %v, want %q", err, tt.want)
			}
		})
	}
}

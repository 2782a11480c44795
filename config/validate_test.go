package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestValidateAccepts(t *testing.T) {
	mapping := writeFile(t, "mapping.yaml", "x: 1\n")
	tests := []struct {
		name   string
		change func(c *Config)
	}{
		{"defaults with auth", func(c *Config) {}},
		{"postgres", func(c *Config) { c.Database.DSN = "postgresql://u:p@db:5432/cg?sslmode=disable" }},
		{"sqlite file URI", func(c *Config) { c.Database.DSN = "file:/var/lib/cg.db?_pragma=busy_timeout(5000)" }},
		{"jetpackcrm", func(c *Config) {
			c.Connector.Type = TypeJetpackCRM
			c.Connector.JetpackCRM.URL = "https://crm.example.com"
			c.Connector.JetpackCRM.APIKey, c.Connector.JetpackCRM.APISecret = "k", "s"
		}},
		{"restapi", func(c *Config) { c.Connector.Type, c.Connector.RestAPI.MappingFile = TypeRestAPI, mapping }},
		{"metrics off", func(c *Config) { c.Metrics.Addr = "" }},
		{"loopback http issuer", func(c *Config) { c.Auth.Issuer = "http://127.0.0.1:5556/dex" }},
		{"local logo, short colour", func(c *Config) { c.Portal.LogoURL, c.Portal.AccentColor = "/static/logo.svg", "#abc" }},
		{"any port", func(c *Config) { c.Listen.Addr, c.Metrics.Addr, c.PublicURL = ":0", ":0", "https://portal.example.com" }},
		{"cache off ignores ttls", func(c *Config) { c.Cache.Enabled, c.Cache.TTL.Items = false, 0 }},
		{"nested base path", func(c *Config) { c.Portal.BasePath = "/portal/clients" }},
		{"field list", func(c *Config) { c.Portal.EditableFields = []string{"first_name", "address.city"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.change(c)
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		want   []string
	}{
		{"auth required for serve", func(c *Config) { c.Auth = Default().Auth }, []string{
			"auth.issuer: required", "auth.client_id: required", "auth.redirect_url: required", "auth.session_keys: required"}},
		{"bad session keys", func(c *Config) { c.Auth.SessionKeys = []string{"c2hvcnQ=", "!!!", testKey} }, []string{
			"auth.session_keys[0]: decodes to 5 bytes, want 32", "auth.session_keys[1]: is not base64"}},
		{"jetpackcrm needs its keys", func(c *Config) {
			c.Connector.Type = TypeJetpackCRM
			c.Connector.JetpackCRM.Timeout = 0
			c.Connector.JetpackCRM.PortalStatuses = nil
			c.Connector.JetpackCRM.Currency = "dollars"
		}, []string{
			`connector.jetpackcrm.currency: "dollars" is not an ISO 4217 currency code`,
			"connector.jetpackcrm.url: required when connector.type is jetpackcrm",
			"connector.jetpackcrm.api_key: required when connector.type is jetpackcrm",
			"connector.jetpackcrm.api_secret: required when connector.type is jetpackcrm",
			"connector.jetpackcrm.timeout: must be a duration greater than 0",
			"connector.jetpackcrm.portal_statuses: must list at least one status"}},
		{"restapi needs a mapping", func(c *Config) { c.Connector.Type = TypeRestAPI }, []string{
			"connector.restapi.mapping_file: required when connector.type is restapi"}},
		{"restapi mapping missing", func(c *Config) {
			c.Connector.Type, c.Connector.RestAPI.MappingFile = TypeRestAPI, filepath.Join(t.TempDir(), "none.yaml")
		}, []string{"connector.restapi.mapping_file: cannot be read"}},
		{"unknown connector", func(c *Config) { c.Connector.Type = "salesforce" }, []string{
			`connector.type: "salesforce" is not one of sqlstore, jetpackcrm, restapi`}},
		{"addresses and urls", func(c *Config) {
			c.Listen.Addr, c.Metrics.Addr, c.PublicURL = "8080", "127.0.0.1:99999", "ftp://x"
			c.Auth.Issuer, c.Auth.RedirectURL = "http://id.example.com", "/callback"
			c.Portal.LogoURL = "//evil.example.com/logo.png"
		}, []string{
			`listen.addr: "8080" is not a host:port address`, `metrics.addr: "127.0.0.1:99999" has an invalid port`,
			"public_url: must start with http:// or https://", "auth.issuer: must use https://",
			"auth.redirect_url: must start with http://", "portal.logo_url: must start with http://"}},
		{"trusted proxies", func(c *Config) { c.Listen.TrustedProxies = []string{"10.0.0.0/8", "::1", "proxy.local"} }, []string{
			`listen.trusted_proxies[2]: "proxy.local" is not an IP address or CIDR`}},
		{"metrics on the portal port", func(c *Config) { c.Metrics.Addr = c.Listen.Addr }, []string{
			"metrics.addr: must differ from listen.addr"}},
		{"pprof without metrics", func(c *Config) { c.Metrics.Addr, c.Metrics.Pprof = "", true }, []string{
			"metrics.pprof: needs metrics.addr"}},
		{"database", func(c *Config) { c.Database.DSN = "mysql://x" }, []string{"database.dsn: must be a file path"}},
		{"portal look", func(c *Config) {
			c.Portal.BasePath, c.Portal.AccentColor, c.Portal.Name = "/clients/", "blue", " "
		}, []string{`portal.base_path: "/clients/" must start with /`, `portal.accent_color: "blue" is not a hex colour`, "portal.name: required"}},
		{"base path without slash", func(c *Config) { c.Portal.BasePath = "clients" }, []string{"portal.base_path:"}},
		{"root base path", func(c *Config) { c.Portal.BasePath = "/" }, []string{"portal.base_path:"}},
		{"dot dot base path", func(c *Config) { c.Portal.BasePath = "/a/../b" }, []string{"portal.base_path:"}},
		{"fields", func(c *Config) {
			c.Portal.EditableFields = []string{"phone_home", "email", "third_address.*"}
			c.Portal.HiddenFields = []string{"nickname"}
		}, []string{`portal.editable_fields[1]: "email" is not a contact field`,
			`portal.editable_fields[2]: "third_address.*" is not a contact field`,
			`portal.hidden_fields[0]: "nickname" is not a contact field`}},
		{"durations and counts", func(c *Config) {
			c.Cache.TTL.Contact, c.Cache.NegativeTTL, c.Cache.MaxEntries = 0, -time.Second, 0
			c.Breaker.Failures, c.Breaker.OpenFor, c.Webhook.MaxAge = 0, 0, 0
			c.Auth.IdleTimeout, c.Auth.ClockSkew = 13*time.Hour, -time.Second
		}, []string{"cache.ttl.contact: must be a duration greater than 0", "cache.negative_ttl: must be",
			"cache.max_entries: must be at least 1", "breaker.failures: must be at least 1", "breaker.open_for: must be",
			"webhook.max_age: must be", "auth.idle_timeout: must not be longer", "auth.clock_skew: must not be negative"}},
		{"log, scopes, webhook", func(c *Config) {
			c.Log.Level, c.Log.Format, c.Auth.Scopes, c.Webhook.Secret = "loud", "xml", []string{"email"}, "short"
		}, []string{`log.level: "loud" is not one of`, `log.format: "xml" is not one of`, "auth.scopes: must include openid",
			"webhook.secret: must be at least 16 characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.change(c)
			wantProblems(t, problemsOf(t, c.Validate()), tt.want...)
		})
	}
}

func TestValidateAuthOptional(t *testing.T) {
	c := Default()
	c.Derive()
	if err := c.Validate(); err == nil {
		t.Error("Validate accepts a config without auth")
	}
	if err := c.ValidateAuthOptional(); err != nil {
		t.Errorf("ValidateAuthOptional: %v", err)
	}
	c.Auth.ClientID = "half-set"
	wantProblems(t, problemsOf(t, c.ValidateAuthOptional()), "auth.issuer: required", "auth.redirect_url: required", "auth.session_keys: required")
}

func TestExpandFields(t *testing.T) {
	got := ExpandFields([]string{"second_address.*", "phone_home", "phone_home", "bogus"})
	want := []string{"phone_home", "second_address.line1", "second_address.line2", "second_address.city",
		"second_address.region", "second_address.postcode", "second_address.country"}
	var names []string
	for _, f := range got {
		names = append(names, string(f))
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("ExpandFields = %v, want %v", names, want)
	}
}

func TestDecodeSessionKeys(t *testing.T) {
	a := AuthConfig{SessionKeys: []string{testKey, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"}}
	keys, err := a.DecodeSessionKeys()
	if err != nil || len(keys) != 2 || string(keys[0]) != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("keys = %q, err = %v", keys, err)
	}
	a.SessionKeys = append(a.SessionKeys, "secret-looking-but-bad")
	if _, err := a.DecodeSessionKeys(); err == nil || !strings.Contains(err.Error(), "auth.session_keys[2]") || strings.Contains(err.Error(), "secret-looking") {
		t.Errorf("err = %v", err)
	}
}

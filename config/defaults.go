package config

import (
	"path/filepath"
	"slices"
	"time"

	"clientgate/connectors/files"
)

// Connector types.
const (
	TypeSQLStore   = "sqlstore"
	TypeJetpackCRM = "jetpackcrm"
	TypeRestAPI    = "restapi"
)

// ConnectorTypes lists the accepted values of connector.type.
var ConnectorTypes = []string{TypeSQLStore, TypeJetpackCRM, TypeRestAPI}

// DefaultDBFile is the SQLite file name inside data_dir used when
// database.dsn is empty.
const DefaultDBFile = "clientgate.db"

// Default returns the configuration used when nothing is set. The derived
// keys (public_url, database.dsn) are left empty;
// Load fills them with Derive.
func Default() *Config {
	return &Config{
		Listen:    ListenConfig{Addr: "127.0.0.1:8080", TrustedProxies: []string{}},
		DataDir:   "./data",
		Log:       LogConfig{Level: "info", Format: "json"},
		Connector: defaultConnector(),
		Auth: AuthConfig{
			Scopes:          []string{"openid", "email", "profile"},
			SessionKeys:     []string{},
			SessionLifetime: 12 * time.Hour,
			IdleTimeout:     time.Hour,
			ClockSkew:       30 * time.Second,
			RecheckInterval: 2 * time.Second,
			SessionCacheTTL: 10 * time.Second,
			APIClients:      []string{},
		},
		Portal: PortalConfig{
			BasePath:    "/clients",
			Enabled:     true,
			Name:        "Client portal",
			AccentColor: "#2563eb",
			Modules: ModulesConfig{Invoices: true, Quotes: true, Transactions: true, Tasks: true, Details: true,
				Payments: true, Files: true, Tickets: true, Messages: true, Forms: true},
			EditableFields: []string{
				"phone_home", "phone_work", "phone_mobile", "address.*", "second_address.*",
			},
			HiddenFields: []string{},
			// Contacts see their company's items unless their own setting
			// says otherwise (and the connector can tell them apart).
			CompanyItemsDefault: true,
			DefaultLanguage:     "en",
			Languages:           []string{"en", "de", "fr", "es", "nl"},
			DefaultTimeZone:     "UTC",
			HSTSMaxAge:          365 * 24 * time.Hour,
		},
		Business:  BusinessConfig{},
		Documents: DocumentsConfig{Fonts: []string{}},
		Cache: CacheConfig{
			Enabled:              true,
			TTL:                  CacheTTL{Contact: 5 * time.Minute, Items: time.Minute},
			NegativeTTL:          30 * time.Second,
			StaleWindow:          time.Hour,
			MaxEntries:           100000,
			MaxEntriesPerContact: 256,
			ReadBudget:           2 * time.Second,
		},
		Breaker: BreakerConfig{Failures: 5, OpenFor: 30 * time.Second},
		Webhook: WebhookConfig{MaxAge: 5 * time.Minute},
		Metrics: MetricsConfig{Addr: "127.0.0.1:9090"},

		// Payments are off until payments.provider is set.
		Payments: PaymentsConfig{Stripe: StripeConfig{APIURL: DefaultStripeAPIURL}},
		Email:    EmailConfig{StaffTo: []string{}, CategoryTo: map[string][]string{}},
		RateLimit: RateLimitConfig{Window: time.Minute, SignInPerAddress: 30, ReadsPerSession: 600,
			WritesPerSession: 60, ReadsPerAddress: 1200, WritesPerAddress: 120},
		Files:   FilesConfig{MaxSize: "25MB", Quota: "1GB", Types: slices.Clone(files.DefaultTypes)},
		Tickets: TicketsConfig{Categories: []string{}},
		Forms:   []FormConfig{},
		Staff:   StaffConfig{Claim: "groups", Values: []string{}},
	}
}

func defaultConnector() ConnectorConfig {
	return ConnectorConfig{
		Type: TypeSQLStore,
		JetpackCRM: JetpackCRMConfig{
			Timeout:         10 * time.Second,
			Retries:         2,
			PageSize:        50,
			MaxPages:        100,
			PortalStatuses:  []string{"Lead", "Customer"},
			ProvisionStatus: "Lead",
			Currency:        "USD",
		},
	}
}

// Derive fills the keys whose default depends on other keys, when they
// are empty: public_url from listen.addr, database.dsn and files.url from
// data_dir;
// auth.api_audience takes auth.bearer_audience, its old name.
func (c *Config) Derive() {
	if c.PublicURL == "" && c.Listen.Addr != "" {
		c.PublicURL = "http://" + c.Listen.Addr
	}
	if c.Database.DSN == "" && c.DataDir != "" {
		c.Database.DSN = filepath.Join(c.DataDir, DefaultDBFile)
	}
	if c.Files.URL == "" && c.DataDir != "" {
		c.Files.URL = defaultFilesURL(c.DataDir)
	}
	if c.Auth.APIAudience == "" {
		c.Auth.APIAudience = c.Auth.BearerAudience
	}
}

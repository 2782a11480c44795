package config

import (
	"path/filepath"
	"time"
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
// keys (public_url, database.dsn, auth.bearer_audience) are left empty;
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
		},
		Portal: PortalConfig{
			BasePath:    "/clients",
			Enabled:     true,
			Name:        "Client portal",
			AccentColor: "#2563eb",
			Modules:     ModulesConfig{Invoices: true, Quotes: true, Transactions: true, Tasks: true, Details: true},
			EditableFields: []string{
				"phone_home", "phone_work", "phone_mobile", "address.*", "second_address.*",
			},
			HiddenFields: []string{},
		},
		Cache: CacheConfig{
			Enabled:     true,
			TTL:         CacheTTL{Contact: 5 * time.Minute, Items: time.Minute},
			NegativeTTL: 30 * time.Second,
			StaleWindow: time.Hour,
			MaxEntries:  100000,
			ReadBudget:  2 * time.Second,
		},
		Breaker: BreakerConfig{Failures: 5, OpenFor: 30 * time.Second},
		Webhook: WebhookConfig{MaxAge: 5 * time.Minute},
		Metrics: MetricsConfig{Addr: "127.0.0.1:9090"},
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
// are empty: public_url from listen.addr, database.dsn from data_dir and
// auth.bearer_audience from auth.client_id.
func (c *Config) Derive() {
	if c.PublicURL == "" && c.Listen.Addr != "" {
		c.PublicURL = "http://" + c.Listen.Addr
	}
	if c.Database.DSN == "" && c.DataDir != "" {
		c.Database.DSN = filepath.Join(c.DataDir, DefaultDBFile)
	}
	if c.Auth.BearerAudience == "" {
		c.Auth.BearerAudience = c.Auth.ClientID
	}
}

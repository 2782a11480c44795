// Package config holds clientgate's configuration: the Config struct, its
// defaults, loading from a YAML file with CLIENTGATE_* environment
// overrides (and *_FILE variants for secrets), and Validate, which reports
// every problem at once. It is the only package that reads configuration;
// cmd/clientgate copies the values into each package's Options.
package config

import "time"

// Config is the whole configuration. Every field has a yaml key; its
// environment variable is CLIENTGATE_ followed by the key path upper-cased
// with dots as underscores, such as CLIENTGATE_DATABASE_DSN.
type Config struct {
	Listen ListenConfig `yaml:"listen"`
	// PublicURL is the portal's external origin; default http:// plus
	// listen.addr.
	PublicURL string `yaml:"public_url"`
	// DataDir holds the default SQLite database.
	DataDir   string          `yaml:"data_dir"`
	Log       LogConfig       `yaml:"log"`
	Database  DatabaseConfig  `yaml:"database"`
	Connector ConnectorConfig `yaml:"connector"`
	Auth      AuthConfig      `yaml:"auth"`
	Portal    PortalConfig    `yaml:"portal"`
	Business  BusinessConfig  `yaml:"business"`
	// Documents configures invoice and quote PDFs.
	Documents DocumentsConfig `yaml:"documents"`
	Cache     CacheConfig     `yaml:"cache"`
	Breaker   BreakerConfig   `yaml:"breaker"`
	Webhook   WebhookConfig   `yaml:"webhook"`
	Metrics   MetricsConfig   `yaml:"metrics"`
	// Payments turns online payment of invoices on.
	Payments  PaymentsConfig  `yaml:"payments"`
	Email     EmailConfig     `yaml:"email"`
	RateLimit RateLimitConfig `yaml:"rate_limit"`
	// Files configures the document library and uploads.
	Files FilesConfig `yaml:"files"`
	// Tickets configures the tickets clients open; Staff who may use the
	// staff inbox.
	Tickets TicketsConfig `yaml:"tickets"`
	Staff   StaffConfig   `yaml:"staff"`
	// Forms are the operator's forms clients submit as tickets.
	Forms []FormConfig `yaml:"forms"`
}

// ListenConfig is where the portal's HTTP server listens.
type ListenConfig struct {
	Addr string `yaml:"addr"`
	// TrustedProxies are the addresses or CIDRs of reverse proxies whose
	// X-Forwarded-For header is believed for the client's IP.
	TrustedProxies []string `yaml:"trusted_proxies"`
}

// LogConfig sets the log level (debug, info, warn, error) and format
// (json, text).
type LogConfig struct {
	Level  string `yaml:"level"`
	Format string `yaml:"format"`
	// AccessProbes writes /healthz and /readyz requests to the access log.
	AccessProbes bool `yaml:"access_probes"`
}

// DatabaseConfig names the database of the built-in store and of the
// bridge's own tables: a plain path or file: URI selects SQLite,
// postgres:// or postgresql:// selects PostgreSQL.
type DatabaseConfig struct {
	DSN string `yaml:"dsn"`
}

// ConnectorConfig selects and configures the CRM connector.
type ConnectorConfig struct {
	// Type is sqlstore, jetpackcrm or restapi.
	Type       string           `yaml:"type"`
	JetpackCRM JetpackCRMConfig `yaml:"jetpackcrm"`
	RestAPI    RestAPIConfig    `yaml:"restapi"`
}

// JetpackCRMConfig configures the Jetpack CRM (WordPress) connector.
type JetpackCRMConfig struct {
	// URL is the WordPress site's base URL.
	URL       string        `yaml:"url"`
	APIKey    string        `yaml:"api_key"`
	APISecret string        `yaml:"api_secret"`
	Timeout   time.Duration `yaml:"timeout"`
	Retries   int           `yaml:"retries"`
	PageSize  int           `yaml:"page_size"`
	MaxPages  int           `yaml:"max_pages"`
	// PortalStatuses are the contact statuses that may use the portal.
	PortalStatuses []string `yaml:"portal_statuses"`
	// ProvisionStatus is the status of contacts created on first sign-in.
	ProvisionStatus string `yaml:"provision_status"`
	// Currency is the ISO 4217 code used where the CRM stores none (it
	// leaves transactions made through its API without one).
	Currency string `yaml:"currency"`
}

// AuthConfig configures OpenID Connect sign-in and sessions.
type AuthConfig struct {
	Issuer       string   `yaml:"issuer"`
	ClientID     string   `yaml:"client_id"`
	ClientSecret string   `yaml:"client_secret"`
	RedirectURL  string   `yaml:"redirect_url"`
	Scopes       []string `yaml:"scopes"`
	// SessionKeys are base64 32-byte keys; the first encrypts, all decrypt.
	SessionKeys     []string      `yaml:"session_keys"`
	SessionLifetime time.Duration `yaml:"session_lifetime"`
	IdleTimeout     time.Duration `yaml:"idle_timeout"`
	ClockSkew       time.Duration `yaml:"clock_skew"`
	// RecheckInterval is how long a session's identity link and portal
	// settings, and a contact's preferences (language, time zone), once
	// read, are trusted before they are read again; 0 reads them on every
	// request.
	RecheckInterval time.Duration `yaml:"recheck_interval"`
	// AllowUnverifiedEmail links identities by an email the provider has
	// not verified. Dangerous: anyone who can claim an address gets in.
	AllowUnverifiedEmail bool `yaml:"allow_unverified_email"`
	// AutoProvision creates a CRM contact on first sign-in.
	AutoProvision bool `yaml:"auto_provision"`
	// SessionCacheTTL is how long a replica keeps a session record it read
	// in memory; sessions ended elsewhere are broadcast at once on
	// PostgreSQL, else forgotten within it.
	SessionCacheTTL time.Duration `yaml:"session_cache_ttl"`
	// APIAudience is the audience a bearer token must name for the JSON
	// API; never client_id. Empty turns bearer access off.
	APIAudience string `yaml:"api_audience"`
	// APIClients are the clients (azp or client_id) whose tokens the API
	// accepts; needed for tokens with several audiences.
	APIClients []string `yaml:"api_clients"`
	// Introspection checks opaque access tokens at the provider's RFC 7662
	// endpoint, as IntrospectionClientID (default client_id).
	Introspection             bool   `yaml:"introspection"`
	IntrospectionClientID     string `yaml:"introspection_client_id"`
	IntrospectionClientSecret string `yaml:"introspection_client_secret"`
	// BearerAudience is the old name of APIAudience, still read.
	BearerAudience        string `yaml:"bearer_audience"`
	PostLogoutRedirectURL string `yaml:"post_logout_redirect_url"`
}

// PortalConfig configures what clients see.
type PortalConfig struct {
	BasePath    string        `yaml:"base_path"`
	Enabled     bool          `yaml:"enabled"`
	Name        string        `yaml:"name"`
	LogoURL     string        `yaml:"logo_url"`
	AccentColor string        `yaml:"accent_color"`
	Modules     ModulesConfig `yaml:"modules"`
	// EditableFields and HiddenFields name connectors.Field values; an
	// entry "address.*" stands for every field under address.
	EditableFields      []string `yaml:"editable_fields"`
	HiddenFields        []string `yaml:"hidden_fields"`
	CompanyItemsDefault bool     `yaml:"company_items_default"`
	// DefaultLanguage is the language of clients whose saved preference,
	// CRM locale and browser name none of Languages, the offered ones.
	DefaultLanguage string   `yaml:"default_language"`
	Languages       []string `yaml:"languages"`
	// DefaultTimeZone is the IANA time zone of clients who have none
	// saved (the browser's is detected and saved on their first page).
	DefaultTimeZone string `yaml:"default_timezone"`
	// HSTSMaxAge is the Strict-Transport-Security max-age sent when
	// public_url is https; 0 sends none.
	HSTSMaxAge time.Duration `yaml:"hsts_max_age"`
}

// ModulesConfig holds the global module switches.
type ModulesConfig struct {
	Invoices     bool `yaml:"invoices"`
	Quotes       bool `yaml:"quotes"`
	Transactions bool `yaml:"transactions"`
	Tasks        bool `yaml:"tasks"`
	Details      bool `yaml:"details"`
	// Payments shows the Pay button (with payments.provider set).
	Payments bool `yaml:"payments"`
	Files    bool `yaml:"files"`
	// Tickets are the client's support tickets; Messages the message
	// threads on invoices, quotes and tasks.
	Tickets  bool `yaml:"tickets"`
	Messages bool `yaml:"messages"`
	// Forms shows the operator's forms (with tickets on).
	Forms bool `yaml:"forms"`
}

// CacheConfig configures the read cache in front of the connector.
type CacheConfig struct {
	Enabled     bool          `yaml:"enabled"`
	TTL         CacheTTL      `yaml:"ttl"`
	NegativeTTL time.Duration `yaml:"negative_ttl"`
	// StaleWindow is how long a value may be served while the CRM fails.
	StaleWindow time.Duration `yaml:"stale_window"`
	MaxEntries  int           `yaml:"max_entries"`
	// MaxEntriesPerContact bounds the entries one contact's reads hold.
	MaxEntriesPerContact int `yaml:"max_entries_per_contact"`
	// ReadBudget is how long a request waits for the CRM before cached
	// data is served as stale while the refresh goes on; 0 waits for the
	// CRM.
	ReadBudget time.Duration `yaml:"read_budget"`
}

// CacheTTL holds how long cached values stay fresh.
type CacheTTL struct {
	Contact time.Duration `yaml:"contact"`
	Items   time.Duration `yaml:"items"`
}

// BreakerConfig configures the circuit breaker around the connector.
type BreakerConfig struct {
	// Failures is how many consecutive failures open the breaker.
	Failures int `yaml:"failures"`
	// OpenFor is how long it stays open before a trial call.
	OpenFor time.Duration `yaml:"open_for"`
}

// WebhookConfig configures the signed cache-invalidation webhook; it is
// off while Secret is empty.
type WebhookConfig struct {
	Secret string        `yaml:"secret"`
	MaxAge time.Duration `yaml:"max_age"`
}

// MetricsConfig configures the Prometheus listener; an empty Addr turns
// it off.
type MetricsConfig struct {
	Addr string `yaml:"addr"`
	// Pprof adds Go's profiling endpoints (/debug/pprof/) to the metrics
	// listener; off by default.
	Pprof bool `yaml:"pprof"`
}

// RateLimitConfig bounds requests per session and per client address in
// each replica (a count of 0 turns that limit off).
type RateLimitConfig struct {
	Window           time.Duration `yaml:"window"`
	SignInPerAddress int           `yaml:"signin_per_address"`
	ReadsPerSession  int           `yaml:"reads_per_session"`
	WritesPerSession int           `yaml:"writes_per_session"`
	ReadsPerAddress  int           `yaml:"reads_per_address"`
	WritesPerAddress int           `yaml:"writes_per_address"`
}

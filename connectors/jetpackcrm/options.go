package jetpackcrm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/httpclient"
)

// Options configures a Connector. cmd copies them from the config file.
type Options struct {
	// URL is the WordPress site's base URL, such as https://crm.example.com.
	URL string
	// APIKey and APISecret come from Jetpack CRM → Settings → API.
	APIKey    string
	APISecret string
	// Timeout bounds one CRM call, retries included (default 10s).
	Timeout time.Duration
	// Retries is how often an idempotent call is retried (default 2;
	// negative for none).
	Retries int
	// PageSize is the perpage sent when the connector pages through a CRM
	// list (default 100, at most 1000).
	PageSize int
	// MaxPages is the hard upper bound on pages fetched by one paging loop
	// (default 50).
	MaxPages int
	// PortalStatuses are the contact statuses that may use the portal,
	// compared ignoring case (default Lead, Customer).
	PortalStatuses []string
	// ProvisionStatus is the status given to contacts created on first
	// sign-in (default Lead).
	ProvisionStatus string
	// Currency is the ISO 4217 code used when the CRM leaves an amount's
	// currency empty, as it does for API-created transactions (default USD).
	Currency string
	// Logger receives warnings about data the connector skipped (default:
	// discard). Lines never hold the API secret.
	Logger *slog.Logger
	// HTTP tunes the outbound client. Timeout, Retries, SecretParams and
	// Logger are filled from the fields above.
	HTTP httpclient.Options
	// Now returns the current time, for tests (default time.Now).
	Now func() time.Time
}

// The defaults applied by New.
const (
	DefaultPageSize = 100
	DefaultMaxPages = 50
	maxPageSize     = 1000
)

func (o *Options) defaults() {
	if o.PageSize == 0 {
		o.PageSize = DefaultPageSize
	}
	if o.MaxPages == 0 {
		o.MaxPages = DefaultMaxPages
	}
	if len(o.PortalStatuses) == 0 {
		o.PortalStatuses = []string{"Lead", "Customer"}
	}
	if strings.TrimSpace(o.ProvisionStatus) == "" {
		o.ProvisionStatus = "Lead"
	}
	if o.Currency == "" {
		o.Currency = "USD"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// validate reports every problem with the options at once.
func (o *Options) validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("jetpackcrm: "+format, args...))
	}
	u, err := url.Parse(o.URL)
	switch {
	case strings.TrimSpace(o.URL) == "":
		bad("url is required")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		bad("url must be an absolute http or https URL")
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		bad("url must not hold a query, fragment or user info")
	}
	if strings.TrimSpace(o.APIKey) == "" {
		bad("api_key is required")
	}
	if strings.TrimSpace(o.APISecret) == "" {
		bad("api_secret is required")
	}
	if o.PageSize < 1 || o.PageSize > maxPageSize {
		bad("page_size %d must be between 1 and %d", o.PageSize, maxPageSize)
	}
	if o.MaxPages < 1 {
		bad("max_pages %d must be at least 1", o.MaxPages)
	}
	if o.Timeout < 0 {
		bad("timeout must not be negative")
	}
	for _, s := range o.PortalStatuses {
		if strings.TrimSpace(s) == "" {
			bad("portal_statuses must not hold an empty status")
		}
	}
	if _, err := connectors.ParseMoney("0", o.Currency); err != nil {
		bad("currency %q is not an ISO 4217 code", o.Currency)
	}
	if hasWideRune(o.ProvisionStatus) {
		bad("provision_status cannot hold characters outside the Basic Multilingual Plane")
	}
	return errors.Join(errs...)
}

// hasWideRune reports whether s holds a character that needs four bytes in
// UTF-8: the CRM's utf8mb3 tables cannot store it.
func hasWideRune(s string) bool {
	for _, r := range s {
		if r > 0xFFFF {
			return true
		}
	}
	return false
}

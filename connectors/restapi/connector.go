package restapi

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/httpclient"
)

// Options configures a Connector beyond its mapping.
type Options struct {
	// BaseURL, when set, replaces the mapping's base_url.
	BaseURL string
	// HTTP configures the outbound client; the API key's query parameter
	// is added to its SecretParams.
	HTTP httpclient.Options
	// Logger receives mapping errors and dropped items (default: discard).
	Logger *slog.Logger
	// Getenv reads environment variables for secrets (default os.Getenv).
	Getenv func(string) string
	// Metrics counts sub-requests, dropped items and cut listings
	// (default: counted nowhere).
	Metrics *Metrics
	// SubRequestLimit bounds the sub-requests in flight for one page
	// (default 4).
	SubRequestLimit int
	// Now is the clock of computed fields (default time.Now).
	Now func() time.Time
}

// Connector is a connectors.Connector for a REST API described by a
// Mapping. It is safe for concurrent use.
type Connector struct {
	m    *Mapping
	base *url.URL
	http *httpclient.Client
	auth authorizer
	log  *slog.Logger
	caps connectors.Capabilities
	met  *Metrics
	// subLimit bounds the sub-requests in flight for one page.
	subLimit int
	now      func() time.Time
	// payLocks serialises RecordPayment calls of one reference.
	payLocks keyLocks
}

var _ connectors.Connector = (*Connector)(nil)

// New validates m, reads its secrets and builds a Connector.
func New(m *Mapping, opts Options) (*Connector, error) {
	if m == nil {
		return nil, fmt.Errorf("restapi: no mapping")
	}
	mc := *m
	if opts.BaseURL != "" {
		mc.BaseURL = opts.BaseURL
	}
	if err := mc.Validate(); err != nil {
		return nil, err
	}
	base, err := url.Parse(mc.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("restapi: base_url: %w", err)
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if mc.Auth.Query != "" {
		opts.HTTP.SecretParams = append(append([]string(nil), opts.HTTP.SecretParams...), mc.Auth.Query)
	}
	client := httpclient.New(opts.HTTP)
	auth, err := newAuthorizer(mc.Auth, base, secretSource{getenv: opts.Getenv}, tokenClient(client))
	if err != nil {
		return nil, err
	}
	if opts.Metrics == nil {
		opts.Metrics, _ = NewMetrics(nil)
	}
	if opts.SubRequestLimit <= 0 {
		opts.SubRequestLimit = 4
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Connector{
		m: &mc, base: base, http: client, auth: auth,
		log: opts.Logger, caps: mc.capabilities(), met: opts.Metrics,
		subLimit: opts.SubRequestLimit, now: func() time.Time { return opts.Now().UTC() },
	}, nil
}

// Name returns "restapi".
func (c *Connector) Name() string { return "restapi" }

// Capabilities follow from which operations the mapping holds.
func (c *Connector) Capabilities() connectors.Capabilities { return c.caps }

// Ping sends the ping operation and expects a 2xx answer.
func (c *Connector) Ping(ctx context.Context) error {
	_, err := c.do(ctx, call{name: opPing, op: c.m.Operations.Ping})
	return err
}

// unsupported is the error of an operation the mapping leaves out.
func unsupported(name string) error {
	return fmt.Errorf("%w: restapi: %s is not mapped", connectors.ErrUnsupported, name)
}

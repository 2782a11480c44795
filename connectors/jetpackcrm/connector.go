package jetpackcrm

import (
	"context"
	"fmt"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/httpclient"
)

// Name is the connector's name in config, logs and metrics.
const Name = "jetpackcrm"

// Connector is a connectors.Connector over Jetpack CRM's zbs_api. It is
// safe for concurrent use.
type Connector struct {
	opts   Options
	base   string
	http   *httpclient.Client
	m      mapper
	emails *emailMemo
}

var _ connectors.Connector = (*Connector)(nil)

// New validates opts and builds a Connector. It does not call the CRM; use
// Ping for that.
func New(opts Options) (*Connector, error) {
	opts.defaults()
	if err := opts.validate(); err != nil {
		return nil, err
	}
	hopts := opts.HTTP
	hopts.Timeout = opts.Timeout
	hopts.Retries = opts.Retries
	hopts.SecretParams = append(append([]string(nil), hopts.SecretParams...), paramSecret)
	if hopts.Logger == nil {
		hopts.Logger = opts.Logger
	}
	return &Connector{
		opts: opts,
		base: strings.TrimRight(opts.URL, "/"),
		http: httpclient.New(hopts),
		m: mapper{
			portalStatuses: opts.PortalStatuses, currency: strings.ToUpper(opts.Currency),
			now: opts.Now, log: opts.Logger,
		},
		emails: newEmailMemo(memoSize),
	}, nil
}

// Name returns "jetpackcrm".
func (c *Connector) Name() string { return Name }

// Capabilities reports what the zbs_api allows: no quote decisions (the
// API has no way to accept a quote), no company items (company invoices
// are only reachable through the mis-wired companies endpoint), and
// payments recorded as transactions without settling the invoice.
func (c *Connector) Capabilities() connectors.Capabilities {
	return connectors.Capabilities{
		Invoices: true, Quotes: true, Transactions: true, Tasks: true,
		UpdateContact: true, CreateContact: true, RecordPayments: true,
	}
}

// Ping calls the status endpoint, which checks the key and secret.
func (c *Connector) Ping(ctx context.Context) error {
	body, err := c.get(ctx, "status", nil)
	if err != nil {
		return err
	}
	obj, err := decodeObject("status", body)
	if err != nil {
		return err
	}
	if string(obj["success"]) != "true" {
		return fmt.Errorf("%w: jetpackcrm: status: unexpected answer", connectors.ErrUnavailable)
	}
	return nil
}

// DecideQuote returns ErrUnsupported: the API cannot accept or decline a
// quote.
func (c *Connector) DecideQuote(context.Context, connectors.Scope, string, connectors.Decision) (connectors.Quote, bool, error) {
	return connectors.Quote{}, false, fmt.Errorf("%w: jetpackcrm: the Jetpack CRM API cannot accept or decline quotes", connectors.ErrUnsupported)
}

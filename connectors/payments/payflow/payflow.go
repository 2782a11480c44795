// Package payflow runs online payments end to end over the contracts:
// a client's request to pay an invoice (ledger attempt, provider
// checkout), the provider's webhooks (verified, applied to the ledger
// once) and the write-back of a payment into the CRM (RecordPayment, then
// marked in the ledger). The portal's handlers and the job queue call it;
// it keeps no state of its own.
package payflow

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
)

// ErrNotPayable means the invoice cannot be paid online: it is not open,
// nothing is due, or the provider does not take its currency. It matches
// connectors.ErrConflict.
var ErrNotPayable = fmt.Errorf("payflow: invoice cannot be paid online: %w", connectors.ErrConflict)

// Ledger is the payment ledger with its write-back records (the bridge
// store).
type Ledger interface {
	bridge.PaymentLedger
	bridge.PaymentWriteBacks
}

// Options configures a Flow.
type Options struct {
	Provider payments.Provider
	Ledger   Ledger
	// CRM records payments (RecordPayment); pass the decorated connector
	// (cache, breaker, metrics) the portal uses.
	CRM     connectors.Connector
	Metrics *payments.Metrics
	Logger  *slog.Logger
	Now     func() time.Time
}

// Flow runs payments; it is safe for concurrent use.
type Flow struct {
	p   payments.Provider
	l   Ledger
	crm connectors.Connector
	m   *payments.Metrics
	log *slog.Logger
	now func() time.Time
}

// New checks opts and returns a Flow.
func New(opts Options) (*Flow, error) {
	if opts.Provider == nil || opts.Ledger == nil || opts.CRM == nil {
		return nil, errors.New("payflow: a provider, a ledger and a CRM connector are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Flow{p: opts.Provider, l: opts.Ledger, crm: opts.CRM, m: opts.Metrics, log: opts.Logger, now: opts.Now}, nil
}

// Payable reports whether the portal may offer to pay inv online: it is
// unpaid, partly paid or overdue, something is due, and the provider takes
// its currency. (Whether it is paid or being paid already is the
// ledger's to say: see Status.)
func (f *Flow) Payable(inv connectors.Invoice) bool {
	return inv.Status.Open() && inv.AmountDue.Minor > 0 && f.p.Supports(inv.AmountDue.Currency)
}

// Provider names the flow's payment provider, such as "stripe".
func (f *Flow) Provider() string { return f.p.Name() }

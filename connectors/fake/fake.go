// Package fake provides in-memory implementations of the connectors
// contract for tests and demos: Connector, a CRM held in maps that passes
// the conformance suite, and Bridge, a bridge.Store. Both are safe for
// concurrent use and return copies, so callers cannot change what is
// stored.
package fake

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
)

// owned is a stored item with the contact or company it belongs to.
type owned[T any] struct {
	contactID string
	companyID string
	item      T
}

// Connector is an in-memory CRM implementing connectors.Connector. Items
// are added with the Add* methods; failures are injected with SetError
// and SetHook.
type Connector struct {
	mu        sync.Mutex
	caps      connectors.Capabilities
	companies map[string]connectors.Company
	contacts  map[string]connectors.Contact
	invoices  []owned[connectors.Invoice]
	quotes    []owned[connectors.Quote]
	txns      []owned[connectors.Transaction]
	tasks     []owned[connectors.Task]
	errs      map[string]error
	hook      func(ctx context.Context, op string)
	calls     map[string]int
	now       func() time.Time
}

// New returns an empty Connector with every capability on.
func New() *Connector {
	return &Connector{
		caps: connectors.Capabilities{
			Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true,
			Tasks: true, UpdateContact: true, CreateContact: true, CompanyItems: true,
			RecordPayments: true, SettlesInvoices: true,
		},
		companies: map[string]connectors.Company{},
		contacts:  map[string]connectors.Contact{},
		errs:      map[string]error{},
		calls:     map[string]int{},
		now:       func() time.Time { return time.Now().UTC() },
	}
}

// Name returns "fake".
func (f *Connector) Name() string { return "fake" }

// Capabilities returns the capabilities set with SetCapabilities (all on
// by default).
func (f *Connector) Capabilities() connectors.Capabilities {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.caps
}

// SetCapabilities changes which optional operations the connector
// supports; the others return ErrUnsupported.
func (f *Connector) SetCapabilities(c connectors.Capabilities) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.caps = c
}

// SetError makes every later call of method op (a Connector method name
// such as "ListInvoices"; "" for every method) fail with err wrapped.
// A nil err clears the failure for op.
func (f *Connector) SetError(op string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err == nil {
		delete(f.errs, op)
		return
	}
	f.errs[op] = err
}

// SetHook installs h, called at the start of every call that takes a
// context (before the context and injected errors are checked), without
// the connector's lock held: it may block, count or cancel. nil removes it.
func (f *Connector) SetHook(h func(ctx context.Context, op string)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hook = h
}

// Calls returns how many calls of method op (such as "ListInvoices") the
// connector has received so far, failed ones included.
func (f *Connector) Calls(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[op]
}

// begin counts a call of op, runs the hook, and returns the error the
// call must fail with: the context's, an injected one, or ErrUnsupported
// when supported is false. It is called without f.mu held.
func (f *Connector) begin(ctx context.Context, op string, supported func(connectors.Capabilities) bool) error {
	f.mu.Lock()
	f.calls[op]++
	hook := f.hook
	f.mu.Unlock()
	if hook != nil {
		hook(ctx, op)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("fake: %s: %w", op, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.errs[op]; err != nil {
		return fmt.Errorf("fake: %s: %w", op, err)
	}
	if err := f.errs[""]; err != nil {
		return fmt.Errorf("fake: %s: %w", op, err)
	}
	if supported != nil && !supported(f.caps) {
		return fmt.Errorf("fake: %s: %w", op, connectors.ErrUnsupported)
	}
	return nil
}

// newID returns a fresh opaque ID with a readable prefix.
func newID(prefix string) string { return prefix + "_" + uuid.NewString() }

// Ping succeeds unless an error is injected or ctx has ended.
func (f *Connector) Ping(ctx context.Context) error {
	return f.begin(ctx, "Ping", nil)
}

var _ connectors.Connector = (*Connector)(nil)

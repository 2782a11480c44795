package cache

import (
	"context"

	"clientgate/connectors"
)

// Name returns the wrapped connector's name.
func (b *CircuitBreaker) Name() string { return b.next.Name() }

// Capabilities returns the wrapped connector's capabilities.
func (b *CircuitBreaker) Capabilities() connectors.Capabilities { return b.next.Capabilities() }

// Ping asks the backend unless the breaker is open.
func (b *CircuitBreaker) Ping(ctx context.Context) error {
	_, err := guard(ctx, b, func() (struct{}, error) { return struct{}{}, b.next.Ping(ctx) })
	return err
}

// FindContactByEmail calls the backend unless the breaker is open.
func (b *CircuitBreaker) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	return guard(ctx, b, func() (connectors.Contact, error) { return b.next.FindContactByEmail(ctx, email) })
}

// GetContact calls the backend unless the breaker is open.
func (b *CircuitBreaker) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	return guard(ctx, b, func() (connectors.Contact, error) { return b.next.GetContact(ctx, contactID) })
}

// CreateContact calls the backend unless the breaker is open.
func (b *CircuitBreaker) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	return guard(ctx, b, func() (connectors.Contact, error) { return b.next.CreateContact(ctx, nc) })
}

// UpdateContact calls the backend unless the breaker is open.
func (b *CircuitBreaker) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	return guard(ctx, b, func() (connectors.Contact, error) { return b.next.UpdateContact(ctx, contactID, p) })
}

// GetCompany calls the backend unless the breaker is open.
func (b *CircuitBreaker) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	return guard(ctx, b, func() (connectors.Company, error) { return b.next.GetCompany(ctx, s) })
}

// ListInvoices calls the backend unless the breaker is open.
func (b *CircuitBreaker) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	return guard(ctx, b, func() (connectors.Page[connectors.Invoice], error) { return b.next.ListInvoices(ctx, s, p) })
}

// GetInvoice calls the backend unless the breaker is open.
func (b *CircuitBreaker) GetInvoice(ctx context.Context, s connectors.Scope, id string) (connectors.Invoice, error) {
	return guard(ctx, b, func() (connectors.Invoice, error) { return b.next.GetInvoice(ctx, s, id) })
}

// ListQuotes calls the backend unless the breaker is open.
func (b *CircuitBreaker) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	return guard(ctx, b, func() (connectors.Page[connectors.Quote], error) { return b.next.ListQuotes(ctx, s, p) })
}

// GetQuote calls the backend unless the breaker is open.
func (b *CircuitBreaker) GetQuote(ctx context.Context, s connectors.Scope, id string) (connectors.Quote, error) {
	return guard(ctx, b, func() (connectors.Quote, error) { return b.next.GetQuote(ctx, s, id) })
}

// decided carries DecideQuote's two results through guard.
type decided struct {
	q       connectors.Quote
	changed bool
}

// DecideQuote calls the backend unless the breaker is open.
func (b *CircuitBreaker) DecideQuote(ctx context.Context, s connectors.Scope, id string, d connectors.Decision) (connectors.Quote, bool, error) {
	r, err := guard(ctx, b, func() (decided, error) {
		q, changed, err := b.next.DecideQuote(ctx, s, id, d)
		return decided{q, changed}, err
	})
	return r.q, r.changed, err
}

// ListTransactions calls the backend unless the breaker is open.
func (b *CircuitBreaker) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	return guard(ctx, b, func() (connectors.Page[connectors.Transaction], error) { return b.next.ListTransactions(ctx, s, p) })
}

// ListTasks calls the backend unless the breaker is open.
func (b *CircuitBreaker) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	return guard(ctx, b, func() (connectors.Page[connectors.Task], error) { return b.next.ListTasks(ctx, s, p) })
}

// GetTask calls the backend unless the breaker is open.
func (b *CircuitBreaker) GetTask(ctx context.Context, s connectors.Scope, id string) (connectors.Task, error) {
	return guard(ctx, b, func() (connectors.Task, error) { return b.next.GetTask(ctx, s, id) })
}

package metered

import (
	"context"

	"clientgate/connectors"
)

type none struct{}

// Name returns the wrapped connector's name.
func (c *Connector) Name() string { return c.name }

// Capabilities returns the wrapped connector's capabilities.
func (c *Connector) Capabilities() connectors.Capabilities { return c.next.Capabilities() }

// Ping checks the backend, counted as operation "ping".
func (c *Connector) Ping(ctx context.Context) error {
	_, err := observe(ctx, c, "ping", func() (none, error) { return none{}, c.next.Ping(ctx) })
	return err
}

// FindContactByEmail is counted as "find_contact_by_email".
func (c *Connector) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	return observe(ctx, c, "find_contact_by_email", func() (connectors.Contact, error) {
		return c.next.FindContactByEmail(ctx, email)
	})
}

// GetContact is counted as "get_contact".
func (c *Connector) GetContact(ctx context.Context, id string) (connectors.Contact, error) {
	return observe(ctx, c, "get_contact", func() (connectors.Contact, error) { return c.next.GetContact(ctx, id) })
}

// CreateContact is counted as "create_contact".
func (c *Connector) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	return observe(ctx, c, "create_contact", func() (connectors.Contact, error) { return c.next.CreateContact(ctx, nc) })
}

// UpdateContact is counted as "update_contact".
func (c *Connector) UpdateContact(ctx context.Context, id string, p connectors.ContactPatch) (connectors.Contact, error) {
	return observe(ctx, c, "update_contact", func() (connectors.Contact, error) { return c.next.UpdateContact(ctx, id, p) })
}

// GetCompany is counted as "get_company".
func (c *Connector) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	return observe(ctx, c, "get_company", func() (connectors.Company, error) { return c.next.GetCompany(ctx, s) })
}

// ListInvoices is counted as "list_invoices".
func (c *Connector) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	return observe(ctx, c, "list_invoices", func() (connectors.Page[connectors.Invoice], error) { return c.next.ListInvoices(ctx, s, p) })
}

// GetInvoice is counted as "get_invoice".
func (c *Connector) GetInvoice(ctx context.Context, s connectors.Scope, id string) (connectors.Invoice, error) {
	return observe(ctx, c, "get_invoice", func() (connectors.Invoice, error) { return c.next.GetInvoice(ctx, s, id) })
}

// ListQuotes is counted as "list_quotes".
func (c *Connector) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	return observe(ctx, c, "list_quotes", func() (connectors.Page[connectors.Quote], error) { return c.next.ListQuotes(ctx, s, p) })
}

// GetQuote is counted as "get_quote".
func (c *Connector) GetQuote(ctx context.Context, s connectors.Scope, id string) (connectors.Quote, error) {
	return observe(ctx, c, "get_quote", func() (connectors.Quote, error) { return c.next.GetQuote(ctx, s, id) })
}

// decided carries DecideQuote's two results through observe.
type decided struct {
	q       connectors.Quote
	changed bool
}

// DecideQuote is counted as "decide_quote".
func (c *Connector) DecideQuote(ctx context.Context, s connectors.Scope, id string, d connectors.Decision) (connectors.Quote, bool, error) {
	r, err := observe(ctx, c, "decide_quote", func() (decided, error) {
		q, changed, err := c.next.DecideQuote(ctx, s, id, d)
		return decided{q, changed}, err
	})
	return r.q, r.changed, err
}

// ListTransactions is counted as "list_transactions".
func (c *Connector) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	return observe(ctx, c, "list_transactions", func() (connectors.Page[connectors.Transaction], error) {
		return c.next.ListTransactions(ctx, s, p)
	})
}

// ListTasks is counted as "list_tasks".
func (c *Connector) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	return observe(ctx, c, "list_tasks", func() (connectors.Page[connectors.Task], error) { return c.next.ListTasks(ctx, s, p) })
}

// GetTask is counted as "get_task".
func (c *Connector) GetTask(ctx context.Context, s connectors.Scope, id string) (connectors.Task, error) {
	return observe(ctx, c, "get_task", func() (connectors.Task, error) { return c.next.GetTask(ctx, s, id) })
}

var _ connectors.Connector = (*Connector)(nil)

package restapi

import (
	"context"

	"clientgate/connectors"
)

var invoices = resource[invoice]{
	schema:  invoiceSchema,
	hidden:  func(i *invoice) bool { return i.Status == connectors.InvoiceDraft },
	company: func(i *invoice, id string) { i.CompanyID = id },
	lines:   func(i *invoice, l []connectors.LineItem) { i.Lines = l },
	id:      func(i *invoice) string { return i.ID },
}

var quotes = resource[quote]{
	schema:  quoteSchema,
	hidden:  func(q *quote) bool { return q.Status == connectors.QuoteDraft },
	company: func(q *quote, id string) { q.CompanyID = id },
	lines:   func(q *quote, l []connectors.LineItem) { q.Lines = l },
	id:      func(q *quote) string { return q.ID },
}

var transactions = resource[txn]{schema: txnSchema, id: func(t *txn) string { return t.ID }}

var tasks = resource[task]{schema: taskSchema, id: func(t *task) string { return t.ID }}

// ListInvoices lists the scope's invoices, without drafts.
func (c *Connector) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	return list(ctx, c, invoices, opListInvoices, c.m.Operations.ListInvoices, s, p)
}

// GetInvoice returns one of the scope's invoices.
func (c *Connector) GetInvoice(ctx context.Context, s connectors.Scope, id string) (connectors.Invoice, error) {
	return get(ctx, c, invoices, opGetInvoice, c.m.Operations.GetInvoice, s, id)
}

// ListQuotes lists the scope's quotes, without drafts.
func (c *Connector) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	return list(ctx, c, quotes, opListQuotes, c.m.Operations.ListQuotes, s, p)
}

// GetQuote returns one of the scope's quotes.
func (c *Connector) GetQuote(ctx context.Context, s connectors.Scope, id string) (connectors.Quote, error) {
	return get(ctx, c, quotes, opGetQuote, c.m.Operations.GetQuote, s, id)
}

// ListTransactions lists the contact's payments and refunds.
func (c *Connector) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	return list(ctx, c, transactions, opListTransactions, c.m.Operations.ListTransactions, s, p)
}

// ListTasks lists the tasks shared with the contact.
func (c *Connector) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	return list(ctx, c, tasks, opListTasks, c.m.Operations.ListTasks, s, p)
}

// GetTask returns one of the contact's tasks.
func (c *Connector) GetTask(ctx context.Context, s connectors.Scope, id string) (connectors.Task, error) {
	return get(ctx, c, tasks, opGetTask, c.m.Operations.GetTask, s, id)
}

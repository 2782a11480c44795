package cache

import (
	"context"

	"clientgate/connectors"
)

// FindContactByEmail returns the contact with this email, remembering
// "none" (ErrNotFound) for NegativeTTL.
func (c *Cache) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	sp := spec[connectors.Contact]{
		key: emailKey(email), ttl: c.opts.ContactTTL, negative: true,
		ownerOf: func(ct connectors.Contact) string { return ct.ID },
	}
	return read(ctx, c, sp, func(ctx context.Context) (connectors.Contact, error) {
		return c.next.FindContactByEmail(ctx, email)
	})
}

// GetContact returns a contact by ID.
func (c *Cache) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	s := connectors.Scope{ContactID: contactID}
	sp := spec[connectors.Contact]{key: scopedKey("contact", s), ttl: c.opts.ContactTTL, owner: contactID}
	return read(ctx, c, sp, func(ctx context.Context) (connectors.Contact, error) {
		return c.next.GetContact(ctx, contactID)
	})
}

// GetCompany returns the company of the scope's contact.
func (c *Cache) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	sp := spec[connectors.Company]{key: scopedKey("company", s), ttl: c.opts.ContactTTL, owner: s.ContactID}
	return read(ctx, c, sp, func(ctx context.Context) (connectors.Company, error) {
		return c.next.GetCompany(ctx, s)
	})
}

// listSpec is the spec of a page of a list.
func listSpec[T any](c *Cache, op string, s connectors.Scope, p connectors.PageRequest, each func(T) T) spec[connectors.Page[T]] {
	return spec[connectors.Page[T]]{
		key: pageKey(op, s, p), ttl: c.opts.ListTTL, owner: s.ContactID, companyScoped: s.WithCompany,
		clone: clonePage(each),
	}
}

// itemSpec is the spec of a single item.
func itemSpec[T any](c *Cache, op string, s connectors.Scope, id string, clone func(T) T) spec[T] {
	return spec[T]{
		key: scopedKey(op, s, id), ttl: c.opts.ItemTTL, owner: s.ContactID, companyScoped: s.WithCompany,
		clone: clone,
	}
}

// ListInvoices returns a page of the scope's invoices.
func (c *Cache) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	return read(ctx, c, listSpec(c, "invoices", s, p, cloneInvoice), func(ctx context.Context) (connectors.Page[connectors.Invoice], error) {
		return c.next.ListInvoices(ctx, s, p)
	})
}

// GetInvoice returns one of the scope's invoices.
func (c *Cache) GetInvoice(ctx context.Context, s connectors.Scope, invoiceID string) (connectors.Invoice, error) {
	return read(ctx, c, itemSpec(c, "invoice", s, invoiceID, cloneInvoice), func(ctx context.Context) (connectors.Invoice, error) {
		return c.next.GetInvoice(ctx, s, invoiceID)
	})
}

// ListQuotes returns a page of the scope's quotes.
func (c *Cache) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	return read(ctx, c, listSpec(c, "quotes", s, p, cloneQuote), func(ctx context.Context) (connectors.Page[connectors.Quote], error) {
		return c.next.ListQuotes(ctx, s, p)
	})
}

// GetQuote returns one of the scope's quotes.
func (c *Cache) GetQuote(ctx context.Context, s connectors.Scope, quoteID string) (connectors.Quote, error) {
	return read(ctx, c, itemSpec(c, "quote", s, quoteID, cloneQuote), func(ctx context.Context) (connectors.Quote, error) {
		return c.next.GetQuote(ctx, s, quoteID)
	})
}

// ListTransactions returns a page of the scope's transactions.
func (c *Cache) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	return read(ctx, c, listSpec[connectors.Transaction](c, "transactions", s, p, nil), func(ctx context.Context) (connectors.Page[connectors.Transaction], error) {
		return c.next.ListTransactions(ctx, s, p)
	})
}

// ListTasks returns a page of the contact's tasks.
func (c *Cache) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	return read(ctx, c, listSpec[connectors.Task](c, "tasks", s, p, nil), func(ctx context.Context) (connectors.Page[connectors.Task], error) {
		return c.next.ListTasks(ctx, s, p)
	})
}

// GetTask returns one of the contact's tasks.
func (c *Cache) GetTask(ctx context.Context, s connectors.Scope, taskID string) (connectors.Task, error) {
	return read(ctx, c, itemSpec[connectors.Task](c, "task", s, taskID, nil), func(ctx context.Context) (connectors.Task, error) {
		return c.next.GetTask(ctx, s, taskID)
	})
}

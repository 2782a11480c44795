package jetpackcrm

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
)

// ListInvoices returns the contact's invoices, newest first, drafts and
// deleted invoices left out. One customer_search call (the contact's
// invoices come with it), plus the ID lookup when the contact's email is
// not remembered. Scope.WithCompany is ignored (no CompanyItems).
func (c *Connector) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	if err := connectors.CheckSliceCursor(p.Cursor); err != nil {
		return connectors.Page[connectors.Invoice]{}, err
	}
	all, err := c.invoices(ctx, s.ContactID)
	if err != nil {
		return connectors.Page[connectors.Invoice]{}, err
	}
	return connectors.PageSlice(all, p)
}

// GetInvoice finds the invoice among the contact's own invoices: there is
// no by-ID endpoint, and another contact's invoice is never among them.
func (c *Connector) GetInvoice(ctx context.Context, s connectors.Scope, invoiceID string) (connectors.Invoice, error) {
	all, err := c.invoices(ctx, s.ContactID)
	if err != nil {
		return connectors.Invoice{}, err
	}
	for _, inv := range all {
		if inv.ID == invoiceID {
			return inv, nil
		}
	}
	return connectors.Invoice{}, fmt.Errorf("%w: jetpackcrm: invoice %q of contact %q", connectors.ErrNotFound, invoiceID, s.ContactID)
}

func (c *Connector) invoices(ctx context.Context, contactID string) ([]connectors.Invoice, error) {
	obj, err := c.contactData(ctx, contactID)
	if err != nil {
		return nil, err
	}
	var out []connectors.Invoice
	for _, o := range obj.list("invoices") {
		inv, err := c.m.invoice(o)
		if errors.Is(err, errHidden) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	newestFirst(out, func(i connectors.Invoice) time.Time { return i.IssuedAt }, func(i connectors.Invoice) string { return i.ID })
	return out, nil
}

// ListTransactions returns the contact's transactions, newest first. One
// customer_search call, as for ListInvoices.
func (c *Connector) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	if err := connectors.CheckSliceCursor(p.Cursor); err != nil {
		return connectors.Page[connectors.Transaction]{}, err
	}
	obj, err := c.contactData(ctx, s.ContactID)
	if err != nil {
		return connectors.Page[connectors.Transaction]{}, err
	}
	var all []connectors.Transaction
	for _, o := range obj.list("transactions") {
		t, err := c.m.transaction(o)
		if err != nil {
			return connectors.Page[connectors.Transaction]{}, err
		}
		all = append(all, t)
	}
	newestFirst(all, func(t connectors.Transaction) time.Time { return t.Date }, func(t connectors.Transaction) string { return t.ID })
	return connectors.PageSlice(all, p)
}

package fake

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

func canInvoices(c connectors.Capabilities) bool { return c.Invoices }

// ListInvoices returns the scope's invoices without drafts, newest first.
func (f *Connector) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	if err := f.begin(ctx, "ListInvoices", canInvoices); err != nil {
		return connectors.Page[connectors.Invoice]{}, err
	}
	f.mu.Lock()
	var items []connectors.Invoice
	for _, o := range f.invoices {
		if o.item.Status != connectors.InvoiceDraft && f.visible(s, o.contactID, o.companyID) {
			items = append(items, copyInvoice(o.item))
		}
	}
	f.mu.Unlock()
	newestFirst(items,
		func(i connectors.Invoice) time.Time { return i.IssuedAt },
		func(i connectors.Invoice) string { return i.ID })
	return connectors.PageSlice(items, p)
}

// GetInvoice returns one of the scope's invoices that is not a draft.
func (f *Connector) GetInvoice(ctx context.Context, s connectors.Scope, invoiceID string) (connectors.Invoice, error) {
	if err := f.begin(ctx, "GetInvoice", canInvoices); err != nil {
		return connectors.Invoice{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.invoices {
		if o.item.ID == invoiceID && o.item.Status != connectors.InvoiceDraft && f.visible(s, o.contactID, o.companyID) {
			return copyInvoice(o.item), nil
		}
	}
	return connectors.Invoice{}, fmt.Errorf("fake: invoice: %w", connectors.ErrNotFound)
}

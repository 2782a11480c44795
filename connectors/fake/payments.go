package fake

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// RecordPayment records a payment or refund against one of the scope's
// invoices, once per reference. With SettlesInvoices (on by default) it
// also settles the invoice as connectors.Settle says.
func (f *Connector) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	if err := f.begin(ctx, "RecordPayment", func(c connectors.Capabilities) bool { return c.RecordPayments }); err != nil {
		return connectors.Transaction{}, false, err
	}
	if err := p.Validate(); err != nil {
		return connectors.Transaction{}, false, fmt.Errorf("fake: record payment: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.findInvoice(s, p.InvoiceID)
	if i < 0 {
		return connectors.Transaction{}, false, fmt.Errorf("fake: record payment: invoice: %w", connectors.ErrNotFound)
	}
	if t, ok := f.txnByRef(p.Reference); ok {
		return samePayment(t, p)
	}
	o := &f.invoices[i]
	if f.caps.SettlesInvoices {
		settled, err := connectors.Settle(o.item, p, f.now())
		if err != nil {
			return connectors.Transaction{}, false, fmt.Errorf("fake: record payment: %w", err)
		}
		o.item = settled
	} else if p.Amount.Currency != o.item.Total.Currency {
		return connectors.Transaction{}, false, fmt.Errorf("fake: record payment: %w: currency %s", connectors.ErrInvalid, p.Amount.Currency)
	}
	t := connectors.PaymentTransaction(p, newID("tx"))
	f.txns = append(f.txns, owned[connectors.Transaction]{contactID: s.ContactID, item: t})
	return t, true, nil
}

// findInvoice returns the index of a visible, non-draft invoice, or -1.
// f.mu must be held.
func (f *Connector) findInvoice(s connectors.Scope, id string) int {
	for i, o := range f.invoices {
		if o.item.ID == id && o.item.Status != connectors.InvoiceDraft && f.visible(s, o.contactID, o.companyID) {
			return i
		}
	}
	return -1
}

// txnByRef returns the transaction with a reference. f.mu must be held.
func (f *Connector) txnByRef(ref string) (connectors.Transaction, bool) {
	for _, o := range f.txns {
		if o.item.Reference == ref {
			return o.item, true
		}
	}
	return connectors.Transaction{}, false
}

// samePayment answers a repeated RecordPayment: the stored transaction
// when it is the same payment, ErrConflict when the reference was used
// for another.
func samePayment(t connectors.Transaction, p connectors.Payment) (connectors.Transaction, bool, error) {
	if !connectors.SamePayment(t, p) {
		return connectors.Transaction{}, false, fmt.Errorf("fake: record payment: %w: reference %s names another payment", connectors.ErrConflict, p.Reference)
	}
	return t, false, nil
}

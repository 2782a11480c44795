package jetpackcrm

import (
	"errors"
	"fmt"
	"strings"

	"clientgate/connectors"
)

// errHidden marks an item the portal must never show (a draft or deleted
// invoice, an unpublished quote, an event not shared on the portal).
var errHidden = errors.New("jetpackcrm: item hidden from the portal")

// invoiceStatus maps the CRM's stored status. An unpaid invoice whose due
// date has passed is reported overdue (the CRM never changes it itself).
func (m mapper) invoiceStatus(o object) (connectors.InvoiceStatus, error) {
	switch strings.ToLower(strings.TrimSpace(o.text("status"))) {
	case "unpaid":
		if due := o.unix("due_date"); !due.IsZero() && due.Before(m.now()) {
			return connectors.InvoiceOverdue, nil
		}
		return connectors.InvoiceUnpaid, nil
	case "paid":
		return connectors.InvoicePaid, nil
	case "overdue":
		return connectors.InvoiceOverdue, nil
	case "draft", "deleted":
		return "", errHidden
	}
	m.log.Warn("jetpackcrm: invoice with an unknown status hidden", "invoice", o.id(), "status", o.text("status"))
	return "", errHidden
}

// invoice maps a CRM invoice. errHidden for drafts and deleted invoices.
func (m mapper) invoice(o object) (connectors.Invoice, error) {
	status, err := m.invoiceStatus(o)
	if err != nil {
		return connectors.Invoice{}, err
	}
	cur := m.currencyOf(o, m.currency)
	inv := connectors.Invoice{
		ID: o.id(), Number: reference(o), Status: status,
		IssuedAt: o.unix("date"), DueAt: o.unix("due_date"), PaidAt: o.unix("paid_date"),
	}
	if inv.Subtotal, err = money(o, "net", cur); err == nil {
		if inv.Tax, err = money(o, "tax", cur); err == nil {
			if inv.Total, err = money(o, "total", cur); err == nil {
				inv.Discount, err = m.discount(o, inv.Subtotal)
			}
		}
	}
	if err == nil {
		inv.Lines, err = m.lines(o, cur)
	}
	if err != nil {
		return connectors.Invoice{}, fmt.Errorf("%w: jetpackcrm: invoice %s: %v", connectors.ErrUnavailable, inv.ID, err)
	}
	inv.AmountDue = connectors.Money{Currency: cur}
	if status.Open() {
		inv.AmountDue = inv.Total
	}
	return inv, nil
}

// discount reads the discount: an amount, or with discount_type "%" a
// percentage of the net amount.
func (m mapper) discount(o object, net connectors.Money) (connectors.Money, error) {
	if strings.TrimSpace(o.text("discount_type")) == "%" {
		return percentOf(net, o.text("discount"))
	}
	return money(o, "discount", net.Currency)
}

package portal

import (
	"net/url"

	"clientgate/connectors"
)

// invoiceRow is one invoice of the invoices list, every text already
// formatted for the client, so the template only prints fields.
type invoiceRow struct {
	Href        string
	Number      string
	Issued      string
	Status      string // the status as it is, for the badge's class
	StatusLabel string
	Due         string
	Total       string
	AmountDue   string
}

// invoiceColumns are the invoices table's column labels, which every row
// repeats as data-label.
type invoiceColumns struct {
	Number, Date, Status, Due, Total, AmountDue string
}

// newInvoiceColumns translates the column labels once per page.
func newInvoiceColumns(f formatter) invoiceColumns {
	return invoiceColumns{
		Number: f.T("invoices.col.number"), Date: f.T("invoices.col.date"), Status: f.T("invoices.col.status"),
		Due: f.T("invoices.col.due"), Total: f.T("invoices.col.total"), AmountDue: f.T("invoices.col.amount_due"),
	}
}

// invoiceRows formats invoices for the list; base is the portal's base
// path with its trailing slash.
func invoiceRows(f formatter, base string, invoices []connectors.Invoice) []invoiceRow {
	rows := make([]invoiceRow, len(invoices))
	for i, inv := range invoices {
		rows[i] = invoiceRow{
			Href: base + "invoices/" + url.PathEscape(inv.ID), Number: inv.Number,
			Issued: f.Date(inv.IssuedAt), Status: string(inv.Status), StatusLabel: f.Status(inv.Status),
			Due: f.Date(inv.DueAt), Total: f.Money(inv.Total), AmountDue: f.Due(inv),
		}
	}
	return rows
}

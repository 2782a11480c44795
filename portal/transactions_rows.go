package portal

import (
	"net/url"

	"clientgate/connectors"
)

// transactionRow is one payment or refund of the payments list, every
// text already formatted for the client, so the template only prints
// fields.
type transactionRow struct {
	Day       string
	Title     string
	Reference string
	// InvoiceHref links the paid invoice; "" when there is none or the
	// viewer may not open invoices.
	InvoiceHref string
	Kind        string
	Status      string // the status as it is, for the badge's class
	StatusLabel string
	Amount      string
}

// transactionColumns are the payments table's column labels, which every
// row repeats as data-label, and the invoice link's text.
type transactionColumns struct {
	Date, What, Invoice, Type, Status, Amount string
	ViewInvoice                               string
}

// newTransactionColumns translates the column labels once per page.
func newTransactionColumns(f formatter) transactionColumns {
	return transactionColumns{
		Date: f.T("payments.col.date"), What: f.T("payments.col.what"), Invoice: f.T("payments.col.invoice"),
		Type: f.T("payments.col.type"), Status: f.T("payments.col.status"), Amount: f.T("payments.col.amount"),
		ViewInvoice: f.T("payments.view_invoice"),
	}
}

// transactionRows formats transactions for the list; base is the portal's
// base path with its trailing slash, and links says whether rows link
// their invoices.
func transactionRows(f formatter, base string, links bool, txns []connectors.Transaction) []transactionRow {
	rows := make([]transactionRow, len(txns))
	for i, t := range txns {
		rows[i] = transactionRow{
			Day: f.Day(t.Date), Title: t.Title, Reference: t.Reference, Kind: f.Kind(t.Kind),
			Status: string(t.Status), StatusLabel: f.Status(t.Status), Amount: f.Money(t.Amount),
		}
		if links && t.InvoiceID != "" {
			rows[i].InvoiceHref = base + "invoices/" + url.PathEscape(t.InvoiceID)
		}
	}
	return rows
}

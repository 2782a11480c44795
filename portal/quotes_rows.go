package portal

import (
	"net/url"

	"clientgate/connectors"
)

// quoteRow is one quote of the quotes list, every text already formatted
// for the client, so the template only prints fields.
type quoteRow struct {
	Href        string
	Number      string
	Title       string
	Issued      string
	Status      string // the status as it is, for the badge's class
	StatusLabel string
	ValidUntil  string
	Total       string
}

// quoteColumns are the quotes table's column labels, which every row
// repeats as data-label.
type quoteColumns struct {
	Number, Date, Status, ValidUntil, Total string
}

// newQuoteColumns translates the column labels once per page.
func newQuoteColumns(f formatter) quoteColumns {
	return quoteColumns{
		Number: f.T("quotes.col.number"), Date: f.T("quotes.col.date"), Status: f.T("quotes.col.status"),
		ValidUntil: f.T("quotes.col.valid_until"), Total: f.T("quotes.col.total"),
	}
}

// quoteRows formats quotes for the list; base is the portal's base path
// with its trailing slash.
func quoteRows(f formatter, base string, quotes []connectors.Quote) []quoteRow {
	rows := make([]quoteRow, len(quotes))
	for i, q := range quotes {
		rows[i] = quoteRow{
			Href: base + "quotes/" + url.PathEscape(q.ID), Number: q.Number, Title: q.Title,
			Issued: f.Date(q.IssuedAt), Status: string(q.Status), StatusLabel: f.Status(q.Status),
			ValidUntil: f.Date(q.ValidUntil), Total: f.Money(q.Total),
		}
	}
	return rows
}

package portal

import "clientgate/connectors"

// linesData is what the "lines" template shows: line items and totals.
type linesData struct {
	F                       formatter
	Lines                   []connectors.LineItem
	Subtotal, Discount, Tax connectors.Money
	Total                   connectors.Money
}

// linesFor builds the lines table of an invoice or a quote.
func linesFor(f formatter, item any) linesData {
	switch v := item.(type) {
	case connectors.Invoice:
		return linesData{F: f, Lines: v.Lines, Subtotal: v.Subtotal, Discount: v.Discount, Tax: v.Tax, Total: v.Total}
	case connectors.Quote:
		return linesData{F: f, Lines: v.Lines, Total: v.Total}
	}
	return linesData{F: f}
}

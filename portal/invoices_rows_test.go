package portal

import (
	"testing"
	"time"

	"clientgate/connectors"
)

func TestInvoiceRows(t *testing.T) {
	de := formatter{loc: newFormatter("de-DE").loc, tr: mustLocalizer(t, "de")}
	eur := func(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "EUR"} }
	jan5 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		inv  connectors.Invoice
		want invoiceRow
	}{
		{"unpaid", connectors.Invoice{ID: "a/b ü", Number: "R-1", Status: connectors.InvoiceUnpaid, IssuedAt: jan5,
			DueAt: jan5.AddDate(0, 1, 0), Total: eur(203490), AmountDue: eur(203490)},
			invoiceRow{Href: "/clients/invoices/a%2Fb%20%C3%BC", Number: "R-1", Issued: "05.01.2026", Status: "unpaid",
				StatusLabel: "Offen", Due: "05.02.2026", Total: "2.034,90\u00a0€", AmountDue: "2.034,90\u00a0€"}},
		{"paid, no due date", connectors.Invoice{ID: "p", Number: "R-2", Status: connectors.InvoicePaid, IssuedAt: jan5, Total: eur(500)},
			invoiceRow{Href: "/clients/invoices/p", Number: "R-2", Issued: "05.01.2026", Status: "paid",
				StatusLabel: "Bezahlt", Total: "5,00\u00a0€", AmountDue: "Bezahlt"}},
		{"void", connectors.Invoice{ID: "v", Number: "R-3", Status: connectors.InvoiceVoid, IssuedAt: jan5, Total: eur(100)},
			invoiceRow{Href: "/clients/invoices/v", Number: "R-3", Issued: "05.01.2026", Status: "void",
				StatusLabel: de.T("status.void"), Total: "1,00\u00a0€", AmountDue: "—"}},
	}
	for _, tt := range tests {
		rows := invoiceRows(de, "/clients/", []connectors.Invoice{tt.inv})
		if len(rows) != 1 || rows[0] != tt.want {
			t.Errorf("%s: rows %+v, want %+v", tt.name, rows, tt.want)
		}
	}
	if cols := newInvoiceColumns(de); cols.Due != "Fällig" || cols.AmountDue != "Offener Betrag" {
		t.Errorf("columns %+v", cols)
	}
}

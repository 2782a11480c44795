package portal

import (
	"testing"
	"time"

	"clientgate/connectors"
)

func TestQuoteRows(t *testing.T) {
	fr := formatter{loc: newFormatter("fr-FR").loc, tr: mustLocalizer(t, "fr")}
	jan10 := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		q    connectors.Quote
		want quoteRow
	}{
		{"sent, valid until", connectors.Quote{ID: "q 1", Number: "Q-1", Title: "Site", Status: connectors.QuoteSent,
			IssuedAt: jan10, ValidUntil: jan10.AddDate(0, 1, 0), Total: connectors.Money{Minor: 990000, Currency: "EUR"}},
			quoteRow{Href: "/quotes/q%201", Number: "Q-1", Title: "Site", Issued: fr.Date(jan10), Status: "sent",
				StatusLabel: fr.T("status.sent"), ValidUntil: fr.Date(jan10.AddDate(0, 1, 0)), Total: fr.Money(connectors.Money{Minor: 990000, Currency: "EUR"})}},
		{"accepted, no validity", connectors.Quote{ID: "q2", Number: "Q-2", Status: connectors.QuoteAccepted, IssuedAt: jan10},
			quoteRow{Href: "/quotes/q2", Number: "Q-2", Issued: "10/01/2026", Status: "accepted", StatusLabel: fr.T("status.accepted"),
				Total: fr.Money(connectors.Money{})}},
	}
	for _, tt := range tests {
		rows := quoteRows(fr, "/", []connectors.Quote{tt.q})
		if len(rows) != 1 || rows[0] != tt.want {
			t.Errorf("%s: rows %+v, want %+v", tt.name, rows, tt.want)
		}
		if tt.want.StatusLabel == "status."+tt.want.Status {
			t.Errorf("%s: status label untranslated", tt.name)
		}
	}
	if cols := newQuoteColumns(fr); cols.ValidUntil == "quotes.col.valid_until" || cols.Date == "" {
		t.Errorf("columns %+v", cols)
	}
}

package main

import (
	"fmt"
	"strings"
	"time"
)

// navLink is one link of the bare page's navigation.
type navLink struct {
	URL, Label string
	Current    bool
}

// langButton is one language of the bare page's language switcher.
type langButton struct {
	Code, Name string
	Current    bool
}

// bareRow is one invoice of the bare page: its texts in German, as the
// benchmark's signed-in person reads clientgate's page, the dates left to
// the template.
type bareRow struct {
	ID, Number, Status, StatusLabel string
	IssuedAt, DueAt                 *time.Time
	Total, AmountDue                string
}

// bareHTMLData is what the bare page shows: the invoices of page and what
// clientgate's layout shows around them.
type bareHTMLData struct {
	Lang, Zone, Base, Path string
	Brand, UserName, CSRF  string
	Nav                    []navLink
	Languages              []langButton
	Invoices               []bareRow
}

// germanStatus names the statuses of samplePage as clientgate's German
// catalog does.
var germanStatus = map[string]string{"unpaid": "Offen", "paid": "Bezahlt", "overdue": "Überfällig"}

// newBareHTMLData wraps page's invoices in the layout's data of
// clientgate's page for the benchmark's person: German, eight modules.
func newBareHTMLData(page invoicePage) bareHTMLData {
	nav := []navLink{{"/clients/", "Übersicht", false}, {"/clients/invoices", "Rechnungen", true},
		{"/clients/quotes", "Angebote", false}, {"/clients/transactions", "Zahlungen", false},
		{"/clients/tasks", "Termine", false}, {"/clients/tickets", "Support", false},
		{"/clients/files", "Dateien", false}, {"/clients/details", "Meine Daten", false}}
	langs := []langButton{{"en", "English", false}, {"de", "Deutsch", true}, {"fr", "Français", false},
		{"es", "Español", false}, {"nl", "Nederlands", false}}
	rows := make([]bareRow, len(page.Items))
	for i, inv := range page.Items {
		rows[i] = bareRow{ID: fmt.Sprintf("00000000-0000-4000-8000-%012s", inv.ID), Number: inv.Number,
			Status: inv.Status, StatusLabel: germanStatus[inv.Status], IssuedAt: inv.IssuedAt, DueAt: inv.DueAt,
			Total: germanMoney(inv.Total.Minor), AmountDue: germanMoney(inv.AmountDue.Minor)}
	}
	return bareHTMLData{Lang: "de", Zone: "UTC", Base: "/clients/", Path: "/clients/invoices",
		Brand: "Client portal", UserName: "Dr Zoë Ångström-Müller", CSRF: strings.Repeat("c", 43),
		Nav: nav, Languages: langs, Invoices: rows}
}

// germanMoney writes an amount of euro cents as German does: "2.034,90 €"
// (with a no-break space before the sign).
func germanMoney(minor int64) string {
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	units := fmt.Sprint(minor / 100)
	var b strings.Builder
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s,%02d\u00a0€", sign, b.String(), minor%100)
}

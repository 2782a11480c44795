package documents

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestBuyerFor(t *testing.T) {
	zoe := connectors.Contact{FirstName: "Zoë", LastName: "Ångström-Müller", TaxID: "DE1", Address: connectors.Address{City: "Berlin"}}
	acme := connectors.Company{ID: "co", Name: "Acme Ltd", TaxID: "GB2", Address: connectors.Address{City: "London"}}
	if b := BuyerFor(zoe, acme, "co"); b.Name != "Acme Ltd" || b.Attention != "Zoë Ångström-Müller" || b.TaxID != "GB2" || b.Address.City != "London" {
		t.Errorf("company item billed to %+v", b)
	}
	for name, b := range map[string]Buyer{
		"own item":        BuyerFor(zoe, acme, ""),
		"company unknown": BuyerFor(zoe, connectors.Company{}, "co"),
		"another company": BuyerFor(zoe, acme, "other"),
		"company unnamed": BuyerFor(zoe, connectors.Company{ID: "co"}, "co"),
	} {
		if b.Name != "Zoë Ångström-Müller" || b.Attention != "" || b.TaxID != "DE1" || b.Address.City != "Berlin" {
			t.Errorf("%s billed to %+v, want the contact", name, b)
		}
	}
}

func TestTaxGroups(t *testing.T) {
	line := func(total int64, rate string, tax *int64) connectors.LineItem {
		l := connectors.LineItem{Total: eur(total), TaxRate: rate}
		if tax != nil {
			l.Tax = eur(*tax)
		}
		return l
	}
	stated := int64(200)
	got := taxGroups([]connectors.LineItem{
		line(1000, "19", nil), line(333, "7", nil), line(1000, "19.0", &stated), line(500, "", nil), line(10, "x", nil),
		line(2001, "0.5%", nil),
	}, "EUR")
	want := []taxGroup{
		{rate: "19", base: eur(2000), tax: eur(380)},  // one line without a stated tax: computed
		{rate: "7", base: eur(333), tax: eur(23)},     // 23.31 rounds down
		{rate: "0.5%", base: eur(2001), tax: eur(10)}, // 10.005 rounds half away from zero
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("taxGroups = %+v\nwant %+v", got, want)
	}
	tax := int64(71)
	if g := taxGroups([]connectors.LineItem{line(1000, "7", &tax)}, "EUR"); g[0].tax != eur(71) {
		t.Errorf("stated line tax not used: %+v", g)
	}
	for in, want := range map[string]string{"19": "19%", "19.00": "19%", " 7.50 % ": "7.5%", "0": "0%", "": "", "n/a": "n/a"} {
		if got := rateText(in); got != want {
			t.Errorf("rateText(%q) = %q, want %q", in, got, want)
		}
	}
}

// german is a Locale as the portal's catalogs would fill it.
type german struct{}

func (german) Money(m connectors.Money) string {
	return strings.Replace(m.Decimal(), ".", ",", 1) + " €"
}
func (german) Date(t time.Time) string { return t.Format("02.01.2006") }

func TestLocaleDecidesWordsAndFormats(t *testing.T) {
	l := English()
	l.Invoice, l.AmountDue, l.TaxOn, l.Page = "Rechnung", "Offener Betrag", "USt. %s auf %s", "Seite %d von %d"
	l.Statuses = map[string]string{"partially_paid": "Teilweise bezahlt"}
	d := Invoice(InvoiceInput{Invoice: invoice(), Buyer: buyer()}, seller, Locale{Labels: l, Format: german{}, Language: "de"})
	if d.Heading != "Rechnung" || d.Title != "Rechnung INV-2025-047" || d.Language != "de" {
		t.Errorf("heading %q, title %q", d.Heading, d.Title)
	}
	want := []Field{
		{Label: "Subtotal", Value: "3260,00 €"},
		{Label: "USt. 19% auf 2900,00 €", Value: "551,00 €"},
		{Label: "USt. 7% auf 360,00 €", Value: "25,20 €"},
		{Label: "Total", Value: "3816,20 €"},
		{Label: "Amount paid", Value: "1000,00 €"},
		{Label: "Offener Betrag", Value: "2816,20 €", Strong: true},
	}
	if !reflect.DeepEqual(d.Summary, want) {
		t.Errorf("summary = %+v", d.Summary)
	}
	if fmt.Sprint(d.Meta) != "[{Invoice date 24.11.2025 false} {Due date 08.12.2025 false} {Status Teilweise bezahlt false} {Currency EUR false}]" {
		t.Errorf("meta = %v", d.Meta)
	}
	note := Invoice(InvoiceInput{Invoice: invoice(), StatusNote: "Paid online, being confirmed"}, seller, Locale{})
	if note.Meta[2].Value != "Paid online, being confirmed" {
		t.Errorf("status note not printed: %v", note.Meta)
	}
}

func TestInvoiceWithoutRatesOrPayments(t *testing.T) {
	inv := connectors.Invoice{Number: "7", Status: connectors.InvoicePaid, IssuedAt: day, Tax: eur(190), Total: eur(1190),
		Lines: []connectors.LineItem{{Title: "Work", Quantity: "1", UnitPrice: eur(1000), Total: eur(1000)}}}
	d := Invoice(InvoiceInput{Invoice: inv}, Seller{Name: "S"}, Locale{})
	got := fmt.Sprint(d.Summary)
	if got != "[{Subtotal 10.00 EUR false} {Tax 1.90 EUR false} {Total 11.90 EUR false} {Amount paid 11.90 EUR false} {Amount due 0.00 EUR true}]" {
		t.Errorf("summary = %s", got)
	}
	if len(d.Sections) != 0 || d.Footer != "S" {
		t.Errorf("sections %v, footer %q; want none and the seller's name", d.Sections, d.Footer)
	}
	for _, m := range d.Meta {
		if m.Label == "Due date" {
			t.Errorf("an invoice without a due date shows one: %v", d.Meta)
		}
	}
}

package documents

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/portal/documents/documentstest"
)

// pdftotext returns the text of pdf as poppler's pdftotext extracts it.
func pdftotext(t *testing.T, pdf []byte) string { return documentstest.Text(t, pdf) }

// cjkFont returns the CJK test font.
func cjkFont(t *testing.T) Font {
	t.Helper()
	f, err := LoadFont(documentstest.CJKFontPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func eur(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "EUR"} }

var day = time.Date(2025, 11, 24, 9, 0, 0, 0, time.UTC)

// seller is a complete seller block.
var seller = Seller{
	Name: "Acme Webworks GmbH", Address: "Hauptstraße 5\n10115 Berlin\nGermany", TaxID: "DE123456789",
	Registration: "HRB 98765 B", Email: "billing@acme.example", Phone: "+49 30 1234567", Website: "acme.example",
	PaymentInstructions: "IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX\nPlease quote the invoice number.",
}

// longText is a description long enough to run over a page break.
var longText = strings.Repeat("Migration of every legacy page to the new content model, with redirects and checks. ", 60)

// invoice is a company invoice with two tax rates, a part payment, a
// non-Latin line and a very long description.
func invoice() connectors.Invoice {
	lines := []connectors.LineItem{
		{Title: "Website design, phase 1", Quantity: "1", UnitPrice: eur(240000), Total: eur(240000), TaxRate: "19"},
		{Title: "Übersetzung ins Japanische — 山田太郎", Description: "Zoë Ångström-Müller reviewed it", Quantity: "4.5",
			UnitPrice: eur(8000), Total: eur(36000), TaxRate: "7"},
		{Title: "Content migration", Description: longText, Quantity: "1", UnitPrice: eur(50000), Total: eur(50000), TaxRate: "19.00"},
	}
	return connectors.Invoice{
		ID: "inv-1", Number: "INV-2025-047", Status: connectors.InvoicePartiallyPaid, IssuedAt: day, DueAt: day.AddDate(0, 0, 14),
		Subtotal: eur(326000), Tax: eur(55620), Total: eur(381620), AmountDue: eur(281620), AmountPaid: eur(100000),
		Lines: lines, Notes: "Thank you for your business.\nTerms: 14 days net.", CompanyID: "co-1",
	}
}

func buyer() Buyer {
	contact := connectors.Contact{FirstName: "Zoë", LastName: "Ångström-Müller", TaxID: "DE-PRIVATE",
		Address: connectors.Address{Line1: "Privatweg 1", City: "Potsdam"}}
	company := connectors.Company{ID: "co-1", Name: "山田商事株式会社 (Yamada Shoji)", TaxID: "JP1234567890123",
		Address: connectors.Address{Line1: "千代田区丸の内1-1", City: "東京", PostCode: "100-0005", Country: "Japan"}}
	return BuyerFor(contact, company, "co-1")
}

func render(t *testing.T, r *Renderer, d Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", buf.Bytes()[:min(20, buf.Len())])
	}
	return buf.Bytes()
}

// squash joins the text's whitespace runs, so that checks do not depend
// on pdftotext's column layout.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestInvoicePDF(t *testing.T) {
	r, err := New(Options{Fallbacks: []Font{cjkFont(t)}})
	if err != nil {
		t.Fatal(err)
	}
	pdf := render(t, r, Invoice(InvoiceInput{Invoice: invoice(), Buyer: buyer()}, seller, Locale{}))
	text := pdftotext(t, pdf)
	flat := squash(text)
	for _, want := range []string{
		// heading and facts
		"Invoice", "INV-2025-047", "Invoice date 2025-11-24", "Due date 2025-12-08", "Status Partially paid", "Currency EUR",
		// seller
		"From", "Acme Webworks GmbH", "Hauptstraße 5", "10115 Berlin", "Tax ID: DE123456789", "Registration no.: HRB 98765 B",
		"Email: billing@acme.example", "Phone: +49 30 1234567", "Web: acme.example",
		// buyer: the company, to the attention of the contact
		"Bill to", "山田商事株式会社 (Yamada Shoji)", "Attn. Zoë Ångström-Müller", "千代田区丸の内1-1", "100-0005 東京", "Japan",
		"Tax ID: JP1234567890123",
		// lines
		"Description", "Qty", "Unit price", "Tax", "Amount",
		"Website design, phase 1", "2400.00 EUR", "19%", "Übersetzung ins Japanische — 山田太郎", "4.5", "80.00 EUR", "7%",
		"360.00 EUR", "Zoë Ångström-Müller reviewed it", "Content migration",
		// totals
		"Subtotal 3260.00 EUR", "Tax 19% on 2900.00 EUR 551.00 EUR", "Tax 7% on 360.00 EUR 25.20 EUR",
		"Total 3816.20 EUR", "Amount paid 1000.00 EUR", "Amount due 2816.20 EUR",
		// texts
		"Notes", "Thank you for your business.", "Terms: 14 days net.",
		"Payment instructions", "IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX",
		// footer
		"Acme Webworks GmbH · Tax ID DE123456789",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(flat, "DE-PRIVATE") || strings.Contains(flat, "Privatweg") {
		t.Error("a company invoice shows the contact's own tax ID or address")
	}
	pages := strings.Count(text, "\f")
	if pages < 2 || !strings.Contains(flat, "Page 1 of "+itoa(pages)) || !strings.Contains(flat, "Page "+itoa(pages)+" of "+itoa(pages)) {
		t.Errorf("%d pages; page numbers missing: %q", pages, flat[len(flat)-200:])
	}
	second := squash(strings.Split(text, "\f")[1])
	if !strings.Contains(second, "Description Qty Unit price Tax Amount") || !strings.Contains(second, "legacy page") {
		t.Errorf("page 2 does not continue the table with its heading: %.300q", second)
	}
	if got := strings.Count(flat, "Migration of every legacy page"); got != 60 {
		t.Errorf("long description printed %d times of 60: text lost across the page break", got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestWriteSample writes the sample invoice to $CLIENTGATE_DOCUMENTS_SAMPLE
// for a person to look at (skipped unless set).
func TestWriteSample(t *testing.T) {
	path := os.Getenv("CLIENTGATE_DOCUMENTS_SAMPLE")
	if path == "" {
		t.Skip("set CLIENTGATE_DOCUMENTS_SAMPLE=/tmp/invoice.pdf to write a sample")
	}
	r, err := New(Options{Fallbacks: []Font{cjkFont(t)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, render(t, r, Invoice(InvoiceInput{Invoice: invoice(), Buyer: buyer()}, seller, Locale{})), 0o600); err != nil {
		t.Fatal(err)
	}
}

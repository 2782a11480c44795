package documents

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
)

func TestQuotePDF(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := connectors.Quote{Number: "Q-2002", Title: "Shop module for Zoë's store", Status: connectors.QuoteSent,
		IssuedAt: day, ValidUntil: day.AddDate(0, 1, 0), Total: eur(321300),
		Description: "Prices exclude VAT.\nValid while stocks last.",
		Lines: []connectors.LineItem{
			{Title: "Shop module", Quantity: "1", UnitPrice: eur(240000), Total: eur(240000), TaxRate: "19"},
			{Title: "Payment integration", Quantity: "2", UnitPrice: eur(15000), Total: eur(30000), TaxRate: "19"},
		}}
	zoe := connectors.Contact{FirstName: "Zoë", LastName: "Ångström-Müller", Address: connectors.Address{Line1: "Straße des 17. Juni 135", PostCode: "10623", City: "Berlin", Country: "DE"}}
	pdf := render(t, r, Quote(QuoteInput{Quote: q, Buyer: BuyerFor(zoe, connectors.Company{}, "")}, seller, Locale{}))
	flat := squash(pdftotext(t, pdf))
	for _, want := range []string{
		"Quote", "Q-2002", "Shop module for Zoë's store", "Quote date 2025-11-24", "Valid until 2025-12-24",
		"Status Awaiting your answer", "Prepared for", "Zoë Ångström-Müller", "Straße des 17. Juni 135", "10623 Berlin",
		"Acme Webworks GmbH", "Tax ID: DE123456789", "Shop module", "Payment integration", "150.00 EUR", "300.00 EUR",
		"Subtotal 2700.00 EUR", "Tax 19% on 2700.00 EUR 513.00 EUR", "Total 3213.00 EUR", "Notes", "Prices exclude VAT.",
		"Page 1 of 1",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("quote PDF text lacks %q", want)
		}
	}
	if strings.Contains(flat, "Payment instructions") || strings.Contains(flat, "Amount due") {
		t.Error("a quote shows payment instructions or an amount due")
	}
}

// TestBadTextDoesNotBreakTheRenderer feeds invalid UTF-8, NUL bytes,
// control characters, characters no font has, an empty document and a
// word longer than the page.
func TestBadTextDoesNotBreakTheRenderer(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	inv := invoice()
	inv.Number = "\xff\xfe\x00"
	inv.Notes = "tab\tbell\a 😀 山田 " + strings.Repeat("W", 500)
	inv.Lines[0].Title = strings.Repeat("x", 3000)
	for _, d := range []Document{
		Invoice(InvoiceInput{Invoice: inv, Buyer: buyer()}, seller, Locale{}),
		{},
	} {
		var buf bytes.Buffer
		if err := r.Render(&buf, d); err != nil {
			t.Errorf("Render: %v", err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Error("no PDF written")
		}
	}
	if _, err := New(Options{Fallbacks: []Font{{Name: "junk", TTF: []byte("not a font")}}}); err == nil {
		t.Error("New accepted a font that is not TrueType")
	}
	if _, err := LoadFont("/nonexistent/font.ttf"); err == nil {
		t.Error("LoadFont of a missing file succeeded")
	}
}

func TestRenderConcurrently(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Invoice(InvoiceInput{Invoice: invoice(), Buyer: buyer()}, seller, Locale{})
	var wg sync.WaitGroup
	sizes := make([]int, 8)
	for i := range sizes {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(&buf, d); err != nil {
				t.Error(err)
			}
			sizes[i] = buf.Len()
		})
	}
	wg.Wait()
	for _, n := range sizes {
		if n != sizes[0] || n == 0 {
			t.Fatalf("concurrent renders differ in size: %v", sizes)
		}
	}
}

func BenchmarkInvoicePDF(b *testing.B) {
	r, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := Invoice(InvoiceInput{Invoice: connectors.Invoice{Number: "INV-1", Status: connectors.InvoiceUnpaid, IssuedAt: day,
		Total: eur(119000), AmountDue: eur(119000), Lines: invoice().Lines[:2]}, Buyer: Buyer{Name: "Zoë Ångström-Müller"}}, seller, Locale{})
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInvoicePDFWithCJK(b *testing.B) {
	font, err := LoadFont("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
	if err != nil {
		b.Skip(err)
	}
	r, err := New(Options{Fallbacks: []Font{font}})
	if err != nil {
		b.Fatal(err)
	}
	d := Invoice(InvoiceInput{Invoice: invoice(), Buyer: buyer()}, seller, Locale{})
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

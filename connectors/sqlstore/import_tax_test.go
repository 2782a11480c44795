package sqlstore

import (
	"context"
	"testing"

	"clientgate/connectors"
)

// TestImportTaxAndAmountPaid stores what the import file says about tax
// and payments, and reads it back.
func TestImportTaxAndAmountPaid(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := parseFile(t, `{
"companies": [{"name": "Acme", "tax_id": "DE123456789"}],
"contacts": [{"email": "a@b.test", "company": "Acme", "tax_id": "GB987654321"}],
"invoices": [{"number": "I-1", "contact_email": "a@b.test", "status": "partially_paid", "issued_at": "2025-01-01",
  "currency": "EUR", "subtotal": "300.00", "tax": "45.50", "total": "345.50", "amount_paid": "100.00", "amount_due": "245.50",
  "lines": [{"title": "Design", "total": "200.00", "tax_rate": "19", "tax": "38.00"},
            {"title": "Books", "total": "100.00", "tax_rate": "7.5"}]}]
}`)
		if _, err := s.Import(ctx, d); err != nil {
			t.Fatal(err)
		}
		c, err := s.FindContactByEmail(ctx, "a@b.test")
		if err != nil || c.TaxID != "GB987654321" {
			t.Fatalf("contact = %+v, %v", c, err)
		}
		co, err := s.GetCompany(ctx, connectors.Scope{ContactID: c.ID})
		if err != nil || co.TaxID != "DE123456789" {
			t.Errorf("company = %+v, %v", co, err)
		}
		page, err := s.ListInvoices(ctx, connectors.Scope{ContactID: c.ID}, connectors.PageRequest{})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("invoices = %+v, %v", page, err)
		}
		inv := page.Items[0]
		eur := func(m int64) connectors.Money { return connectors.Money{Minor: m, Currency: "EUR"} }
		if inv.AmountPaid != eur(10000) || inv.Lines[0].TaxRate != "19" || inv.Lines[0].Tax != eur(3800) ||
			inv.Lines[1].TaxRate != "7.5" || inv.Lines[1].Tax.Currency != "" {
			t.Errorf("invoice = %+v", inv)
		}
	})
}

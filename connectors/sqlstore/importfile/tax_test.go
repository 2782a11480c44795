package importfile

import (
	"strings"
	"testing"

	"clientgate/connectors"
)

// TestParseTaxAndAmountPaid reads tax IDs, line tax rates and amounts and
// the amount paid; absent amounts stay unknown (no currency), unlike
// zero.
func TestParseTaxAndAmountPaid(t *testing.T) {
	d, err := Parse(strings.NewReader(`{
"companies": [{"name": "Acme", "tax_id": "DE123456789"}],
"contacts": [{"email": "a@b.test", "tax_id": "GB987654321"}],
"invoices": [{"number": "I-1", "contact_email": "a@b.test", "status": "partially_paid", "issued_at": "2025-01-01",
  "currency": "EUR", "subtotal": "300.00", "tax": "46.00", "total": "346.00", "amount_paid": "100.00", "amount_due": "246.00",
  "lines": [{"title": "Design", "total": "200.00", "tax_rate": "19", "tax": "38.00"},
            {"title": "Books", "total": "100.00", "tax_rate": "7.5"},
            {"title": "Postage", "total": "0.00"}]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	eur := func(m int64) connectors.Money { return connectors.Money{Minor: m, Currency: "EUR"} }
	if d.Companies[0].Company.TaxID != "DE123456789" || d.Contacts[0].Contact.TaxID != "GB987654321" {
		t.Errorf("tax IDs: %q, %q", d.Companies[0].Company.TaxID, d.Contacts[0].Contact.TaxID)
	}
	inv := d.Invoices[0].Invoice
	if inv.AmountPaid != eur(10000) || inv.Paid() != eur(10000) {
		t.Errorf("amount paid = %v", inv.AmountPaid)
	}
	l := inv.Lines
	if l[0].TaxRate != "19" || l[0].Tax != eur(3800) || l[1].TaxRate != "7.5" || l[1].Tax.Currency != "" || l[2].TaxRate != "" {
		t.Errorf("lines = %+v", l)
	}
	_, err = Parse(strings.NewReader(`{"invoices": [{"number": "I-2", "contact_email": "a@b.test", "status": "unpaid",
  "issued_at": "2025-01-01", "currency": "EUR", "total": "1.00", "amount_paid": "x",
  "lines": [{"title": "a", "total": "1.00", "tax_rate": "119"}, {"title": "b", "total": "1.00", "tax_rate": "-5", "tax": "0.001"}]}]}`))
	for _, want := range []string{
		`invoices[0].amount_paid (line 2): "x" is not a decimal amount`,
		`invoices[0].lines[0].tax_rate (line 3): "119" is not a tax rate in percent (0 to 100)`,
		`invoices[0].lines[1].tax_rate (line 3): "-5" is not a decimal number`,
		`invoices[0].lines[1].tax (line 3): "0.001" has more decimal places than EUR allows`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("problems lack %q:\n%v", want, err)
		}
	}
}

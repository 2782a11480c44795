package portal

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/portal/documents/documentstest"
)

// pdfText extracts a PDF's text with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string { return documentstest.Text(t, pdf) }

// htmlText is a page's text without its tags.
func htmlText(page string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, " "))
}

func TestInvoicePDFAndPrintViewAgree(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Business = Business{Name: "Acme Webworks GmbH", Address: "Hauptstraße 5\n10115 Berlin", TaxID: "DE123456789",
			Registration: "HRB 98765 B", Email: "billing@acme.example", PaymentInstructions: "IBAN DE89 3704 0044 0532 0130 00"}
	})
	e.crm.AddCompany(connectors.Company{ID: "co1", Name: "Ångström Design AB", TaxID: "SE556677889901",
		Address: connectors.Address{Line1: "Storgatan 1", City: "Malmö", PostCode: "211 22", Country: "SE"}})
	e.ann.CompanyID = "co1"
	e.crm.AddContact(e.ann)
	usd := func(m int64) connectors.Money { return connectors.Money{Minor: m, Currency: "USD"} }
	e.crm.AddCompanyInvoice("co1", connectors.Invoice{ID: "inv9", Number: "INV-0009", CompanyID: "co1", Status: connectors.InvoiceUnpaid,
		Subtotal: usd(20000), Tax: usd(3800), Total: usd(23800), AmountDue: usd(23800),
		Lines: []connectors.LineItem{{Title: "Strategy workshop", Quantity: "2", UnitPrice: usd(10000), Total: usd(20000), TaxRate: "19"}}})
	if err := e.store.SaveContactSettings(t.Context(), bridge.ContactSettings{ContactID: "ann", SeeCompanyItems: true}); err != nil {
		t.Fatal(err)
	}
	want := []string{"Acme Webworks GmbH", "Hauptstraße 5", "DE123456789", "HRB 98765 B", "billing@acme.example",
		"Ångström Design AB", "Attn. Ann Lee", "Storgatan 1", "211 22 Malmö", "SE556677889901",
		"INV-0009", "Strategy workshop", "19%", "$200.00", "Tax 19% on $200.00", "$38.00", "$238.00",
		"Amount paid", "Amount due", "Payment instructions", "IBAN DE89 3704 0044 0532 0130 00"}
	for _, path := range []string{"/clients/invoices/inv9.pdf", "/api/v1/invoices/inv9.pdf"} {
		w := e.do(req{path: path, as: "ann", bearer: strings.HasPrefix(path, "/api/")})
		wantStatus(t, w, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("%s: content type %q", path, ct)
		}
		if cd := w.Header().Get("Content-Disposition"); cd != `inline; filename="Invoice-INV-0009.pdf"` {
			t.Errorf("%s: Content-Disposition %q", path, cd)
		}
		text := pdfText(t, w.Body.Bytes())
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("%s: PDF lacks %q:\n%s", path, s, text)
			}
		}
	}
	print := e.do(req{path: "/clients/invoices/inv9/print", as: "ann"})
	wantStatus(t, print, http.StatusOK)
	text := htmlText(print.Body.String())
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("print view lacks %q", s)
		}
	}
	for _, path := range []string{"/clients/invoices/inv9.pdf", "/api/v1/invoices/inv9.pdf", "/clients/quotes/q1.pdf", "/api/v1/quotes/q1.pdf",
		"/clients/quotes/q1/print", "/clients/invoices/nope.pdf", "/clients/invoices/.pdf"} {
		if w := e.do(req{path: path, as: "bob", bearer: strings.HasPrefix(path, "/api/")}); w.Code != http.StatusNotFound {
			t.Errorf("bob %s: status %d, want 404", path, w.Code)
		}
	}
}

func TestQuotePDFInGerman(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/quotes/q1.pdf", as: "ann", header: map[string]string{"Accept-Language": "de"}})
	wantStatus(t, w, http.StatusOK)
	text := pdfText(t, w.Body.Bytes())
	for _, s := range []string{"Angebot", "Q-0001", "Erstellt für", "Angebotsdatum", "Gesamtbetrag", "9.900,00", "Seite 1 von 1"} {
		if !strings.Contains(text, s) {
			t.Errorf("German quote PDF lacks %q:\n%s", s, text)
		}
	}
}

package sqlstore

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore/importfile"
)

// parseFile parses an import file from testdata or a literal.
func parseFile(t *testing.T, src string) *importfile.Data {
	t.Helper()
	if !strings.HasPrefix(src, "{") {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		src = string(b)
	}
	d, err := importfile.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

// tableCounts returns the row count of every CRM table.
func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"companies", "contacts", "invoices", "invoice_lines", "quotes", "quote_lines", "transactions", "tasks"} {
		var n int
		if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestImport(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := parseFile(t, "testdata/import.json")
		sum, err := s.Import(ctx, d)
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		if want := (importfile.Summary{Contacts: 4, Companies: 2, Invoices: 5, Quotes: 3, Transactions: 3, Tasks: 2}); sum != want {
			t.Errorf("summary = %v, want %v", sum, want)
		}
		before := tableCounts(t, s)
		jane, err := s.FindContactByEmail(ctx, "JANE.DOE@northwind.example")
		if err != nil || jane.Address.Line2 != "Floor 3" || jane.CompanyID == "" {
			t.Fatalf("imported contact = %+v, %v", jane, err)
		}
		q, err := s.ListQuotes(ctx, scopeOf(jane.ID, false), pageOf(0, ""))
		if err != nil || len(q.Items) != 1 {
			t.Fatalf("quotes = %+v, %v", q, err)
		}
		if _, _, err := s.DecideQuote(ctx, scopeOf(jane.ID, false), q.Items[0].ID, connectors.Decision{Accept: true, By: "jane"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, parseFile(t, "testdata/import.json")); err != nil {
			t.Fatalf("second Import: %v", err)
		}
		if after := tableCounts(t, s); !equalCounts(before, after) {
			t.Errorf("re-import changed counts: %v → %v", before, after)
		}
		again, err := s.GetQuote(ctx, scopeOf(jane.ID, false), q.Items[0].ID)
		if err != nil || again.Status != connectors.QuoteAccepted || again.DecidedAt.IsZero() {
			t.Errorf("re-import undid the client's decision: %+v, %v", again, err)
		}
		inv, err := s.ListInvoices(ctx, scopeOf(jane.ID, true), pageOf(0, ""))
		if err != nil || len(inv.Items) != 3 || inv.Items[0].Number != "INV-0042" || inv.Items[0].PayURL == "" {
			t.Errorf("Jane's invoices with company = %+v, %v", inv.Items, err)
		}
		tx, err := s.ListTransactions(ctx, scopeOf(jane.ID, false), pageOf(0, ""))
		if err != nil || len(tx.Items) != 2 || tx.Items[0].Amount.Minor != -2000 || tx.Items[1].InvoiceID == "" {
			t.Errorf("Jane's transactions = %+v, %v", tx.Items, err)
		}
	})
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func TestImportUnresolvedReferences(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if _, err := s.Import(ctx, parseFile(t, "testdata/import.json")); err != nil {
			t.Fatal(err)
		}
		before := tableCounts(t, s)
		// The first items are valid and refer to the store; the later ones
		// do not resolve, so nothing may be written.
		d := parseFile(t, `{
"contacts": [{"email": "new@example.com", "company": "Globex GmbH"}, {"email": "x@example.com", "company": "Initech"}],
"invoices": [{"number": "N-1", "contact_email": "new@example.com", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR", "total": "1"},
  {"number": "N-2", "contact_email": "ghost@example.com", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR", "total": "1"},
  {"number": "N-3", "company": "Nobody Ltd", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR", "total": "1"}],
"transactions": [{"reference": "T-1", "contact_email": "new@example.com", "amount": "1", "currency": "EUR", "date": "2025-01-01", "invoice_number": "N-404"}],
"tasks": [{"title": "t", "contact_email": "ghost@example.com", "start": "2025-01-01"}]
}`)
		_, err := s.Import(ctx, d)
		var ierr *importfile.Error
		if !errors.As(err, &ierr) || !errors.Is(err, connectors.ErrInvalid) {
			t.Fatalf("Import = %v, want an *importfile.Error", err)
		}
		for _, want := range []string{
			`contacts[1].company (line 2): no company named "Initech"`,
			`invoices[1].contact_email (line 4): no contact with email "ghost@example.com"`,
			`invoices[2].company (line 5): no company named "Nobody Ltd"`,
			`transactions[0].invoice_number (line 6): no invoice numbered "N-404"`,
			`tasks[0].contact_email (line 7): no contact with email "ghost@example.com"`,
		} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q:\n%v", want, err)
			}
		}
		if len(ierr.Problems) != 5 {
			t.Errorf("%d problems, want 5", len(ierr.Problems))
		}
		if after := tableCounts(t, s); !equalCounts(before, after) {
			t.Errorf("failed import wrote data: %v → %v", before, after)
		}
	})
}

func TestImportAmbiguousContact(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		putContacts(t, s, connectors.Contact{Email: "twin@example.com"}, connectors.Contact{Email: "TWIN@example.com"})
		before := tableCounts(t, s)
		d := parseFile(t, `{"contacts": [{"email": "twin@example.com", "first_name": "T"}],
"tasks": [{"title": "t", "contact_email": "Twin@example.com", "start": "2025-01-01"}]}`)
		_, err := s.Import(context.Background(), d)
		if err == nil || !strings.Contains(err.Error(), `contacts[0].email (line 1): several contacts in the store have "twin@example.com"`) ||
			!strings.Contains(err.Error(), `tasks[0].contact_email (line 2): several contacts in the store have "twin@example.com"`) {
			t.Errorf("Import = %v", err)
		}
		if after := tableCounts(t, s); !equalCounts(before, after) {
			t.Errorf("failed import wrote data: %v → %v", before, after)
		}
	})
}

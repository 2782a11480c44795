package sqlstore

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore/sqlstoretest"
	"github.com/google/uuid"
)

// dialects lists the DSN makers every store test runs on.
var dialects = []struct {
	name string
	dsn  func(testing.TB) string
}{
	{"sqlite", sqlstoretest.SQLiteDSN},
	{"postgres", sqlstoretest.PostgresDSN},
}

// eachDialect runs f on a fresh store of every dialect.
func eachDialect(t *testing.T, f func(t *testing.T, s *Store)) {
	t.Helper()
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			f(t, openStore(t, d.dsn(t), Options{}))
		})
	}
}

// openStore opens dsn and closes the store at cleanup.
func openStore(t testing.TB, dsn string, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixture is a small data set written straight into a store.
type fixture struct {
	company, alice, bob string
	aliceInvoices       []string // newest first: unpaid, paid
	draftInvoice        string
	companyInvoice      string
	sentQuote, draftQ   string
	companyQuote        string
	task, bobTask       string
}

// at returns a fixed date n days into 2025.
func at(n int) time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

func eur(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "EUR"} }

// loadFixture writes a company, two contacts (alice in the company) and a
// few items.
func loadFixture(t testing.TB, s *Store) fixture {
	t.Helper()
	f := fixture{company: uuid.NewString(), alice: uuid.NewString(), bob: uuid.NewString(),
		aliceInvoices: []string{uuid.NewString(), uuid.NewString()}, draftInvoice: uuid.NewString(),
		companyInvoice: uuid.NewString(), sentQuote: uuid.NewString(), draftQ: uuid.NewString(),
		companyQuote: uuid.NewString(), task: uuid.NewString(), bobTask: uuid.NewString()}
	now := time.Now()
	ctx := context.Background()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		steps := []error{
			s.putCompany(ctx, tx, f.company, connectors.Company{Name: "Acme", Email: "office@acme.test"}, now),
			s.putContact(ctx, tx, f.alice, connectors.Contact{Email: "Alice@Example.com", FirstName: "Alice", CompanyID: f.company, PortalAccess: true, Status: "Customer"}, now),
			s.putContact(ctx, tx, f.bob, connectors.Contact{Email: "bob@example.com", FirstName: "Bob", PortalAccess: true, Status: "Lead"}, now),
			s.putInvoice(ctx, tx, f.aliceInvoices[0], owner{contactID: f.alice}, connectors.Invoice{Number: "INV-2", Status: connectors.InvoiceUnpaid, IssuedAt: at(20), DueAt: at(50), Total: eur(12000), AmountDue: eur(12000),
				Lines: []connectors.LineItem{{Title: "Work", Quantity: "1.5", UnitPrice: eur(8000), Total: eur(12000)}}}, now),
			s.putInvoice(ctx, tx, f.aliceInvoices[1], owner{contactID: f.alice}, connectors.Invoice{Number: "INV-1", Status: connectors.InvoicePaid, IssuedAt: at(10), PaidAt: at(12), Total: eur(5000)}, now),
			s.putInvoice(ctx, tx, f.draftInvoice, owner{contactID: f.alice}, connectors.Invoice{Number: "INV-3", Status: connectors.InvoiceDraft, IssuedAt: at(30), Total: eur(1)}, now),
			s.putInvoice(ctx, tx, f.companyInvoice, owner{companyID: f.company}, connectors.Invoice{Number: "INV-C", Status: connectors.InvoiceUnpaid, IssuedAt: at(15), Total: eur(700)}, now),
			s.putQuote(ctx, tx, f.sentQuote, owner{contactID: f.alice}, connectors.Quote{Number: "Q-1", Title: "Roof", Status: connectors.QuoteSent, IssuedAt: at(5), Total: eur(99900)}, now),
			s.putQuote(ctx, tx, f.draftQ, owner{contactID: f.alice}, connectors.Quote{Number: "Q-2", Status: connectors.QuoteDraft, IssuedAt: at(6), Total: eur(1)}, now),
			s.putQuote(ctx, tx, f.companyQuote, owner{companyID: f.company}, connectors.Quote{Number: "Q-C", Status: connectors.QuoteSent, IssuedAt: at(7), Total: eur(2)}, now),
			s.putTransaction(ctx, tx, uuid.NewString(), f.alice, connectors.Transaction{Reference: "PAY-1", Kind: connectors.TransactionPayment, Status: connectors.TransactionSucceeded, Amount: eur(5000), Date: at(12), InvoiceID: f.aliceInvoices[1]}, now),
			s.putTask(ctx, tx, f.task, f.alice, connectors.Task{Title: "Visit", Start: at(40), End: at(40).Add(time.Hour), Location: "Site"}, now),
			s.putTask(ctx, tx, f.bobTask, f.bob, connectors.Task{Title: "Call", Start: at(41)}, now),
		}
		for _, err := range steps {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return f
}

func scopeOf(id string, company bool) connectors.Scope {
	return connectors.Scope{ContactID: id, WithCompany: company}
}

func pageOf(limit int, cursor string) connectors.PageRequest {
	return connectors.PageRequest{Limit: limit, Cursor: cursor}
}

// putContacts writes contacts with fresh IDs.
func putContacts(t *testing.T, s *Store, cs ...connectors.Contact) {
	t.Helper()
	ctx := context.Background()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range cs {
			if err := s.putContact(ctx, tx, uuid.NewString(), c, time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("put contacts: %v", err)
	}
}

// postgresOrSkip returns a fresh PostgreSQL DSN for t.
func postgresOrSkip(t testing.TB) string { return sqlstoretest.PostgresDSN(t) }

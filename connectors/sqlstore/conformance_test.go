package sqlstore

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"github.com/google/uuid"
)

// loadSeed writes a conformance seed into s with fresh IDs, translating
// the seed's company and invoice keys.
func loadSeed(ctx context.Context, s *Store, seed connectortest.Seed) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		l := seedLoader{s: s, tx: tx, now: time.Now(), companies: map[string]string{}, invoices: map[string]string{}}
		return l.load(ctx, seed)
	})
}

type seedLoader struct {
	s         *Store
	tx        *sql.Tx
	now       time.Time
	companies map[string]string
	invoices  map[string]string
}

func (l *seedLoader) load(ctx context.Context, seed connectortest.Seed) error {
	for _, sc := range seed.Companies {
		id := uuid.NewString()
		l.companies[sc.Company.ID] = id
		if err := l.s.putCompany(ctx, l.tx, id, sc.Company, l.now); err != nil {
			return err
		}
		if err := l.documents(ctx, owner{companyID: id}, sc.Invoices, sc.Quotes); err != nil {
			return err
		}
	}
	contactIDs := make([]string, len(seed.Contacts))
	for i, sc := range seed.Contacts {
		c := sc.Contact
		c.CompanyID = l.companies[c.CompanyID]
		contactIDs[i] = uuid.NewString()
		if err := l.s.putContact(ctx, l.tx, contactIDs[i], c, l.now); err != nil {
			return err
		}
		if err := l.documents(ctx, owner{contactID: contactIDs[i]}, sc.Invoices, sc.Quotes); err != nil {
			return err
		}
	}
	for i, sc := range seed.Contacts {
		if err := l.activity(ctx, contactIDs[i], sc); err != nil {
			return err
		}
	}
	return nil
}

func (l *seedLoader) documents(ctx context.Context, o owner, invoices []connectors.Invoice, quotes []connectors.Quote) error {
	for _, v := range invoices {
		id := uuid.NewString()
		l.invoices[v.ID] = id
		if err := l.s.putInvoice(ctx, l.tx, id, o, v, l.now); err != nil {
			return err
		}
	}
	for _, q := range quotes {
		if err := l.s.putQuote(ctx, l.tx, uuid.NewString(), o, q, l.now); err != nil {
			return err
		}
	}
	return nil
}

func (l *seedLoader) activity(ctx context.Context, contactID string, sc connectortest.SeedContact) error {
	for _, t := range sc.Transactions {
		t.InvoiceID = l.invoices[t.InvoiceID]
		if err := l.s.putTransaction(ctx, l.tx, uuid.NewString(), contactID, t, l.now); err != nil {
			return err
		}
	}
	for _, t := range sc.Tasks {
		if err := l.s.putTask(ctx, l.tx, uuid.NewString(), contactID, t, l.now); err != nil {
			return err
		}
	}
	return nil
}

// harness opens a fresh store of one dialect loaded with the seed.
func harness(dsn func(testing.TB) string) connectortest.Harness {
	return connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		s := openStore(t, dsn(t), Options{})
		if err := loadSeed(context.Background(), s, seed); err != nil {
			t.Fatalf("load seed: %v", err)
		}
		return s
	})
}

func TestConformanceSQLite(t *testing.T) {
	connectortest.Run(t, harness(func(t testing.TB) string { return "file:" + t.TempDir() + "/conformance.db" }))
}

func TestConformancePostgres(t *testing.T) {
	connectortest.Run(t, harness(func(t testing.TB) string { return postgresOrSkip(t) }))
}

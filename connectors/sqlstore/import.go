package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore/importfile"
	"github.com/google/uuid"
)

// Import writes a parsed import file in one transaction, matching items
// by natural key so that importing the same file again changes nothing.
// References must name an item in the file or in the store; every one
// that does not is listed in an *importfile.Error (ErrInvalid) and nothing
// is written.
func (s *Store) Import(ctx context.Context, d *importfile.Data) (importfile.Summary, error) {
	if d == nil {
		return importfile.Summary{}, nil
	}
	var sum importfile.Summary
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		im := &importer{s: s, tx: tx, now: time.Now().UTC(),
			companies: map[string]string{}, contacts: map[string]string{}, invoices: map[string]string{}}
		var err error
		sum, err = im.run(ctx, d)
		if err != nil {
			return err
		}
		if len(im.problems) > 0 {
			return &importfile.Error{Problems: im.problems}
		}
		return nil
	})
	if err != nil {
		return importfile.Summary{}, ctxWrap(ctx, "import", err)
	}
	s.log.InfoContext(ctx, "sqlstore: imported", "summary", sum.String())
	return sum, nil
}

// importer holds one import's transaction and the IDs resolved so far.
type importer struct {
	s         *Store
	tx        *sql.Tx
	now       time.Time
	companies map[string]string // name → ID
	contacts  map[string]string // email key → ID
	invoices  map[string]string // number → ID
	problems  []importfile.Problem
}

// run imports every section in dependency order.
func (im *importer) run(ctx context.Context, d *importfile.Data) (importfile.Summary, error) {
	var sum importfile.Summary
	steps := []struct {
		n *int
		f func(context.Context, *importfile.Data) (int, error)
	}{
		{&sum.Companies, im.importCompanies}, {&sum.Contacts, im.importContacts},
		{&sum.Invoices, im.importInvoices}, {&sum.Quotes, im.importQuotes},
		{&sum.Transactions, im.importTransactions}, {&sum.Tasks, im.importTasks},
	}
	for _, st := range steps {
		n, err := st.f(ctx, d)
		if err != nil {
			return sum, err
		}
		*st.n = n
	}
	return sum, nil
}

// lookup returns the ID one row of query finds, "" when none, and
// ErrAmbiguous when several.
func (im *importer) lookup(ctx context.Context, query string, args ...any) (string, error) {
	rows, err := im.s.query(ctx, im.tx, query+` LIMIT 2`, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	switch len(ids) {
	case 0:
		return "", nil
	case 1:
		return ids[0], nil
	}
	return "", connectors.ErrAmbiguous
}

// existing returns the stored ID for a natural key, or a new one.
func (im *importer) existing(ctx context.Context, query string, args ...any) (string, error) {
	id, err := im.lookup(ctx, query, args...)
	if id == "" && err == nil {
		id = uuid.NewString()
	}
	return id, err
}

// resolve finds a referenced item in the file's map or the store and
// records a problem when it is missing or ambiguous.
func (im *importer) resolve(ctx context.Context, cache map[string]string, key string, pos importfile.Pos, field, what, query string) (string, bool, error) {
	if id, ok := cache[key]; ok {
		// "" marks an item of the file that could not be written; its
		// own problem is already reported.
		return id, id != "", nil
	}
	id, err := im.lookup(ctx, query, key)
	switch {
	case errors.Is(err, connectors.ErrAmbiguous):
		// Only contact emails can repeat in the store.
		im.problems = append(im.problems, pos.Problem(field, "several contacts in the store have %q", key))
		return "", false, nil
	case err != nil:
		return "", false, err
	case id == "":
		im.problems = append(im.problems, pos.Problem(field, "no %s %q in the file or the store", what, key))
		return "", false, nil
	}
	cache[key] = id
	return id, true, nil
}

func (im *importer) companyID(ctx context.Context, name string, pos importfile.Pos, field string) (string, bool, error) {
	return im.resolve(ctx, im.companies, name, pos, field, "company named", `SELECT id FROM companies WHERE name = ?`)
}

func (im *importer) contactID(ctx context.Context, email string, pos importfile.Pos, field string) (string, bool, error) {
	return im.resolve(ctx, im.contacts, emailKey(email), pos, field, "contact with email", `SELECT id FROM contacts WHERE email_key = ?`)
}

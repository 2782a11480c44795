package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// ListTransactions returns the contact's payments and refunds, newest
// first. Transactions belong to contacts only, so WithCompany adds none.
func (s *Store) ListTransactions(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	page, err := listPage(ctx, s, listSpec[connectors.Transaction]{
		base: `SELECT id, reference, kind, status, title, amount, currency, happened_at, COALESCE(invoice_id, '')
			FROM transactions WHERE contact_id = ?`,
		args:    []any{scopeID(sc.ContactID)},
		dateCol: "happened_at",
		scan: func(r *sql.Rows) (connectors.Transaction, error) {
			var t connectors.Transaction
			err := r.Scan(&t.ID, &t.Reference, &t.Kind, &t.Status, &t.Title, &t.Amount.Minor, &t.Amount.Currency,
				tm(&t.Date), &t.InvoiceID)
			return t, err
		},
		key: func(t connectors.Transaction) (time.Time, string) { return t.Date, t.ID },
	}, p)
	return page, ctxWrap(ctx, "list transactions", err)
}

package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// putInvoice stores an invoice and its lines under id.
func (s *Store) putInvoice(ctx context.Context, tx *sql.Tx, id string, o owner, v connectors.Invoice, now time.Time) error {
	vals := []any{v.Number, null(o.contactID), null(o.companyID), string(v.Status), s.d.ts(v.IssuedAt),
		s.d.nullTS(v.DueAt), s.d.nullTS(v.PaidAt), v.Total.Currency, v.Subtotal.Minor, v.Discount.Minor, v.Tax.Minor,
		v.Total.Minor, v.AmountDue.Minor, v.PayURL, v.Notes, s.d.ts(now), nullMoney(v.AmountPaid)}
	const cols = `number, contact_id, company_id, status, issued_at, due_at, paid_at, currency,
		subtotal, discount, tax, total, amount_due, pay_url, notes, updated_at, amount_paid`
	err := s.upsert(ctx, tx, `UPDATE invoices SET (`+cols+`) = (`+marks(len(vals))+`) WHERE id = ?`, append(vals, id),
		`INSERT INTO invoices (`+cols+`, id, created_at) VALUES (`+marks(len(vals)+2)+`)`, append(vals, id, s.d.ts(now)))
	if err != nil {
		return err
	}
	return s.saveLines(ctx, tx, invoiceLines, id, v.Lines)
}

// putQuote stores a quote and its lines under id.
func (s *Store) putQuote(ctx context.Context, tx *sql.Tx, id string, o owner, q connectors.Quote, now time.Time) error {
	vals := []any{q.Number, q.Title, null(o.contactID), null(o.companyID), string(q.Status), s.d.ts(q.IssuedAt),
		s.d.nullTS(q.ValidUntil), s.d.nullTS(q.DecidedAt), q.Total.Currency, q.Total.Minor, q.Description, s.d.ts(now)}
	const cols = `number, title, contact_id, company_id, status, issued_at, valid_until, decided_at,
		currency, total, description, updated_at`
	err := s.upsert(ctx, tx, `UPDATE quotes SET (`+cols+`) = (`+marks(len(vals))+`) WHERE id = ?`, append(vals, id),
		`INSERT INTO quotes (`+cols+`, id, created_at) VALUES (`+marks(len(vals)+2)+`)`, append(vals, id, s.d.ts(now)))
	if err != nil {
		return err
	}
	return s.saveLines(ctx, tx, quoteLines, id, q.Lines)
}

// putTransaction stores a contact's transaction under id; its InvoiceID
// must be a stored invoice's ID or "".
func (s *Store) putTransaction(ctx context.Context, tx *sql.Tx, id, contactID string, t connectors.Transaction, now time.Time) error {
	vals := []any{t.Reference, contactID, string(t.Kind), string(t.Status), t.Title, t.Amount.Minor, t.Amount.Currency,
		s.d.ts(t.Date), null(t.InvoiceID)}
	const cols = `reference, contact_id, kind, status, title, amount, currency, happened_at, invoice_id`
	return s.upsert(ctx, tx, `UPDATE transactions SET (`+cols+`) = (`+marks(len(vals))+`) WHERE id = ?`, append(vals, id),
		`INSERT INTO transactions (`+cols+`, id, created_at) VALUES (`+marks(len(vals)+2)+`)`, append(vals, id, s.d.ts(now)))
}

// putTask stores a contact's task under id.
func (s *Store) putTask(ctx context.Context, tx *sql.Tx, id, contactID string, t connectors.Task, now time.Time) error {
	vals := []any{contactID, t.Title, t.Description, s.d.ts(t.Start), s.d.nullTS(t.End), t.Location, t.Complete}
	const cols = `contact_id, title, description, start_at, end_at, location, complete`
	return s.upsert(ctx, tx, `UPDATE tasks SET (`+cols+`) = (`+marks(len(vals))+`) WHERE id = ?`, append(vals, id),
		`INSERT INTO tasks (`+cols+`, id, created_at) VALUES (`+marks(len(vals)+2)+`)`, append(vals, id, s.d.ts(now)))
}

package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
)

// transactionColumns lists the transactions columns in scanTransaction's
// order.
const transactionColumns = `id, reference, kind, status, title, amount, currency, happened_at, COALESCE(invoice_id, '')`

func scanTransaction(row interface{ Scan(...any) error }) (connectors.Transaction, error) {
	var t connectors.Transaction
	err := row.Scan(&t.ID, &t.Reference, &t.Kind, &t.Status, &t.Title, &t.Amount.Minor, &t.Amount.Currency, tm(&t.Date), &t.InvoiceID)
	return t, err
}

// RecordPayment records a payment or refund against one of the scope's
// invoices and settles the invoice (amount paid, amount due, status), in
// one transaction. The reference is unique: the same payment again
// returns the stored transaction with recorded == false, another payment
// under the same reference is ErrConflict. Locks on the reference and on
// the invoice (PostgreSQL advisory locks; SQLite has one writer) keep
// concurrent payments of one invoice from losing each other's update.
func (s *Store) RecordPayment(ctx context.Context, sc connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	if err := p.Validate(); err != nil {
		return connectors.Transaction{}, false, wrap("record payment", err)
	}
	if !isID(p.InvoiceID) || !isID(sc.ContactID) {
		return connectors.Transaction{}, false, ctxWrap(ctx, "record payment", connectors.ErrNotFound)
	}
	var t connectors.Transaction
	recorded := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, recorded, err = s.recordPayment(ctx, tx, sc, p)
		return err
	})
	return t, recorded, ctxWrap(ctx, "record payment", err)
}

func (s *Store) recordPayment(ctx context.Context, tx *sql.Tx, sc connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	if err := s.lockKey(ctx, tx, "sqlstore.transactions.ref."+p.Reference); err != nil {
		return connectors.Transaction{}, false, err
	}
	old, err := scanTransaction(s.row(ctx, tx, `SELECT `+transactionColumns+` FROM transactions WHERE reference = ?`, p.Reference))
	switch {
	case err == nil && !connectors.SamePayment(old, p):
		return connectors.Transaction{}, false, fmt.Errorf("%w: reference %s names another payment", connectors.ErrConflict, p.Reference)
	case err == nil:
		return old, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return connectors.Transaction{}, false, err
	}
	if err := s.lockKey(ctx, tx, "sqlstore.invoice."+p.InvoiceID); err != nil {
		return connectors.Transaction{}, false, err
	}
	where, args := ownerWhere(sc)
	inv, err := scanInvoice(s.row(ctx, tx, `SELECT `+invoiceColumns+` FROM invoices WHERE status <> 'draft' AND id = ? AND `+where,
		append([]any{p.InvoiceID}, args...)...))
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	now := time.Now().UTC()
	settled, err := connectors.Settle(inv, p, now)
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	_, err = s.exec(ctx, tx, `UPDATE invoices SET status = ?, amount_due = ?, amount_paid = ?, paid_at = ?, updated_at = ? WHERE id = ?`,
		string(settled.Status), settled.AmountDue.Minor, settled.AmountPaid.Minor, s.d.nullTS(settled.PaidAt), s.d.ts(now), inv.ID)
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	t := connectors.PaymentTransaction(p, uuid.NewString())
	return t, true, s.putTransaction(ctx, tx, t.ID, sc.ContactID, t, now)
}

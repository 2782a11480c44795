package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// invoiceColumns lists the invoices columns in scanInvoice's order.
const invoiceColumns = `id, number, status, issued_at, due_at, paid_at, currency,
	subtotal, discount, tax, total, amount_due, pay_url, notes, COALESCE(company_id, ''), amount_paid`

func scanInvoice(row interface{ Scan(...any) error }) (connectors.Invoice, error) {
	var v connectors.Invoice
	var cur string
	err := row.Scan(&v.ID, &v.Number, &v.Status, tm(&v.IssuedAt), tm(&v.DueAt), tm(&v.PaidAt), &cur,
		&v.Subtotal.Minor, &v.Discount.Minor, &v.Tax.Minor, &v.Total.Minor, &v.AmountDue.Minor,
		&v.PayURL, &v.Notes, &v.CompanyID, optMoney{&v.AmountPaid})
	for _, m := range []*connectors.Money{&v.Subtotal, &v.Discount, &v.Tax, &v.Total, &v.AmountDue} {
		m.Currency = cur
	}
	if v.AmountPaid.Currency != "" {
		v.AmountPaid.Currency = cur
	}
	return v, err
}

// ListInvoices returns the scope's invoices, newest first, without drafts.
func (s *Store) ListInvoices(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	where, args := ownerWhere(sc)
	page, err := listPage(ctx, s, listSpec[connectors.Invoice]{
		base:    `SELECT ` + invoiceColumns + ` FROM invoices WHERE status <> 'draft' AND ` + where,
		args:    args,
		dateCol: "issued_at",
		scan:    func(r *sql.Rows) (connectors.Invoice, error) { return scanInvoice(r) },
		key:     func(v connectors.Invoice) (time.Time, string) { return v.IssuedAt, v.ID },
	}, p)
	if err == nil {
		err = s.attachInvoiceLines(ctx, page.Items)
	}
	return page, ctxWrap(ctx, "list invoices", err)
}

// GetInvoice returns one of the scope's invoices; ErrNotFound for a
// draft or anyone else's.
func (s *Store) GetInvoice(ctx context.Context, sc connectors.Scope, invoiceID string) (connectors.Invoice, error) {
	if !isID(invoiceID) || !isID(sc.ContactID) {
		return connectors.Invoice{}, ctxWrap(ctx, "get invoice", connectors.ErrNotFound)
	}
	where, args := ownerWhere(sc)
	v, err := scanInvoice(s.row(ctx, s.db, `SELECT `+invoiceColumns+` FROM invoices
		WHERE status <> 'draft' AND id = ? AND `+where, append([]any{invoiceID}, args...)...))
	if err == nil {
		items := []connectors.Invoice{v}
		err = s.attachInvoiceLines(ctx, items)
		v = items[0]
	}
	return v, ctxWrap(ctx, "get invoice", err)
}

func (s *Store) attachInvoiceLines(ctx context.Context, items []connectors.Invoice) error {
	cur := map[string]string{}
	for _, v := range items {
		cur[v.ID] = v.Total.Currency
	}
	lines, err := s.loadLines(ctx, s.db, invoiceLines, cur)
	for i := range items {
		items[i].Lines = lines[items[i].ID]
	}
	return err
}

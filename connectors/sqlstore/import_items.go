package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore/importfile"
)

func (im *importer) importInvoices(ctx context.Context, d *importfile.Data) (int, error) {
	n := 0
	for _, v := range d.Invoices {
		o, ok, err := im.owner(ctx, v.ContactEmail, v.Company, v.Pos)
		if err != nil {
			return 0, err
		}
		if !ok {
			im.invoices[v.Invoice.Number] = ""
			continue
		}
		id, err := im.existing(ctx, `SELECT id FROM invoices WHERE number = ?`, v.Invoice.Number)
		if err != nil {
			return 0, err
		}
		if err := im.s.putInvoice(ctx, im.tx, id, o, v.Invoice, im.now); err != nil {
			return 0, err
		}
		im.invoices[v.Invoice.Number] = id
		n++
	}
	return n, nil
}

func (im *importer) importQuotes(ctx context.Context, d *importfile.Data) (int, error) {
	n := 0
	for _, q := range d.Quotes {
		o, ok, err := im.owner(ctx, q.ContactEmail, q.Company, q.Pos)
		if err != nil {
			return 0, err
		}
		if !ok {
			continue
		}
		id, err := im.existing(ctx, `SELECT id FROM quotes WHERE number = ?`, q.Quote.Number)
		if err != nil {
			return 0, err
		}
		quote, err := im.keepDecision(ctx, id, q.Quote)
		if err != nil {
			return 0, err
		}
		if err := im.s.putQuote(ctx, im.tx, id, o, quote, im.now); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// keepDecision keeps a stored acceptance or decline when the file still
// calls the quote sent, so re-importing never undoes a client's decision.
func (im *importer) keepDecision(ctx context.Context, id string, q connectors.Quote) (connectors.Quote, error) {
	if q.Status != connectors.QuoteSent {
		return q, nil
	}
	var status string
	var decided dbTime
	var at = q.DecidedAt
	decided.t = &at
	err := im.s.row(ctx, im.tx, `SELECT status, decided_at FROM quotes WHERE id = ?`, id).Scan(&status, decided)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return q, nil
	case err != nil:
		return q, err
	}
	if s := connectors.QuoteStatus(status); s == connectors.QuoteAccepted || s == connectors.QuoteDeclined {
		q.Status, q.DecidedAt = s, at
	}
	return q, nil
}

func (im *importer) importTransactions(ctx context.Context, d *importfile.Data) (int, error) {
	n := 0
	for _, t := range d.Transactions {
		contact, ok, err := im.contactID(ctx, t.ContactEmail, t.Pos, "contact_email")
		if err != nil {
			return 0, err
		}
		tr := t.Transaction
		if t.InvoiceNumber != "" {
			inv, found, err := im.resolve(ctx, im.invoices, t.InvoiceNumber, t.Pos, "invoice_number", "invoice numbered", `SELECT id FROM invoices WHERE number = ?`)
			if err != nil {
				return 0, err
			}
			ok, tr.InvoiceID = ok && found, inv
		}
		if !ok {
			continue
		}
		id, err := im.existing(ctx, `SELECT id FROM transactions WHERE reference = ?`, tr.Reference)
		if err != nil {
			return 0, err
		}
		if err := im.s.putTransaction(ctx, im.tx, id, contact, tr, im.now); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

func (im *importer) importTasks(ctx context.Context, d *importfile.Data) (int, error) {
	n := 0
	for _, t := range d.Tasks {
		contact, ok, err := im.contactID(ctx, t.ContactEmail, t.Pos, "contact_email")
		if err != nil {
			return 0, err
		}
		if !ok {
			continue
		}
		id, err := im.existing(ctx, `SELECT id FROM tasks WHERE contact_id = ? AND title = ? AND start_at = ?`,
			contact, t.Task.Title, im.s.d.ts(t.Task.Start))
		if err != nil {
			return 0, err
		}
		if err := im.s.putTask(ctx, im.tx, id, contact, t.Task, im.now); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

package jetpackcrm

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/httpclient"
)

// RecordPayment writes a payment as a transaction through
// create_transaction, keyed by orderid (the payment's reference): the
// CRM updates the transaction with that orderid instead of adding one, so
// the call is idempotent and is retried like a read. It first reads the
// contact (one customer_search call, which lists their invoices and
// transactions): the invoice must be theirs, and a transaction with the
// reference already there is returned with recorded == false. The API
// cannot link a transaction to an invoice or mark an invoice paid (it
// ignores invoice_id), so the invoice stays open until staff settle it:
// no SettlesInvoices capability.
func (c *Connector) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Transaction{}, false, err
	}
	if err := validatePayment(p); err != nil {
		return connectors.Transaction{}, false, err
	}
	obj, err := c.contactData(ctx, s.ContactID)
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	if err := c.checkInvoice(obj, p); err != nil {
		return connectors.Transaction{}, false, err
	}
	if t, ok, err := c.storedPayment(obj, p); ok || err != nil {
		return t, false, err
	}
	raw, err := c.post(httpclient.WithIdempotent(ctx), "create_transaction", transactionBody(obj.text("email"), p))
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	ans, err := decodeWrite("create_transaction", raw)
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	t := connectors.PaymentTransaction(p, ans.id())
	t.InvoiceID = "" // the CRM does not keep the link
	return t, true, nil
}

func validatePayment(p connectors.Payment) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("jetpackcrm: record payment: %w", err)
	}
	var verr connectors.ValidationError
	checkValue(&verr, "title", p.Title)
	checkValue(&verr, "reference", p.Reference)
	return verr.OrNil()
}

// checkInvoice checks that the invoice is one of the contact's visible
// invoices, in the payment's currency, with at least a payment's amount
// due.
func (c *Connector) checkInvoice(contact object, p connectors.Payment) error {
	for _, o := range contact.list("invoices") {
		if o.id() != p.InvoiceID {
			continue
		}
		inv, err := c.m.invoice(o)
		switch {
		case errors.Is(err, errHidden):
		case err != nil:
			return err
		case inv.Total.Currency != p.Amount.Currency:
			return fmt.Errorf("%w: jetpackcrm: payment in %s for invoice %s in %s", connectors.ErrInvalid,
				p.Amount.Currency, inv.Number, inv.Total.Currency)
		case p.Kind == connectors.TransactionPayment && p.Amount.Minor > inv.AmountDue.Minor:
			return fmt.Errorf("%w: jetpackcrm: payment of %s exceeds the %s due on invoice %s", connectors.ErrConflict,
				p.Amount, inv.AmountDue, inv.Number)
		default:
			return nil
		}
	}
	return fmt.Errorf("%w: jetpackcrm: invoice %q of contact %q", connectors.ErrNotFound, p.InvoiceID, contact.id())
}

// storedPayment finds the contact's transaction with the payment's
// reference: ok when it records this payment, ErrConflict when it
// records another.
func (c *Connector) storedPayment(contact object, p connectors.Payment) (connectors.Transaction, bool, error) {
	for _, o := range contact.list("transactions") {
		if strings.TrimSpace(o.text("ref")) != p.Reference {
			continue
		}
		t, err := c.m.transaction(o)
		if err != nil {
			return connectors.Transaction{}, false, err
		}
		if !connectors.SamePayment(t, p) {
			return connectors.Transaction{}, false, fmt.Errorf("%w: jetpackcrm: order ID %s names another transaction",
				connectors.ErrConflict, p.Reference)
		}
		return t, true, nil
	}
	return connectors.Transaction{}, false, nil
}

// transactionBody is create_transaction's body. Every field is sent each
// time, because an update replaces the transaction whole (omitted fields
// are blanked, an omitted date becomes 0); the date must be a unix
// integer (a date string is cast to its year).
func transactionBody(email string, p connectors.Payment) map[string]any {
	status, kind := "Succeeded", "Sale"
	if p.Kind == connectors.TransactionRefund {
		status, kind = "Refunded", "Refund"
	}
	return map[string]any{
		"orderid": p.Reference, "email": email, "status": status, "type": kind,
		"total": p.Amount.Decimal(), "net": p.Amount.Decimal(), "currency": p.Amount.Currency,
		"title": p.Title, "date": p.Date.Unix(),
	}
}

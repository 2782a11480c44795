package restapi

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"clientgate/connectors"
)

// opRecordPayment names RecordPayment in errors.
const opRecordPayment = "record_payment"

// opRecordedPayments names record_payment's check for a payment recorded
// before.
const opRecordedPayments = "record_payment.recorded"

// paymentVarNames are the variables of record_payment and its recorded
// request: the invoice, the scope, and the payment (amount as a decimal
// and in minor units, currency in upper and lower case, date as RFC 3339
// and unix seconds, reference, title, kind).
var paymentVarNames = []string{"invoice_id", "contact_id", "company_id", "reference", "amount", "amount_minor",
	"currency", "currency_lower", "date", "date_unix", "title", "kind"}

// paymentVars are the variables of a payment of inv.
func paymentVars(s connectors.Scope, inv connectors.Invoice, p connectors.Payment) map[string]string {
	return map[string]string{
		"invoice_id": inv.ID, "contact_id": s.ContactID, "company_id": inv.CompanyID, "reference": p.Reference,
		"amount": p.Amount.Decimal(), "amount_minor": strconv.FormatInt(p.Amount.Minor, 10),
		"currency": p.Amount.Currency, "currency_lower": strings.ToLower(p.Amount.Currency),
		"date": p.Date.UTC().Format(time.RFC3339), "date_unix": strconv.FormatInt(p.Date.Unix(), 10),
		"title": p.Title, "kind": string(p.Kind),
	}
}

// RecordPayment writes a payment (or refund, when the mapping records
// refunds) through record_payment. It reads the invoice first with
// get_invoice (ownership, currency), asks the recorded request whether
// the reference is there already, checks the amount due, and only then
// sends the write: calls with one reference are serialised in this process,
// so concurrent retries record it once. ErrUnsupported when the mapping
// has no record_payment, or records no refunds and p is one.
func (c *Connector) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	op := c.m.Operations.RecordPayment
	if op == nil || !c.Capabilities().RecordPayments {
		return connectors.Transaction{}, false, unsupported(opRecordPayment)
	}
	if err := p.Validate(); err != nil {
		return connectors.Transaction{}, false, fmt.Errorf("restapi: record payment: %w", err)
	}
	if !op.records(p.Kind) {
		return connectors.Transaction{}, false, fmt.Errorf("%w: restapi: the mapping records no %s", connectors.ErrUnsupported, p.Kind)
	}
	inv, err := c.GetInvoice(ctx, s, p.InvoiceID)
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	if inv.Total.Currency != "" && inv.Total.Currency != p.Amount.Currency {
		return connectors.Transaction{}, false, fmt.Errorf("%w: restapi: payment in %s for invoice %s in %s", connectors.ErrInvalid,
			p.Amount.Currency, inv.Number, inv.Total.Currency)
	}
	defer c.payLocks.lock(p.Reference)()
	vars := paymentVars(s, inv, p)
	if t, found, err := c.recordedPayment(ctx, op.Recorded, vars, p); found || err != nil {
		return t, false, err
	}
	if p.Kind == connectors.TransactionPayment && p.Amount.Minor > inv.AmountDue.Minor {
		return connectors.Transaction{}, false, fmt.Errorf("%w: restapi: payment of %s exceeds the %s due on invoice %s",
			connectors.ErrConflict, p.Amount, inv.AmountDue, inv.Number)
	}
	a, err := c.do(ctx, call{name: opRecordPayment, op: op, vars: vars})
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	id := p.Reference
	if op.Fields["id"] != nil {
		item, err := itemOf(opRecordPayment, a.doc, op.Item)
		if err != nil {
			return connectors.Transaction{}, false, err
		}
		stored, _, err := decode(c.reader(ctx, opRecordPayment), txnSchema, op.Fields, item, op.Item)
		if err != nil {
			return connectors.Transaction{}, false, err
		}
		id = stored.ID
	}
	return connectors.PaymentTransaction(p, id), true, nil
}

// records reports whether record_payment takes payments of kind k.
func (op *Operation) records(k connectors.TransactionKind) bool {
	if len(op.Records) == 0 {
		return k == connectors.TransactionPayment
	}
	for _, r := range op.Records {
		if r == string(k) {
			return true
		}
	}
	return false
}

// recordedPayment sends the recorded request and looks for the payment's
// reference: found with the same amount, it is the payment as recorded;
// with another amount, ErrConflict.
func (c *Connector) recordedPayment(ctx context.Context, op *Operation, vars map[string]string, p connectors.Payment) (connectors.Transaction, bool, error) {
	a, err := c.do(ctx, call{name: opRecordedPayments, op: op, vars: vars})
	if op.EmptyOn404 && errors.Is(err, connectors.ErrNotFound) {
		return connectors.Transaction{}, false, nil
	}
	if err != nil {
		return connectors.Transaction{}, false, err
	}
	items := a.doc
	if op.Items != "" {
		items = a.doc.Get(op.Items)
	}
	for i, item := range items.Array() {
		t, _, err := decode(c.reader(ctx, opRecordedPayments), txnSchema, op.Fields, item, op.Items+"."+strconv.Itoa(i))
		if err != nil || t.Reference != p.Reference {
			continue
		}
		if abs(t.Amount.Minor) != p.Amount.Minor || (t.Amount.Currency != "" && t.Amount.Currency != p.Amount.Currency) {
			return connectors.Transaction{}, false, fmt.Errorf("%w: restapi: reference %s names a payment of %s, not %s",
				connectors.ErrConflict, p.Reference, t.Amount, p.Amount)
		}
		if t.ID == "" {
			t.ID = p.Reference
		}
		return connectors.PaymentTransaction(p, t.ID), true, nil
	}
	return connectors.Transaction{}, false, nil
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

package connectortest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"clientgate/connectors"
)

// payer is a RecordPayment check bound to a loaded seed.
type payer struct {
	r Reporter
	w *world
}

// paidAt is the date of every payment the check records.
var paidAt = time.Date(2025, 7, 1, 10, 30, 0, 0, time.UTC)

// CheckRecordPayment checks RecordPayment: a payment of a contact's own
// invoice is recorded once however often it is sent (also concurrently),
// listed among the contact's transactions and, with SettlesInvoices,
// settles the invoice (paid, or partially paid); another contact's
// invoice and malformed IDs are ErrNotFound, another currency and bad
// payments ErrInvalid, a reference reused for another amount ErrConflict.
// It changes the backend: give it its own Open.
func CheckRecordPayment(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	caps := c.Capabilities()
	if !caps.RecordPayments || !caps.Invoices {
		return
	}
	w := open(r, c, seed)
	if w == nil {
		return
	}
	p := payer{r: r, w: w}
	inv, ok := p.invoice(keyZoe, "INV-1007")
	if !ok {
		return
	}
	full := p.payment("cg-test-1007", inv, inv.AmountDue.Minor)
	p.refused(keyAlice, full, connectors.ErrNotFound, "another contact's invoice")
	for _, id := range malformedIDs() {
		bad := full
		bad.InvoiceID = id
		p.refused(keyZoe, bad, connectors.ErrNotFound, "malformed invoice ID "+quoted(id))
	}
	usd := full
	usd.Amount.Currency = "USD"
	p.refused(keyZoe, usd, connectors.ErrInvalid, "payment in another currency")
	zero := full
	zero.Amount.Minor = 0
	p.refused(keyZoe, zero, connectors.ErrInvalid, "payment of nothing")
	p.record(keyZoe, full, true)
	p.record(keyZoe, full, false)
	other := full
	other.Amount.Minor--
	p.refused(keyZoe, other, connectors.ErrConflict, "reference reused for another amount")
	p.settled(keyZoe, inv, connectors.InvoicePaid, 0)
	p.concurrent(keyZoe, "INV-1006")
	if caps.CompanyItems {
		p.company()
	}
}

// invoice returns a seeded invoice as the backend has it.
func (p payer) invoice(key, number string) (connectors.Invoice, bool) {
	p.r.Helper()
	inv, err := p.w.c.GetInvoice(context.Background(), p.w.scope(key, true), p.w.id(invoiceKind(), number))
	return inv, noErr(p.r, "GetInvoice "+number, err)
}

func (p payer) payment(ref string, inv connectors.Invoice, minor int64) connectors.Payment {
	return connectors.Payment{Reference: ref, InvoiceID: inv.ID, Kind: connectors.TransactionPayment,
		Amount: connectors.Money{Minor: minor, Currency: inv.Total.Currency}, Date: paidAt, Title: "Card payment " + inv.Number}
}

// refused checks that paying as contact key fails with want and records
// nothing.
func (p payer) refused(key string, pay connectors.Payment, want error, what string) {
	p.r.Helper()
	_, _, err := p.w.c.RecordPayment(context.Background(), p.w.scope(key, true), pay)
	wantErr(p.r, "RecordPayment of "+what, err, want)
	if !p.w.caps.Transactions {
		return // nothing to count (see count)
	}
	if n := p.count(keyZoe, pay.Reference) + p.count(keyAlice, pay.Reference); n > 0 && want != connectors.ErrConflict {
		p.r.Errorf("RecordPayment of %s: %d transactions recorded, want none", what, n)
	}
}

// record checks one RecordPayment call and that the payment is listed
// exactly once afterwards.
func (p payer) record(key string, pay connectors.Payment, wantRecorded bool) {
	p.r.Helper()
	where := fmt.Sprintf("RecordPayment %s (call expected to record: %v)", pay.Reference, wantRecorded)
	t, recorded, err := p.w.c.RecordPayment(context.Background(), p.w.scope(key, true), pay)
	if !noErr(p.r, where, err) {
		return
	}
	eq(p.r, where+" recorded", recorded, wantRecorded)
	eq(p.r, where+" reference", t.Reference, pay.Reference)
	eq(p.r, where+" amount", t.Amount, pay.Amount)
	eq(p.r, where+" kind", t.Kind, connectors.TransactionPayment)
	if t.ID == "" {
		p.r.Errorf("%s: transaction without an ID", where)
	}
	if n := p.count(key, pay.Reference); n != 1 {
		p.r.Errorf("%s: listed %d times, want once", where, n)
	}
}

// count returns how many of the contact's transactions carry ref.
func (p payer) count(key, ref string) int {
	if !p.w.caps.Transactions {
		return 1
	}
	items, err := p.w.listAll(context.Background(), transactionKind(), p.w.scope(key, true), connectors.MaxLimit)
	if err != nil {
		p.r.Errorf("listing transactions of %s: %v", key, err)
		return -1
	}
	n := 0
	for _, e := range items {
		if e.Key == ref {
			n++
		}
	}
	return n
}

// settled checks the invoice after payments: with SettlesInvoices in the
// status given with dueMinor left, else as it was.
func (p payer) settled(key string, before connectors.Invoice, status connectors.InvoiceStatus, dueMinor int64) {
	p.r.Helper()
	after, ok := p.invoice(key, before.Number)
	if !ok {
		return
	}
	if !p.w.caps.SettlesInvoices {
		eq(p.r, before.Number+" status without SettlesInvoices", after.Status, before.Status)
		return
	}
	eq(p.r, before.Number+" status after payment", after.Status, status)
	eq(p.r, before.Number+" amount due after payment", after.AmountDue.Minor, dueMinor)
	if paid := before.AmountDue.Minor - dueMinor; after.Paid().Minor < paid {
		p.r.Errorf("%s: paid %v after payment, want at least %d", before.Number, after.Paid(), paid)
	}
}

// concurrent sends one part payment eight times at once: it must be
// recorded once (the invoice partly paid, with exactly that amount
// less due).
func (p payer) concurrent(key, number string) {
	p.r.Helper()
	inv, ok := p.invoice(key, number)
	if !ok {
		return
	}
	half := p.payment("cg-test-concurrent", inv, inv.AmountDue.Minor/2)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, _, err := p.w.c.RecordPayment(context.Background(), p.w.scope(key, true), half)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		noErr(p.r, "concurrent RecordPayment", err)
	}
	if n := p.count(key, half.Reference); n != 1 {
		p.r.Errorf("concurrent RecordPayment of one payment: listed %d times, want once", n)
	}
	p.settled(key, inv, connectors.InvoicePartiallyPaid, inv.AmountDue.Minor-half.Amount.Minor)
}

// company checks a payment of a company invoice: refused without
// WithCompany, recorded with it.
func (p payer) company() {
	p.r.Helper()
	inv, ok := p.invoice(keyAlice, "INV-1202")
	if !ok {
		return
	}
	pay := p.payment("cg-test-company", inv, inv.AmountDue.Minor)
	_, _, err := p.w.c.RecordPayment(context.Background(), p.w.scope(keyAlice, false), pay)
	wantErr(p.r, "RecordPayment of a company invoice without WithCompany", err, connectors.ErrNotFound)
	p.record(keyAlice, pay, true)
	p.settled(keyBob, inv, connectors.InvoicePaid, 0)
}

package connectors

import (
	"errors"
	"testing"
	"time"
)

func TestSettle(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	eur := func(m int64) Money { return Money{Minor: m, Currency: "EUR"} }
	open := Invoice{Number: "INV-1", Status: InvoiceUnpaid, Total: eur(10000), AmountDue: eur(10000), DueAt: now.AddDate(0, 0, 10)}
	overdue := open
	overdue.DueAt = now.AddDate(0, 0, -1)
	pay := func(kind TransactionKind, m int64, cur string) Payment {
		return Payment{Reference: "r", InvoiceID: "i", Kind: kind, Amount: Money{Minor: m, Currency: cur}, Date: now}
	}
	paidInv, err := Settle(open, pay(TransactionPayment, 10000, "EUR"), now)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		inv       Invoice
		p         Payment
		status    InvoiceStatus
		paid, due int64
		paidAtSet bool
		wantErr   error
	}{
		{"full payment", open, pay(TransactionPayment, 10000, "EUR"), InvoicePaid, 10000, 0, true, nil},
		{"part payment", open, pay(TransactionPayment, 2500, "EUR"), InvoicePartiallyPaid, 2500, 7500, false, nil},
		{"overpayment", open, pay(TransactionPayment, 10001, "EUR"), "", 0, 0, false, ErrConflict},
		{"other currency", open, pay(TransactionPayment, 100, "USD"), "", 0, 0, false, ErrInvalid},
		{"paid invoice paid again", paidInv, pay(TransactionPayment, 1, "EUR"), "", 0, 0, false, ErrConflict},
		{"full refund reopens", paidInv, pay(TransactionRefund, 10000, "EUR"), InvoiceUnpaid, 0, 10000, false, nil},
		{"part refund", paidInv, pay(TransactionRefund, 4000, "EUR"), InvoicePartiallyPaid, 6000, 4000, false, nil},
		{"refund beyond paid", open, pay(TransactionRefund, 1, "EUR"), "", 0, 0, false, ErrConflict},
		{"overdue part payment", overdue, pay(TransactionPayment, 100, "EUR"), InvoicePartiallyPaid, 100, 9900, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Settle(c.inv, c.p, now)
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != c.status || got.AmountPaid != eur(c.paid) || got.AmountDue != eur(c.due) || got.PaidAt.IsZero() == c.paidAtSet {
				t.Errorf("got %s paid %v due %v paid at %v", got.Status, got.AmountPaid, got.AmountDue, got.PaidAt)
			}
		})
	}
	refundedOverdue, _ := Settle(overdue, pay(TransactionPayment, 10000, "EUR"), now)
	if got, _ := Settle(refundedOverdue, pay(TransactionRefund, 10000, "EUR"), now); got.Status != InvoiceOverdue {
		t.Errorf("refunded overdue invoice is %s, want overdue", got.Status)
	}
}

func TestPaymentValidate(t *testing.T) {
	ok := Payment{Reference: "cg-1", InvoiceID: "i", Kind: TransactionPayment, Amount: Money{Minor: 1, Currency: "EUR"}, Date: time.Now()}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid payment: %v", err)
	}
	for name, change := range map[string]func(*Payment){
		"no reference":    func(p *Payment) { p.Reference = "" },
		"space in ref":    func(p *Payment) { p.Reference = "a b" },
		"long ref":        func(p *Payment) { p.Reference = string(make([]byte, 65)) },
		"bad kind":        func(p *Payment) { p.Kind = "gift" },
		"zero amount":     func(p *Payment) { p.Amount.Minor = 0 },
		"negative amount": func(p *Payment) { p.Amount.Minor = -5 },
		"no currency":     func(p *Payment) { p.Amount.Currency = "" },
		"no date":         func(p *Payment) { p.Date = time.Time{} },
		"bad title":       func(p *Payment) { p.Title = "\xff" },
	} {
		p := ok
		change(&p)
		if err := p.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

package connectors

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxReferenceLength bounds a payment reference (Jetpack CRM keeps its
// order IDs in a short column).
const MaxReferenceLength = 64

// Payment is money received online for an invoice, through a payment
// provider, to be written into the CRM by RecordPayment.
type Payment struct {
	// Reference identifies the payment everywhere (the CRM's transaction
	// reference or order ID); recording it again changes nothing.
	Reference string `json:"reference"`
	// InvoiceID is the invoice paid (or refunded).
	InvoiceID string `json:"invoice_id"`
	// Kind is TransactionPayment or TransactionRefund.
	Kind TransactionKind `json:"kind"`
	// Amount is positive, in the invoice's currency; Kind says which way
	// the money moved.
	Amount Money `json:"amount"`
	// Date is when the provider took (or returned) the money.
	Date time.Time `json:"date"`
	// Title describes the payment for staff, such as "Card payment for
	// invoice INV-0042 (Stripe pi_123)".
	Title string `json:"title"`
}

// Validate checks the payment's own fields and returns ErrInvalid
// (wrapped) naming the first problem. The invoice ID is not checked: an
// ID that names no invoice of the scope is ErrNotFound, as everywhere.
func (p Payment) Validate() error {
	switch {
	case strings.TrimSpace(p.Reference) == "" || len(p.Reference) > MaxReferenceLength || !printable(p.Reference):
		return fmt.Errorf("%w: payment reference must be 1 to %d printable ASCII characters", ErrInvalid, MaxReferenceLength)
	case !p.Kind.Valid():
		return fmt.Errorf("%w: payment kind %q", ErrInvalid, p.Kind)
	case p.Amount.Minor <= 0:
		return fmt.Errorf("%w: payment amount must be positive", ErrInvalid)
	case p.Amount.Currency == "":
		return fmt.Errorf("%w: payment amount has no currency", ErrInvalid)
	case p.Date.IsZero():
		return fmt.Errorf("%w: payment has no date", ErrInvalid)
	case !utf8.ValidString(p.Title) || strings.ContainsRune(p.Title, 0) || utf8.RuneCountInString(p.Title) > MaxFieldLength:
		return fmt.Errorf("%w: payment title is not valid text", ErrInvalid)
	}
	return nil
}

// printable reports whether s holds only printable ASCII without spaces.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Paid returns what has been paid on the invoice: AmountPaid when the CRM
// states it, else Total minus AmountDue for an invoice that is open or
// paid (a void or draft invoice has had nothing paid as far as the portal
// can tell).
func (inv Invoice) Paid() Money {
	if inv.AmountPaid.Currency != "" {
		return inv.AmountPaid
	}
	if inv.Status.Open() || inv.Status == InvoicePaid {
		return Money{Minor: max(inv.Total.Minor-inv.AmountDue.Minor, 0), Currency: inv.Total.Currency}
	}
	return Money{Currency: inv.Total.Currency}
}

// PaymentTransaction is the transaction that records p under id: a
// succeeded payment, or a refund with a negative amount.
func PaymentTransaction(p Payment, id string) Transaction {
	t := Transaction{
		ID: id, Reference: p.Reference, Kind: p.Kind, Status: TransactionSucceeded,
		Title: p.Title, Amount: p.Amount, Date: p.Date.UTC(), InvoiceID: p.InvoiceID,
	}
	if p.Kind == TransactionRefund {
		t.Amount.Minor = -t.Amount.Minor
	}
	return t
}

// SamePayment reports whether the stored transaction t records payment p
// (same invoice, kind and amount), so that recording p again is a no-op
// rather than a conflict.
func SamePayment(t Transaction, p Payment) bool {
	want := PaymentTransaction(p, t.ID)
	return t.Kind == want.Kind && t.Amount == want.Amount && (t.InvoiceID == "" || t.InvoiceID == p.InvoiceID)
}

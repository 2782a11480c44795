package bridge

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"clientgate/connectors"
)

// moves lists the state changes an event may cause. A canceled attempt
// may still be paid: its checkout can be paid in a tab left open before
// it was expired, and the money is then real.
var moves = map[PaymentState][]PaymentState{
	PaymentCreated:    {PaymentProcessing, PaymentPaid, PaymentFailed, PaymentCanceled},
	PaymentFailed:     {PaymentProcessing, PaymentPaid, PaymentFailed, PaymentCanceled},
	PaymentProcessing: {PaymentPaid, PaymentFailed},
	PaymentPaid:       {PaymentRefunded, PaymentDisputed},
	PaymentDisputed:   {PaymentRefunded},
	PaymentCanceled:   {PaymentProcessing, PaymentPaid},
}

// CanMove reports whether an attempt in state from may move to state to.
// Moving to the same state is not a move (a failed attempt failing again
// with a new reason is).
func CanMove(from, to PaymentState) bool {
	for _, s := range moves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Validate checks a new attempt and returns connectors.ErrInvalid
// (wrapped) naming the first problem.
func (a NewPaymentAttempt) Validate() error {
	for name, v := range map[string]string{
		"provider": a.Provider, "invoice": a.InvoiceID, "contact": a.ContactID, "idempotency key": a.IdempotencyKey,
	} {
		if strings.TrimSpace(v) == "" || !validText(v) {
			return fmt.Errorf("bridge: payment attempt: %w: %s missing or not valid text", connectors.ErrInvalid, name)
		}
	}
	switch {
	case !validText(a.InvoiceNumber):
		return fmt.Errorf("bridge: payment attempt: %w: invoice number is not valid text", connectors.ErrInvalid)
	case a.Amount.Minor <= 0 || a.Amount.Currency == "":
		return fmt.Errorf("bridge: payment attempt: %w: amount must be positive with a currency", connectors.ErrInvalid)
	}
	return nil
}

func validText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// CheckPaymentEvent compares an event with the attempt it was matched to
// and returns what does not match, or nil: the event's metadata must name
// the attempt's invoice and contact, its session the attempt's session,
// and its amount (when it states one) the attempt's currency and, for a
// payment, the attempt's amount (a refund or dispute at most that).
func CheckPaymentEvent(a PaymentAttempt, ev PaymentEvent) *PaymentDiscrepancy {
	d := &PaymentDiscrepancy{
		At: ev.At, Provider: ev.Provider, EventID: ev.ID, EventType: ev.Type, AttemptID: a.ID,
		InvoiceID: a.InvoiceID, SessionID: ev.SessionID, IntentID: ev.IntentID, Expected: a.Amount, Got: ev.Amount,
	}
	switch {
	case ev.SessionID != "" && a.SessionID != "" && ev.SessionID != a.SessionID:
		d.Kind, d.Detail = DiscrepancyForeign, "the event's checkout is not the attempt's"
	case ev.IntentID != "" && a.IntentID != "" && ev.IntentID != a.IntentID:
		d.Kind, d.Detail = DiscrepancyForeign, "the event's payment is not the attempt's"
	case (ev.InvoiceID != "" && ev.InvoiceID != a.InvoiceID) || (ev.ContactID != "" && ev.ContactID != a.ContactID):
		d.Kind = DiscrepancyUnknownInvoice
		d.Detail = fmt.Sprintf("the event names invoice %q of contact %q, the attempt invoice %q of contact %q",
			ev.InvoiceID, ev.ContactID, a.InvoiceID, a.ContactID)
	case ev.Amount.Currency != "" && ev.Amount.Currency != a.Amount.Currency:
		d.Kind, d.Detail = DiscrepancyCurrency, "the event's currency is not the invoice's"
	case ev.Amount.Currency != "" && (ev.To == PaymentPaid || ev.To == PaymentProcessing) && ev.Amount.Minor != a.Amount.Minor:
		d.Kind, d.Detail = DiscrepancyAmount, "the amount paid is not the amount due"
	case ev.Amount.Currency != "" && ev.Amount.Minor > a.Amount.Minor:
		d.Kind, d.Detail = DiscrepancyAmount, "the amount is more than was paid"
	default:
		return nil
	}
	return d
}

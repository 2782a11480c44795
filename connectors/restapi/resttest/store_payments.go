package resttest

import (
	"time"

	"clientgate/connectors"
)

// paymentRec is a payment recorded against an invoice through the API.
type paymentRec struct {
	ID                  int
	Amount              int64
	Date                time.Time
	Number, ExternalRef string
}

// recordPayment records a payment of minor units against an invoice,
// lowering its amount due, and closes it as paid when nothing is left
// and close is set. ok is false for an unknown invoice; over is true (and
// nothing recorded) for more than the amount due.
func (s *Store) recordPayment(invoiceID string, minor int64, at time.Time, number, ref string, close bool) (id int, ok, over bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.invoices {
		inv := &s.invoices[i]
		if inv.ID != invoiceID {
			continue
		}
		if minor > inv.AmountDue.Minor {
			return 0, true, true
		}
		inv.AmountDue.Minor -= minor
		if inv.AmountDue.Minor == 0 && close {
			inv.Status, inv.PaidAt = connectors.InvoicePaid, at.UTC()
		}
		s.next++
		if s.payments == nil {
			s.payments = map[string][]paymentRec{}
		}
		s.payments[invoiceID] = append(s.payments[invoiceID], paymentRec{ID: s.next, Amount: minor, Date: at.UTC(), Number: number, ExternalRef: ref})
		return s.next, true, false
	}
	return 0, false, false
}

// invoicePayments lists the payments recorded against an invoice.
func (s *Store) invoicePayments(invoiceID string) []paymentRec {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]paymentRec(nil), s.payments[invoiceID]...)
}

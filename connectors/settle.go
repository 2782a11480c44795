package connectors

import (
	"fmt"
	"time"
)

// Settle returns the invoice as it stands once payment p is recorded
// against it, for backends that keep amounts themselves (SettlesInvoices):
// the amount paid goes up (down for a refund) and the amount due down (up);
// the status becomes paid when nothing is due any more, partially paid
// while something is paid and something due, and a refund reopens a paid
// invoice (overdue when its due date is before now). ErrInvalid for a
// currency other than the invoice's; ErrConflict for a payment on an
// invoice that is not open or larger than its amount due, or a refund
// larger than what was paid.
func Settle(inv Invoice, p Payment, now time.Time) (Invoice, error) {
	if p.Amount.Currency != inv.Total.Currency {
		return inv, fmt.Errorf("%w: payment in %s for an invoice in %s", ErrInvalid, p.Amount.Currency, inv.Total.Currency)
	}
	paid := inv.Paid()
	due := inv.AmountDue.Minor
	switch p.Kind {
	case TransactionPayment:
		if !inv.Status.Open() {
			return inv, fmt.Errorf("%w: invoice %s is %s", ErrConflict, inv.Number, inv.Status)
		}
		if p.Amount.Minor > due {
			return inv, fmt.Errorf("%w: payment of %s exceeds the %s due", ErrConflict, p.Amount, inv.AmountDue)
		}
		paid.Minor += p.Amount.Minor
		due -= p.Amount.Minor
	case TransactionRefund:
		if p.Amount.Minor > paid.Minor {
			return inv, fmt.Errorf("%w: refund of %s exceeds the %s paid", ErrConflict, p.Amount, paid)
		}
		paid.Minor -= p.Amount.Minor
		due += p.Amount.Minor
	}
	inv.AmountPaid = Money{Minor: paid.Minor, Currency: inv.Total.Currency}
	inv.AmountDue = Money{Minor: due, Currency: inv.Total.Currency}
	inv.Status, inv.PaidAt = settledStatus(inv, now), time.Time{}
	if inv.Status == InvoicePaid {
		inv.PaidAt = p.Date.UTC()
	}
	return inv, nil
}

// settledStatus is an invoice's status from its amounts.
func settledStatus(inv Invoice, now time.Time) InvoiceStatus {
	switch {
	case inv.AmountDue.Minor <= 0:
		return InvoicePaid
	case inv.AmountPaid.Minor > 0:
		return InvoicePartiallyPaid
	case !inv.DueAt.IsZero() && inv.DueAt.Before(now):
		return InvoiceOverdue
	}
	return InvoiceUnpaid
}

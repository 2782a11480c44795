package cache

import (
	"context"

	"clientgate/connectors"
)

// RecordPayment records a payment and drops the contact's entries (their
// invoices and transactions), and every company-scoped entry, since the
// invoice may be the company's and other contacts of the company see it.
func (c *Cache) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Transaction{}, false, err
	}
	t, recorded, err := c.next.RecordPayment(ctx, s, p)
	if mayHaveChanged(err) {
		c.invalidate(Invalidation{ContactID: s.ContactID, CompanyScoped: true})
	}
	return t, recorded, err
}

// recordedPayment carries RecordPayment's two results through guard.
type recordedPayment struct {
	t        connectors.Transaction
	recorded bool
}

// RecordPayment calls the backend unless the breaker is open.
func (b *CircuitBreaker) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	r, err := guard(ctx, b, func() (recordedPayment, error) {
		t, recorded, err := b.next.RecordPayment(ctx, s, p)
		return recordedPayment{t, recorded}, err
	})
	return r.t, r.recorded, err
}

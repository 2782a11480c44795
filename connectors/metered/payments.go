package metered

import (
	"context"

	"clientgate/connectors"
)

// recorded carries RecordPayment's two results through observe.
type recorded struct {
	t  connectors.Transaction
	ok bool
}

// RecordPayment is counted as "record_payment".
func (c *Connector) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	r, err := observe(ctx, c, "record_payment", func() (recorded, error) {
		t, ok, err := c.next.RecordPayment(ctx, s, p)
		return recorded{t, ok}, err
	})
	return r.t, r.ok, err
}

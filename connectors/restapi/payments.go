package restapi

import (
	"context"

	"clientgate/connectors"
)

// opRecordPayment names RecordPayment in errors.
const opRecordPayment = "record_payment"

// RecordPayment returns ErrUnsupported: mappings have no payment write
// operation yet, so the portal keeps online payments in its own ledger.
func (c *Connector) RecordPayment(context.Context, connectors.Scope, connectors.Payment) (connectors.Transaction, bool, error) {
	return connectors.Transaction{}, false, unsupported(opRecordPayment)
}

package restapi

import (
	"net/http"

	"clientgate/connectors"
)

// validateRecordPayment checks record_payment: a write, with a recorded
// request reading the reference and amount of the invoice's payments,
// kinds the contract knows, and get_invoice to check the invoice first.
func (m *Mapping) validateRecordPayment(p *problems) {
	op := m.Operations.RecordPayment
	if op == nil {
		return
	}
	const where = "operations." + opRecordPayment
	if op.Method == "" || op.Method == http.MethodGet {
		p.add(where+".method", "must be a write (POST, PUT or PATCH)")
	}
	if m.Operations.GetInvoice == nil {
		p.add(where, "needs get_invoice, to check the invoice before recording a payment")
	}
	for _, k := range op.Records {
		if !connectors.TransactionKind(k).Valid() {
			p.add(where+".records", "%q is not payment or refund", k)
		}
	}
	if op.Recorded == nil {
		p.add(where+".recorded", "is required: a request listing the invoice's payments (reference and amount), so that a payment is recorded once")
		return
	}
	spec := opSpec{name: opRecordedPayments, op: op.Recorded, shape: shapeList, kinds: txnSchema.kinds(),
		vars: paymentVarNames, need: []string{"reference", "amount"}}
	spec.validate(p, where+".recorded", m.Currency)
	if op.Recorded.Method != "" && op.Recorded.Method != http.MethodGet {
		p.add(where+".recorded.method", "must be GET")
	}
	if op.Recorded.Paging != nil {
		p.add(where+".recorded.paging", "the invoice's payments are read in one request")
	}
}

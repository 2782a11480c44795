package portal

import (
	"strings"

	"clientgate/connectors"
)

// Status names an invoice, quote or transaction status in f's language
// (message "status.<status>").
func (f formatter) Status(status any) string { return f.T("status." + keyOf(status)) }

// Kind names a transaction kind, payment or refund (message "kind.<kind>").
func (f formatter) Kind(kind connectors.TransactionKind) string { return f.T("kind." + string(kind)) }

// Field names a contact field (message "field.<name>", with the dots of
// grouped names as underscores: "field.address_city").
func (f formatter) Field(name any) string {
	return f.T("field." + strings.ReplaceAll(keyOf(name), ".", "_"))
}

// Due is what an invoice still asks for: its amount due, or "Paid" when
// nothing is due ("—" for a void invoice), never "0.00".
func (f formatter) Due(i connectors.Invoice) string {
	switch {
	case i.AmountDue.Minor != 0:
		return f.Money(i.AmountDue)
	case i.Status == connectors.InvoiceVoid:
		return "—"
	}
	return f.T("invoice.paid_in_full")
}

// keyOf returns the string behind a status, kind or field.
func keyOf(key any) string {
	switch v := key.(type) {
	case string:
		return v
	case connectors.Field:
		return string(v)
	case connectors.InvoiceStatus:
		return string(v)
	case connectors.QuoteStatus:
		return string(v)
	case connectors.TransactionKind:
		return string(v)
	case connectors.TransactionStatus:
		return string(v)
	}
	return ""
}

package portal

import (
	"strconv"

	"clientgate/connectors"
)

// labels are human names of statuses and fields.
var labels = map[string]string{
	"draft": "Draft", "unpaid": "Unpaid", "partially_paid": "Partially paid", "paid": "Paid",
	"overdue": "Overdue", "void": "Void", "sent": "Awaiting your answer", "accepted": "Accepted",
	"declined": "Declined", "expired": "Expired", "payment": "Payment", "refund": "Refund",
	"pending": "Pending", "succeeded": "Succeeded", "failed": "Failed", "refunded": "Refunded",
	string(connectors.FieldPrefix): "Title", string(connectors.FieldFirstName): "First name",
	string(connectors.FieldLastName): "Last name", string(connectors.FieldHomePhone): "Home phone",
	string(connectors.FieldWorkPhone): "Work phone", string(connectors.FieldMobilePhone): "Mobile phone",
	string(connectors.FieldAddressLine1): "Address line 1", string(connectors.FieldAddressLine2): "Address line 2",
	string(connectors.FieldAddressCity): "City", string(connectors.FieldAddressRegion): "Region",
	string(connectors.FieldAddressPostCode): "Postcode", string(connectors.FieldAddressCountry): "Country",
	string(connectors.FieldSecondLine1): "Second address line 1", string(connectors.FieldSecondLine2): "Second address line 2",
	string(connectors.FieldSecondCity): "Second address city", string(connectors.FieldSecondRegion): "Second address region",
	string(connectors.FieldSecondPostCode): "Second address postcode", string(connectors.FieldSecondCountry): "Second address country",
}

// label returns the human name of a status or field, or the key itself.
func label(key any) string {
	var k string
	switch v := key.(type) {
	case string:
		k = v
	case connectors.Field:
		k = string(v)
	case connectors.InvoiceStatus:
		k = string(v)
	case connectors.QuoteStatus:
		k = string(v)
	case connectors.TransactionKind:
		k = string(v)
	case connectors.TransactionStatus:
		k = string(v)
	}
	if l, ok := labels[k]; ok {
		return l
	}
	return k
}

// itoa formats an int.
func itoa(n int) string { return strconv.Itoa(n) }

package connectors

// InvoiceStatus is where an invoice stands. Draft invoices are never shown
// to clients.
type InvoiceStatus string

// The invoice statuses.
const (
	InvoiceDraft         InvoiceStatus = "draft"
	InvoiceUnpaid        InvoiceStatus = "unpaid"
	InvoicePartiallyPaid InvoiceStatus = "partially_paid"
	InvoicePaid          InvoiceStatus = "paid"
	InvoiceOverdue       InvoiceStatus = "overdue"
	InvoiceVoid          InvoiceStatus = "void"
)

// Valid reports whether s is one of the invoice statuses.
func (s InvoiceStatus) Valid() bool {
	switch s {
	case InvoiceDraft, InvoiceUnpaid, InvoicePartiallyPaid, InvoicePaid, InvoiceOverdue, InvoiceVoid:
		return true
	}
	return false
}

// Open reports whether money is still owed on an invoice in this status.
func (s InvoiceStatus) Open() bool {
	return s == InvoiceUnpaid || s == InvoicePartiallyPaid || s == InvoiceOverdue
}

// QuoteStatus is where a quote stands. Draft quotes are never shown to
// clients; only sent quotes can be accepted or declined.
type QuoteStatus string

// The quote statuses.
const (
	QuoteDraft    QuoteStatus = "draft"
	QuoteSent     QuoteStatus = "sent"
	QuoteAccepted QuoteStatus = "accepted"
	QuoteDeclined QuoteStatus = "declined"
	QuoteExpired  QuoteStatus = "expired"
)

// Valid reports whether s is one of the quote statuses.
func (s QuoteStatus) Valid() bool {
	switch s {
	case QuoteDraft, QuoteSent, QuoteAccepted, QuoteDeclined, QuoteExpired:
		return true
	}
	return false
}

// TransactionKind says which way money moved.
type TransactionKind string

// The transaction kinds.
const (
	TransactionPayment TransactionKind = "payment"
	TransactionRefund  TransactionKind = "refund"
)

// Valid reports whether k is one of the transaction kinds.
func (k TransactionKind) Valid() bool { return k == TransactionPayment || k == TransactionRefund }

// TransactionStatus is where a transaction stands.
type TransactionStatus string

// The transaction statuses.
const (
	TransactionPending   TransactionStatus = "pending"
	TransactionSucceeded TransactionStatus = "succeeded"
	TransactionFailed    TransactionStatus = "failed"
	TransactionRefunded  TransactionStatus = "refunded"
)

// Valid reports whether s is one of the transaction statuses.
func (s TransactionStatus) Valid() bool {
	switch s {
	case TransactionPending, TransactionSucceeded, TransactionFailed, TransactionRefunded:
		return true
	}
	return false
}

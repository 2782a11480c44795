package connectors

import "time"

// LineItem is one line of an invoice or a quote.
type LineItem struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	// Quantity is a decimal string such as "1" or "4.5", kept exact.
	Quantity  string `json:"quantity"`
	UnitPrice Money  `json:"unit_price"`
	Total     Money  `json:"total"`

	// TaxRate is the line's tax rate in percent as an exact decimal
	// string, such as "19" or "7.5"; "" when the CRM does not say (Total is
	// the line's net amount, before tax). The SQL store holds it; Jetpack
	// CRM's API names only tax table IDs, so it stays "" there.
	TaxRate string `json:"tax_rate,omitempty"`
	// Tax is the line's tax amount; zero (no currency) when unknown.
	Tax Money `json:"tax"`
}

// Invoice is a bill sent to a contact (or to the contact's company).
type Invoice struct {
	ID string `json:"id"`
	// Number is the reference the client sees, such as "INV-0042".
	Number string        `json:"number"`
	Status InvoiceStatus `json:"status"`
	// IssuedAt is the invoice date; lists are ordered by it, newest first.
	IssuedAt time.Time `json:"issued_at"`
	// DueAt is zero when the invoice has no due date.
	DueAt time.Time `json:"due_at"`
	// PaidAt is zero until the invoice is paid.
	PaidAt    time.Time  `json:"paid_at"`
	Subtotal  Money      `json:"subtotal"`
	Discount  Money      `json:"discount"`
	Tax       Money      `json:"tax"`
	Total     Money      `json:"total"`
	AmountDue Money      `json:"amount_due"`
	Lines     []LineItem `json:"lines"`
	// PayURL is where the client can pay, or "" when there is no such link.
	PayURL string `json:"pay_url"`
	Notes  string `json:"notes"`
	// CompanyID is set when the invoice belongs to the contact's company
	// rather than to the contact.
	CompanyID string `json:"company_id"`

	// AmountPaid is what has been paid so far; zero (no currency) when the
	// CRM does not say (see Paid).
	AmountPaid Money `json:"amount_paid"`
}

// Quote is an offer the client can accept or decline.
type Quote struct {
	ID     string      `json:"id"`
	Number string      `json:"number"`
	Title  string      `json:"title"`
	Status QuoteStatus `json:"status"`
	// IssuedAt is the quote date; lists are ordered by it, newest first.
	IssuedAt time.Time `json:"issued_at"`
	// ValidUntil is zero when the quote does not expire.
	ValidUntil time.Time `json:"valid_until"`
	// DecidedAt is when the quote was accepted or declined, else zero.
	DecidedAt time.Time  `json:"decided_at"`
	Total     Money      `json:"total"`
	Lines     []LineItem `json:"lines"`
	// Description is plain text from the CRM; the portal escapes it.
	Description string `json:"description"`
	CompanyID   string `json:"company_id"`
}

// Decision is a client's answer to a quote.
type Decision struct {
	// Accept is true to accept the quote, false to decline it.
	Accept bool
	// By names who decided, such as the signed-in person's email.
	By string
	// IP is the address the decision came from.
	IP string
	// At is when the decision was made, in UTC.
	At time.Time
}

// Transaction is a payment or a refund.
type Transaction struct {
	ID string `json:"id"`
	// Reference is the payment's order or reference number.
	Reference string            `json:"reference"`
	Kind      TransactionKind   `json:"kind"`
	Status    TransactionStatus `json:"status"`
	Title     string            `json:"title"`
	Amount    Money             `json:"amount"`
	// Date is when the transaction happened; lists are ordered by it.
	Date time.Time `json:"date"`
	// InvoiceID is the invoice it paid, when known.
	InvoiceID string `json:"invoice_id"`
}

// Task is an appointment, event or task shared with the contact.
type Task struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// Start is when the task begins; lists are ordered by it, latest first.
	Start time.Time `json:"start"`
	// End is zero when the task has no end time.
	End      time.Time `json:"end"`
	Location string    `json:"location"`
	Complete bool      `json:"complete"`
}

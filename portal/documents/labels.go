package documents

import (
	"time"

	"clientgate/connectors"
)

// Formatter formats amounts and dates for the reader's locale; the
// portal's per-contact formatter has these methods.
type Formatter interface {
	Money(m connectors.Money) string
	Date(t time.Time) string
}

// Locale is how one reader wants documents worded and formatted.
type Locale struct {
	Labels Labels
	Format Formatter
	// Language is the BCP 47 tag of the labels, such as "en" or "de".
	Language string
}

// Labels are the words printed on documents. The portal's message
// catalogs fill them per language; English gives the defaults. Texts with
// verbs (%s, %d) are fmt formats.
type Labels struct {
	Invoice, Quote                   string
	InvoiceDate, QuoteDate, DueDate  string
	ValidUntil, Status, Currency     string
	From, BillTo, PreparedFor        string
	Attention                        string
	TaxID, Registration              string
	Email, Phone, Website            string
	Description, Quantity, UnitPrice string
	TaxRate, Amount                  string
	Subtotal, Discount, Tax, Total   string
	AmountPaid, AmountDue            string
	Notes, PaymentInstructions       string
	// TaxOn labels one tax rate's line: "Tax %s on %s" (rate, base).
	TaxOn string
	// Page labels the page number: "Page %d of %d".
	Page string
	// Statuses name the invoice and quote statuses by their value
	// ("unpaid", "sent", …); a missing one is printed as its value.
	Statuses map[string]string
}

// English returns the English labels.
func English() Labels {
	return Labels{
		Invoice: "Invoice", Quote: "Quote", InvoiceDate: "Invoice date", QuoteDate: "Quote date",
		DueDate: "Due date", ValidUntil: "Valid until", Status: "Status", Currency: "Currency",
		From: "From", BillTo: "Bill to", PreparedFor: "Prepared for", Attention: "Attn.",
		TaxID: "Tax ID", Registration: "Registration no.", Email: "Email", Phone: "Phone", Website: "Web",
		Description: "Description", Quantity: "Qty", UnitPrice: "Unit price", TaxRate: "Tax", Amount: "Amount",
		Subtotal: "Subtotal", Discount: "Discount", Tax: "Tax", Total: "Total",
		AmountPaid: "Amount paid", AmountDue: "Amount due", Notes: "Notes",
		PaymentInstructions: "Payment instructions", TaxOn: "Tax %s on %s", Page: "Page %d of %d",
		Statuses: map[string]string{
			"unpaid": "Unpaid", "partially_paid": "Partially paid", "paid": "Paid", "overdue": "Overdue",
			"void": "Void", "draft": "Draft", "sent": "Awaiting your answer", "accepted": "Accepted",
			"declined": "Declined", "expired": "Expired",
		},
	}
}

// status names a status.
func (l Labels) status(s string) string {
	if v, ok := l.Statuses[s]; ok {
		return v
	}
	return s
}

// plain is the Formatter used when a Locale has none: "1506.00 EUR" and
// ISO dates.
type plain struct{}

func (plain) Money(m connectors.Money) string { return m.String() }

func (plain) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// orDefault fills what a Locale leaves empty: English labels, the plain
// formatter.
func (l Locale) orDefault() Locale {
	if l.Labels.Invoice == "" {
		l.Labels = English()
	}
	if l.Format == nil {
		l.Format = plain{}
	}
	if l.Language == "" {
		l.Language = "en"
	}
	return l
}

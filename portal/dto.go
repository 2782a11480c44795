package portal

import (
	"time"

	"clientgate/connectors"
)

// moneyJSON is an amount in the API: exact minor units, the currency and
// a display string for the contact's locale.
type moneyJSON struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
	Display  string `json:"display"`
}

// lineJSON is a line item in the API.
type lineJSON struct {
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Quantity    string    `json:"quantity"`
	UnitPrice   moneyJSON `json:"unit_price"`
	Total       moneyJSON `json:"total"`
}

// invoiceJSON is an invoice in the API.
type invoiceJSON struct {
	ID        string     `json:"id"`
	Number    string     `json:"number"`
	Status    string     `json:"status"`
	IssuedAt  *time.Time `json:"issued_at"`
	DueAt     *time.Time `json:"due_at"`
	PaidAt    *time.Time `json:"paid_at"`
	Subtotal  moneyJSON  `json:"subtotal"`
	Discount  moneyJSON  `json:"discount"`
	Tax       moneyJSON  `json:"tax"`
	Total     moneyJSON  `json:"total"`
	AmountDue moneyJSON  `json:"amount_due"`
	Lines     []lineJSON `json:"lines"`
	PayURL    string     `json:"pay_url"`
	Notes     string     `json:"notes"`
	CompanyID string     `json:"company_id"`
	// OnlinePayment is set on a single invoice (not in lists) while the
	// client may pay online.
	OnlinePayment *onlinePaymentJSON `json:"online_payment,omitempty"`
}

// quoteJSON is a quote in the API.
type quoteJSON struct {
	ID          string     `json:"id"`
	Number      string     `json:"number"`
	Title       string     `json:"title"`
	Status      string     `json:"status"`
	IssuedAt    *time.Time `json:"issued_at"`
	ValidUntil  *time.Time `json:"valid_until"`
	DecidedAt   *time.Time `json:"decided_at"`
	Total       moneyJSON  `json:"total"`
	Lines       []lineJSON `json:"lines"`
	Description string     `json:"description"`
	CompanyID   string     `json:"company_id"`
}

// transactionJSON is a payment or refund in the API.
type transactionJSON struct {
	ID        string     `json:"id"`
	Reference string     `json:"reference"`
	Kind      string     `json:"kind"`
	Status    string     `json:"status"`
	Title     string     `json:"title"`
	Amount    moneyJSON  `json:"amount"`
	Date      *time.Time `json:"date"`
	InvoiceID string     `json:"invoice_id"`
}

// taskJSON is a task or event in the API.
type taskJSON struct {
	ID          string     `json:"id"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Start       *time.Time `json:"start"`
	End         *time.Time `json:"end"`
	Location    string     `json:"location"`
	Complete    bool       `json:"complete"`
}

// timePtr returns nil for the zero time, so the API says null.
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// money converts an amount for the API.
func (f formatter) money(m connectors.Money) moneyJSON {
	return moneyJSON{Minor: m.Minor, Currency: m.Currency, Display: f.Money(m)}
}

// lines converts line items for the API.
func (f formatter) lines(ls []connectors.LineItem) []lineJSON {
	out := make([]lineJSON, 0, len(ls))
	for _, l := range ls {
		out = append(out, lineJSON{Title: l.Title, Description: l.Description, Quantity: l.Quantity,
			UnitPrice: f.money(l.UnitPrice), Total: f.money(l.Total)})
	}
	return out
}

// invoice converts an invoice for the API; a pay URL that is not http(s) is dropped.
func (f formatter) invoice(i connectors.Invoice) invoiceJSON {
	return invoiceJSON{ID: i.ID, Number: i.Number, Status: string(i.Status),
		IssuedAt: timePtr(i.IssuedAt), DueAt: timePtr(i.DueAt), PaidAt: timePtr(i.PaidAt),
		Subtotal: f.money(i.Subtotal), Discount: f.money(i.Discount), Tax: f.money(i.Tax),
		Total: f.money(i.Total), AmountDue: f.money(i.AmountDue), Lines: f.lines(i.Lines),
		PayURL: httpURL(i.PayURL), Notes: i.Notes, CompanyID: i.CompanyID}
}

// quote converts a quote for the API.
func (f formatter) quote(q connectors.Quote) quoteJSON {
	return quoteJSON{ID: q.ID, Number: q.Number, Title: q.Title, Status: string(q.Status),
		IssuedAt: timePtr(q.IssuedAt), ValidUntil: timePtr(q.ValidUntil), DecidedAt: timePtr(q.DecidedAt),
		Total: f.money(q.Total), Lines: f.lines(q.Lines), Description: q.Description, CompanyID: q.CompanyID}
}

// transaction converts a transaction for the API.
func (f formatter) transaction(t connectors.Transaction) transactionJSON {
	return transactionJSON{ID: t.ID, Reference: t.Reference, Kind: string(t.Kind), Status: string(t.Status),
		Title: t.Title, Amount: f.money(t.Amount), Date: timePtr(t.Date), InvoiceID: t.InvoiceID}
}

// task converts a task for the API.
func task(t connectors.Task) taskJSON {
	return taskJSON{ID: t.ID, Title: t.Title, Description: t.Description, Start: timePtr(t.Start),
		End: timePtr(t.End), Location: t.Location, Complete: t.Complete}
}

package importfile

import (
	"strconv"

	"clientgate/connectors"
)

// owner reads contact_email and company, of which exactly one must be set.
func owner(r *reader) (email, company string) {
	email, company = r.email("contact_email", false), r.str("company", false)
	if (email == "") == (company == "") {
		r.problem("contact_email", r.n.line, "exactly one of contact_email and company must be set")
	}
	return email, company
}

func readInvoice(r *reader, i int) Invoice {
	cur := r.currency("currency")
	v := connectors.Invoice{
		Number:   r.str("number", true),
		Status:   connectors.InvoiceStatus(r.str("status", true)),
		IssuedAt: r.when("issued_at", true),
		DueAt:    r.when("due_at", false),
		PaidAt:   r.when("paid_at", false),
		Subtotal: r.money("subtotal", cur, false),
		Discount: r.money("discount", cur, false),
		Tax:      r.money("tax", cur, false),
		Total:    r.money("total", cur, true),
		PayURL:   r.str("pay_url", false),
		Notes:    r.block("notes"),
	}
	if v.Status != "" && !v.Status.Valid() {
		r.problem("status", r.lines["status"], quote(string(v.Status))+" is not one of draft, unpaid, partially_paid, paid, overdue, void")
	}
	v.AmountPaid = r.optionalMoney("amount_paid", cur)
	v.AmountDue = r.money("amount_due", cur, false)
	if r.get("amount_due") == nil && v.Status != connectors.InvoicePaid && v.Status != connectors.InvoiceVoid {
		v.AmountDue = v.Total
	}
	v.Lines = readLines(r, cur)
	email, company := owner(r)
	return Invoice{Invoice: v, ContactEmail: email, Company: company, Pos: r.pos("invoices", i)}
}

func readQuote(r *reader, i int) Quote {
	cur := r.currency("currency")
	q := connectors.Quote{
		Number:      r.str("number", true),
		Title:       r.str("title", false),
		Status:      connectors.QuoteStatus(r.str("status", true)),
		IssuedAt:    r.when("issued_at", true),
		ValidUntil:  r.when("valid_until", false),
		DecidedAt:   r.when("decided_at", false),
		Total:       r.money("total", cur, true),
		Description: r.block("description"),
	}
	if q.Status != "" && !q.Status.Valid() {
		r.problem("status", r.lines["status"], quote(string(q.Status))+" is not one of draft, sent, accepted, declined, expired")
	}
	q.Lines = readLines(r, cur)
	email, company := owner(r)
	return Quote{Quote: q, ContactEmail: email, Company: company, Pos: r.pos("quotes", i)}
}

// readLines reads the "lines" array of an invoice or quote.
func readLines(r *reader, cur string) []connectors.LineItem {
	var out []connectors.LineItem
	for j, n := range r.array("lines") {
		path := join(r.path, "lines") + "[" + itoa(j) + "]"
		if n.kind != kObject {
			r.ps.add(path, n.line, "must be an object, not "+n.kind.String())
			continue
		}
		lr := newReader(r.ps, path, n)
		out = append(out, connectors.LineItem{
			Title:       lr.str("title", true),
			Description: lr.block("description"),
			Quantity:    lr.decimal("quantity", "1"),
			UnitPrice:   lr.money("unit_price", cur, false),
			Total:       lr.money("total", cur, true),
			TaxRate:     lr.taxRate("tax_rate"),
			Tax:         lr.optionalMoney("tax", cur),
		})
		lr.done()
	}
	return out
}

// optionalMoney reads an amount that may be absent: absent, it has no
// currency (unknown), unlike an amount of zero.
func (r *reader) optionalMoney(key, cur string) connectors.Money {
	if r.get(key) == nil {
		return connectors.Money{}
	}
	return r.money(key, cur, false)
}

// taxRate reads a tax rate in percent, such as "19" or "7.5", from 0 to
// 100.
func (r *reader) taxRate(key string) string {
	s := r.decimal(key, "")
	if s == "" {
		return ""
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 100 {
		r.problem(key, r.lines[key], quote(s)+" is not a tax rate in percent (0 to 100)")
	}
	return s
}

package documents

import (
	"fmt"
	"strings"

	"clientgate/connectors"
)

// InvoiceInput is an invoice and who it is addressed to.
type InvoiceInput struct {
	Invoice connectors.Invoice
	Buyer   Buyer
	// StatusNote, when set, is printed as the status instead of the
	// invoice's own, such as "Paid online, being confirmed".
	StatusNote string
}

// QuoteInput is a quote and who it is addressed to.
type QuoteInput struct {
	Quote connectors.Quote
	Buyer Buyer
}

// Invoice builds the document of an invoice.
func Invoice(in InvoiceInput, s Seller, loc Locale) Document {
	loc = loc.orDefault()
	l, f, inv := loc.Labels, loc.Format, in.Invoice
	status := in.StatusNote
	if status == "" {
		status = l.status(string(inv.Status))
	}
	d := base(l.Invoice, inv.Number, s, loc)
	d.Meta = fields(
		Field{Label: l.InvoiceDate, Value: f.Date(inv.IssuedAt)}, Field{Label: l.DueDate, Value: f.Date(inv.DueAt)},
		Field{Label: l.Status, Value: status}, Field{Label: l.Currency, Value: inv.Total.Currency})
	d.Buyer = buyerParty(l.BillTo, in.Buyer, l)
	d.Rows = rows(inv.Lines, f)
	subtotal := inv.Subtotal
	if subtotal.IsZero() {
		subtotal = sumLines(inv.Lines, inv.Total.Currency)
	}
	subtotal = withCurrency(subtotal, inv.Total.Currency)
	d.Summary = fields(Field{Label: l.Subtotal, Value: f.Money(subtotal)})
	if inv.Discount.Minor != 0 {
		d.Summary = append(d.Summary, Field{Label: l.Discount, Value: f.Money(negative(inv.Discount))})
	}
	d.Summary = append(d.Summary, taxFields(inv.Lines, inv.Tax, l, f)...)
	d.Summary = append(d.Summary,
		Field{Label: l.Total, Value: f.Money(inv.Total)},
		Field{Label: l.AmountPaid, Value: f.Money(inv.Paid())},
		Field{Label: l.AmountDue, Value: f.Money(withCurrency(inv.AmountDue, inv.Total.Currency)), Strong: true})
	d.Sections = sections(Section{Title: l.Notes, Text: inv.Notes}, Section{Title: l.PaymentInstructions, Text: s.PaymentInstructions})
	return d
}

// Quote builds the document of a quote.
func Quote(in QuoteInput, s Seller, loc Locale) Document {
	loc = loc.orDefault()
	l, f, q := loc.Labels, loc.Format, in.Quote
	d := base(l.Quote, q.Number, s, loc)
	d.Subject = q.Title
	d.Meta = fields(
		Field{Label: l.QuoteDate, Value: f.Date(q.IssuedAt)}, Field{Label: l.ValidUntil, Value: f.Date(q.ValidUntil)},
		Field{Label: l.Status, Value: l.status(string(q.Status))}, Field{Label: l.Currency, Value: q.Total.Currency})
	d.Buyer = buyerParty(l.PreparedFor, in.Buyer, l)
	d.Rows = rows(q.Lines, f)
	subtotal := sumLines(q.Lines, q.Total.Currency)
	d.Summary = fields(Field{Label: l.Subtotal, Value: f.Money(subtotal)})
	tax := connectors.Money{Minor: q.Total.Minor - subtotal.Minor, Currency: q.Total.Currency}
	d.Summary = append(d.Summary, taxFields(q.Lines, tax, l, f)...)
	d.Summary = append(d.Summary, Field{Label: l.Total, Value: f.Money(q.Total), Strong: true})
	d.Sections = sections(Section{Title: l.Notes, Text: q.Description})
	return d
}

// base is what invoices and quotes share: heading, seller, columns,
// footer.
func base(heading, number string, s Seller, loc Locale) Document {
	l := loc.Labels
	footer := strings.TrimSpace(s.Name)
	if s.TaxID != "" {
		footer += " · " + l.TaxID + " " + s.TaxID
	}
	return Document{
		Title: strings.TrimSpace(heading + " " + number), Heading: heading, Number: number,
		Seller:    sellerParty(l.From, s, l),
		Columns:   [5]string{l.Description, l.Quantity, l.UnitPrice, l.TaxRate, l.Amount},
		Footer:    footer,
		PageLabel: l.Page,
		Language:  loc.Language,
	}
}

func sellerParty(caption string, s Seller, l Labels) Party {
	p := Party{Caption: caption, Name: strings.TrimSpace(s.Name), Lines: splitLines(s.Address)}
	for _, f := range []Field{{Label: l.TaxID, Value: s.TaxID}, {Label: l.Registration, Value: s.Registration},
		{Label: l.Email, Value: s.Email}, {Label: l.Phone, Value: s.Phone}, {Label: l.Website, Value: s.Website}} {
		if v := strings.TrimSpace(f.Value); v != "" {
			p.Lines = append(p.Lines, f.Label+": "+v)
		}
	}
	return p
}

func buyerParty(caption string, b Buyer, l Labels) Party {
	p := Party{Caption: caption, Name: strings.TrimSpace(b.Name)}
	if a := strings.TrimSpace(b.Attention); a != "" && a != p.Name {
		p.Lines = append(p.Lines, l.Attention+" "+a)
	}
	p.Lines = append(p.Lines, addressLines(b.Address)...)
	if t := strings.TrimSpace(b.TaxID); t != "" {
		p.Lines = append(p.Lines, l.TaxID+": "+t)
	}
	return p
}

// addressLines lays an address out: street lines, postcode and city,
// region, country.
func addressLines(a connectors.Address) []string {
	var out []string
	for _, s := range []string{a.Line1, a.Line2, strings.TrimSpace(a.PostCode + " " + a.City), a.Region, a.Country} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func rows(lines []connectors.LineItem, f Formatter) []Row {
	out := make([]Row, len(lines))
	for i, li := range lines {
		out[i] = Row{Title: strings.TrimSpace(li.Title), Description: strings.TrimSpace(li.Description),
			Quantity: strings.TrimSpace(li.Quantity), UnitPrice: f.Money(li.UnitPrice),
			TaxRate: rateText(li.TaxRate), Amount: f.Money(li.Total)}
	}
	return out
}

// taxFields are the tax lines of the summary: one per tax rate when the
// lines state rates, else the document's tax when it has one.
func taxFields(lines []connectors.LineItem, total connectors.Money, l Labels, f Formatter) []Field {
	groups := taxGroups(lines, total.Currency)
	if len(groups) == 0 {
		if total.Minor == 0 {
			return nil
		}
		return []Field{{Label: l.Tax, Value: f.Money(total)}}
	}
	out := make([]Field, len(groups))
	for i, g := range groups {
		out[i] = Field{Label: fmt.Sprintf(l.TaxOn, rateText(g.rate), f.Money(g.base)), Value: f.Money(g.tax)}
	}
	return out
}

func sumLines(lines []connectors.LineItem, currency string) connectors.Money {
	m := connectors.Money{Currency: currency}
	for _, l := range lines {
		m.Minor += l.Total.Minor
	}
	return m
}

// withCurrency gives an amount stored without a currency (a zero the CRM left
// blank) the document's currency.
func withCurrency(m connectors.Money, currency string) connectors.Money {
	if m.Currency == "" {
		m.Currency = currency
	}
	return m
}

func negative(m connectors.Money) connectors.Money {
	if m.Minor > 0 {
		m.Minor = -m.Minor
	}
	return m
}

// fields drops the fields without a value.
func fields(fs ...Field) []Field { return nonEmpty(fs, func(f Field) string { return f.Value }) }

// sections drops the sections without text.
func sections(ss ...Section) []Section { return nonEmpty(ss, func(s Section) string { return s.Text }) }

// nonEmpty keeps the items whose text is not blank.
func nonEmpty[T any](items []T, text func(T) string) []T {
	var out []T
	for _, it := range items {
		if strings.TrimSpace(text(it)) != "" {
			out = append(out, it)
		}
	}
	return out
}

// splitLines splits a multi-line text into its non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

package connectortest

import (
	"math/big"
	"time"

	"clientgate/connectors"
)

func contact(key, email, prefix, first, last, companyKey string) connectors.Contact {
	return connectors.Contact{
		ID: key, Email: email, Prefix: prefix, FirstName: first, LastName: last,
		Status: "Customer", CompanyID: companyKey, PortalAccess: true,
		CreatedAt: day(-30), UpdatedAt: day(-30),
	}
}

// line builds a line item; qty times unit must be a whole number of minor
// units.
func line(title, qty string, unitMinor int64) connectors.LineItem {
	q, _ := new(big.Rat).SetString(qty)
	total := new(big.Rat).Mul(q, new(big.Rat).SetInt64(unitMinor))
	return connectors.LineItem{
		Title: title, Quantity: qty,
		UnitPrice: connectors.Money{Minor: unitMinor},
		Total:     connectors.Money{Minor: total.Num().Int64()},
	}
}

// invoice builds an invoice whose totals add up: tax is taxBasisPoints of
// the subtotal (rounded down), and amount due is the total unless paid.
func invoice(number string, st connectors.InvoiceStatus, issued, due, paid time.Time, cur string,
	taxBasisPoints int64, lines ...connectors.LineItem) connectors.Invoice {
	lines = withCurrency(lines, cur)
	sub := sum(lines)
	tax := sub * taxBasisPoints / 10000
	inv := connectors.Invoice{
		Number: number, Status: st, IssuedAt: issued, DueAt: due, PaidAt: paid,
		Subtotal: money(sub, cur), Tax: money(tax, cur), Total: money(sub+tax, cur),
		AmountDue: money(sub+tax, cur), Lines: lines,
		Notes: "Thank you for your business.",
	}
	if st == connectors.InvoicePaid {
		inv.AmountDue = money(0, cur)
	}
	return inv
}

func quote(number, title string, st connectors.QuoteStatus, issued, valid, decided time.Time, cur string,
	lines ...connectors.LineItem) connectors.Quote {
	lines = withCurrency(lines, cur)
	return connectors.Quote{
		Number: number, Title: title, Status: st, IssuedAt: issued, ValidUntil: valid,
		DecidedAt: decided, Total: money(sum(lines), cur), Lines: lines,
		Description: "Prices exclude VAT. <Valid> while stocks last & so on.",
	}
}

func txn(ref string, kind connectors.TransactionKind, st connectors.TransactionStatus, title string,
	minor int64, cur string, at time.Time) connectors.Transaction {
	return connectors.Transaction{Reference: ref, Kind: kind, Status: st, Title: title, Amount: money(minor, cur), Date: at}
}

func task(title string, start time.Time, d time.Duration, where string, done bool) connectors.Task {
	return connectors.Task{
		Title: title, Description: "Agenda: " + title, Start: start, End: start.Add(d),
		Location: where, Complete: done,
	}
}

func money(minor int64, cur string) connectors.Money {
	return connectors.Money{Minor: minor, Currency: cur}
}

func withCurrency(lines []connectors.LineItem, cur string) []connectors.LineItem {
	out := make([]connectors.LineItem, len(lines))
	for i, l := range lines {
		l.UnitPrice.Currency, l.Total.Currency = cur, cur
		out[i] = l
	}
	return out
}

func sum(lines []connectors.LineItem) int64 {
	var s int64
	for _, l := range lines {
		s += l.Total.Minor
	}
	return s
}

// AmbiguousSeed returns a seed with two contacts whose emails differ only
// in case, for the ErrAmbiguous check. A harness whose backend cannot hold
// such duplicates calls t.Skip in Open when given this seed.
func AmbiguousSeed() Seed {
	return Seed{Contacts: []SeedContact{
		{Contact: contact("seed-twin-1", "shared@example.com", "", "Twin", "One", "")},
		{Contact: contact("seed-twin-2", "Shared@Example.com", "", "Twin", "Two", "")},
	}}
}

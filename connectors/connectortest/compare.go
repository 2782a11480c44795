package connectortest

import (
	"math/big"

	"clientgate/connectors"
)

func compareInvoice(r Reporter, where string, got, want connectors.Invoice) {
	r.Helper()
	where += " invoice " + want.Number
	if got.ID == "" {
		r.Errorf("%s: empty ID", where)
	}
	eq(r, where+" number", got.Number, want.Number)
	eq(r, where+" status", got.Status, want.Status)
	checkUTC(r, where, got.IssuedAt, got.DueAt, got.PaidAt)
	sameSecond(r, where+" issued", got.IssuedAt, want.IssuedAt)
	sameSecond(r, where+" due", got.DueAt, want.DueAt)
	maybeSecond(r, where+" paid", got.PaidAt, want.PaidAt)
	eq(r, where+" total", got.Total, want.Total)
	maybeMoney(r, where+" subtotal", got.Subtotal, want.Subtotal)
	maybeMoney(r, where+" tax", got.Tax, want.Tax)
	maybeMoney(r, where+" amount due", got.AmountDue, want.AmountDue)
	eq(r, where+" belongs to a company", got.CompanyID != "", want.CompanyID != "")
	compareLines(r, where, got.Lines, want.Lines)
}

func compareQuote(r Reporter, where string, got, want connectors.Quote) {
	r.Helper()
	where += " quote " + want.Number
	if got.ID == "" {
		r.Errorf("%s: empty ID", where)
	}
	eq(r, where+" number", got.Number, want.Number)
	eq(r, where+" title", got.Title, want.Title)
	eq(r, where+" status", got.Status, want.Status)
	checkUTC(r, where, got.IssuedAt, got.ValidUntil, got.DecidedAt)
	sameSecond(r, where+" issued", got.IssuedAt, want.IssuedAt)
	maybeSecond(r, where+" valid until", got.ValidUntil, want.ValidUntil)
	maybeSecond(r, where+" decided", got.DecidedAt, want.DecidedAt)
	eq(r, where+" total", got.Total, want.Total)
	eq(r, where+" belongs to a company", got.CompanyID != "", want.CompanyID != "")
	compareLines(r, where, got.Lines, want.Lines)
}

func compareTransaction(r Reporter, where string, got, want connectors.Transaction) {
	r.Helper()
	where += " transaction " + want.Reference
	if got.ID == "" {
		r.Errorf("%s: empty ID", where)
	}
	eq(r, where+" reference", got.Reference, want.Reference)
	eq(r, where+" kind", got.Kind, want.Kind)
	eq(r, where+" status", got.Status, want.Status)
	eq(r, where+" amount", got.Amount, want.Amount)
	checkUTC(r, where, got.Date)
	sameSecond(r, where+" date", got.Date, want.Date)
	if got.Title != "" {
		eq(r, where+" title", got.Title, want.Title)
	}
}

func compareTask(r Reporter, where string, got, want connectors.Task) {
	r.Helper()
	where += " task " + quoted(want.Title)
	if got.ID == "" {
		r.Errorf("%s: empty ID", where)
	}
	eq(r, where+" title", got.Title, want.Title)
	eq(r, where+" complete", got.Complete, want.Complete)
	checkUTC(r, where, got.Start, got.End)
	sameSecond(r, where+" start", got.Start, want.Start)
	maybeSecond(r, where+" end", got.End, want.End)
}

// maybeMoney compares amounts some backends cannot hold, only when the
// backend returned one.
func maybeMoney(r Reporter, what string, got, want connectors.Money) {
	r.Helper()
	if !got.IsZero() {
		eq(r, what, got, want)
	}
}

func compareLines(r Reporter, where string, got, want []connectors.LineItem) {
	r.Helper()
	if len(got) != len(want) {
		r.Errorf("%s: %d line items, want %d", where, len(got), len(want))
		return
	}
	for i, w := range want {
		g, at := got[i], where+" line "+quoted(w.Title)
		eq(r, at+" title", g.Title, w.Title)
		eq(r, at+" unit price", g.UnitPrice, w.UnitPrice)
		eq(r, at+" total", g.Total, w.Total)
		gq, ok1 := new(big.Rat).SetString(g.Quantity)
		wq, _ := new(big.Rat).SetString(w.Quantity)
		if !ok1 || gq.Cmp(wq) != 0 {
			r.Errorf("%s quantity: got %q, want %q", at, g.Quantity, w.Quantity)
		}
	}
}

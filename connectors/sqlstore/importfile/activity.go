package importfile

import (
	"strconv"

	"clientgate/connectors"
)

func readTransaction(r *reader, i int) Transaction {
	cur := r.currency("currency")
	t := connectors.Transaction{
		Reference: r.str("reference", true),
		Kind:      connectors.TransactionKind(orDefault(r.str("kind", false), string(connectors.TransactionPayment))),
		Status:    connectors.TransactionStatus(orDefault(r.str("status", false), string(connectors.TransactionSucceeded))),
		Title:     r.str("title", false),
		Amount:    r.money("amount", cur, true),
		Date:      r.when("date", true),
	}
	if !t.Kind.Valid() {
		r.problem("kind", r.lines["kind"], quote(string(t.Kind))+" is not one of payment, refund")
	}
	if !t.Status.Valid() {
		r.problem("status", r.lines["status"], quote(string(t.Status))+" is not one of pending, succeeded, failed, refunded")
	}
	return Transaction{Transaction: t, ContactEmail: r.email("contact_email", true),
		InvoiceNumber: r.str("invoice_number", false), Pos: r.pos("transactions", i)}
}

func readTask(r *reader, i int) Task {
	t := connectors.Task{
		Title:       r.str("title", true),
		Description: r.block("description"),
		Start:       r.when("start", true),
		End:         r.when("end", false),
		Location:    r.str("location", false),
		Complete:    r.boolean("complete", false),
	}
	if !t.End.IsZero() && t.End.Before(t.Start) {
		r.problem("end", r.lines["end"], "is before start")
	}
	return Task{Task: t, ContactEmail: r.email("contact_email", true), Pos: r.pos("tasks", i)}
}

func itoa(n int) string { return strconv.Itoa(n) }

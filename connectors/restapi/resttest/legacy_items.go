package resttest

import (
	"net/http"
	"strings"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

func legacyItems(lines []connectors.LineItem) []any {
	out := []any{}
	for _, l := range lines {
		out = append(out, map[string]any{"name": l.Title, "desc": l.Description, "qty": l.Quantity,
			"price": l.UnitPrice.Decimal(), "amount": l.Total.Decimal()})
	}
	return out
}

func legacyInvoice(r invoiceRec) map[string]any {
	return map[string]any{
		"id": r.ID, "ref": r.Number, "status": strings.ToUpper(string(r.Status)),
		"date": unix(r.IssuedAt), "due_date": unix(r.DueAt), "paid_date": unix(r.PaidAt),
		"currency": r.Total.Currency, "net": r.Subtotal.Decimal(), "vat": r.Tax.Decimal(),
		"gross": r.Total.Decimal(), "balance": r.AmountDue.Decimal(), "notes": r.Notes,
		"customer_id": zeroIfEmpty(r.ContactID), "items": legacyItems(r.Lines),
	}
}

func legacyQuote(r quoteRec) map[string]any {
	return map[string]any{
		"id": r.ID, "ref": r.Number, "title": r.Title, "status": strings.ToUpper(string(r.Status)),
		"date": unix(r.IssuedAt), "valid_until": unix(r.ValidUntil), "decided": unix(r.DecidedAt),
		"currency": r.Total.Currency, "total": r.Total.Decimal(), "notes": r.Description,
		"customer_id": zeroIfEmpty(r.ContactID), "items": legacyItems(r.Lines),
	}
}

var legacyTxnStatus = map[connectors.TransactionStatus]string{
	connectors.TransactionSucceeded: "complete", connectors.TransactionPending: "pending",
	connectors.TransactionFailed: "failed", connectors.TransactionRefunded: "refunded",
}

func legacyTxn(r txnRec) map[string]any {
	typ := "sale"
	if r.Kind == connectors.TransactionRefund {
		typ = "refund"
	}
	return map[string]any{
		"id": r.ID, "ref": r.Reference, "type": typ, "status": legacyTxnStatus[r.Status], "title": r.Title,
		"total": r.Amount.Decimal(), "currency": r.Amount.Currency, "date": unix(r.Date),
		"invoice_id": zeroIfEmpty(r.InvoiceID), "customer_id": r.ContactID,
	}
}

func legacyEvent(r taskRec) map[string]any {
	return map[string]any{
		"id": r.ID, "title": r.Title, "desc": r.Description, "start": unix(r.Start), "end": unix(r.End),
		"location": r.Location, "complete": flag(r.Complete), "customer_id": r.ContactID,
	}
}

// customer is the customer_id filter; with IgnoreOwnerFilter it is
// ignored.
func (l *Legacy) customer(r *http.Request) (string, bool) {
	return r.URL.Query().Get("customer_id"), l.IgnoreOwnerFilter
}

func (l *Legacy) listInvoices(w http.ResponseWriter, r *http.Request) {
	id, all := l.customer(r)
	numbered(w, r, "invoices", l.Store.listInvoices(id, "", all), legacyInvoice)
}

func (l *Legacy) getInvoice(w http.ResponseWriter, r *http.Request) {
	if inv, ok := l.Store.getInvoice(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"invoice": legacyInvoice(inv)})
		return
	}
	fail(w, http.StatusNotFound, "invoice not found")
}

func (l *Legacy) listQuotes(w http.ResponseWriter, r *http.Request) {
	id, all := l.customer(r)
	numbered(w, r, "quotes", l.Store.listQuotes(id, "", all), legacyQuote)
}

func (l *Legacy) getQuote(w http.ResponseWriter, r *http.Request) {
	if q, ok := l.Store.getQuote(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"quote": legacyQuote(q)})
		return
	}
	fail(w, http.StatusNotFound, "quote not found")
}

func (l *Legacy) setQuoteStatus(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	st := connectors.QuoteStatus(strings.ToLower(gjson.GetBytes(body, "status").String()))
	if st != connectors.QuoteAccepted && st != connectors.QuoteDeclined {
		fail(w, http.StatusBadRequest, "status must be ACCEPTED or DECLINED")
		return
	}
	if _, ok := l.Store.getQuote(r.PathValue("id")); !ok {
		fail(w, http.StatusNotFound, "quote not found")
		return
	}
	q, ok := l.Store.decide(r.PathValue("id"), st, nowUTC())
	if !ok {
		fail(w, http.StatusConflict, "quote already decided")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"quote": legacyQuote(q)})
}

func (l *Legacy) listTransactions(w http.ResponseWriter, r *http.Request) {
	id, all := l.customer(r)
	numbered(w, r, "transactions", l.Store.listTransactions(id, all), legacyTxn)
}

func (l *Legacy) listEvents(w http.ResponseWriter, r *http.Request) {
	id, all := l.customer(r)
	numbered(w, r, "events", l.Store.listTasks(id, all), legacyEvent)
}

func (l *Legacy) getEvent(w http.ResponseWriter, r *http.Request) {
	if t, ok := l.Store.getTask(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"event": legacyEvent(t)})
		return
	}
	fail(w, http.StatusNotFound, "event not found")
}

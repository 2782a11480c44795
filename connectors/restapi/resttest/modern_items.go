package resttest

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"clientgate/connectors"
)

// modernStates spells statuses the way the modern CRM does.
func modernState(s string) string { return strings.ToUpper(s) }

func modernLines(lines []connectors.LineItem) []any {
	out := []any{}
	for _, l := range lines {
		qty, _ := strconv.ParseFloat(l.Quantity, 64)
		out = append(out, map[string]any{"name": l.Title, "details": l.Description, "qty": qty,
			"unit_cents": l.UnitPrice.Minor, "total_cents": l.Total.Minor})
	}
	return out
}

func modernCustomer(contactID, companyID string) map[string]any {
	return map[string]any{"contact_id": nilIfEmpty(contactID), "company_id": nilIfEmpty(companyID)}
}

func modernInvoice(r invoiceRec) map[string]any {
	return map[string]any{
		"id": r.ID, "number": r.Number, "state": modernState(string(r.Status)),
		"dates": map[string]any{"issued": rfc3339(r.IssuedAt), "due": rfc3339(r.DueAt), "paid": rfc3339(r.PaidAt)},
		"amounts": map[string]any{"currency": r.Total.Currency, "subtotal_cents": r.Subtotal.Minor,
			"tax_cents": r.Tax.Minor, "total_cents": r.Total.Minor, "due_cents": r.AmountDue.Minor},
		"customer": modernCustomer(r.ContactID, r.CompanyID),
		"lines":    modernLines(r.Lines), "pay_url": nilIfEmpty(r.PayURL), "notes": r.Notes,
	}
}

func modernQuote(r quoteRec) map[string]any {
	return map[string]any{
		"id": r.ID, "number": r.Number, "title": r.Title, "state": modernState(string(r.Status)),
		"dates": map[string]any{"issued": rfc3339(r.IssuedAt), "valid_until": rfc3339(r.ValidUntil),
			"decided": rfc3339(r.DecidedAt)},
		"amounts":  map[string]any{"currency": r.Total.Currency, "total_cents": r.Total.Minor},
		"customer": modernCustomer(r.ContactID, r.CompanyID),
		"lines":    modernLines(r.Lines), "description": r.Description,
	}
}

func modernPayment(r txnRec) map[string]any {
	typ := "charge"
	if r.Kind == connectors.TransactionRefund {
		typ = "refund"
	}
	return map[string]any{
		"id": r.ID, "reference": r.Reference, "type": typ, "outcome": string(r.Status),
		"description": r.Title, "amount": map[string]any{"cents": r.Amount.Minor, "currency": r.Amount.Currency},
		"created_at": rfc3339(r.Date), "invoice_id": nilIfEmpty(r.InvoiceID),
		"customer": modernCustomer(r.ContactID, ""),
	}
}

func modernActivity(r taskRec) map[string]any {
	return map[string]any{
		"id": r.ID, "subject": r.Title, "body": r.Description,
		"when":  map[string]any{"start": rfc3339(r.Start), "end": rfc3339(r.End)},
		"where": r.Location, "done": r.Complete,
		"attendees": []any{map[string]any{"contact_id": r.ContactID, "role": "client"}},
	}
}

// cursorPage writes one page of items with the next cursor in meta.
func cursorPage[T any](w http.ResponseWriter, r *http.Request, items []T, render func(T) map[string]any) {
	size, ok := pageSize(r, "limit")
	from, okc := decodeModernCursor(r.URL.Query().Get("cursor"))
	if !ok || !okc {
		fail(w, http.StatusBadRequest, "bad paging")
		return
	}
	data := []any{}
	for _, it := range pageOf(items, from, size) {
		data = append(data, render(it))
	}
	var next any
	if from+size < len(items) {
		next = base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(from+size)))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"next_cursor": next}})
}

func decodeModernCursor(c string) (int, bool) {
	if c == "" {
		return 0, true
	}
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(raw), "o:"))
	return n, err == nil && n >= 0
}

func (m *Modern) listInvoices(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cursorPage(w, r, m.Store.listInvoices(q.Get("contact_id"), q.Get("company_id"), false), modernInvoice)
}

func (m *Modern) getInvoice(w http.ResponseWriter, r *http.Request) {
	if inv, ok := m.Store.getInvoice(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"data": modernInvoice(inv)})
		return
	}
	fail(w, http.StatusNotFound, "no such invoice")
}

func (m *Modern) listQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cursorPage(w, r, m.Store.listQuotes(q.Get("contact_id"), q.Get("company_id"), false), modernQuote)
}

func (m *Modern) getQuote(w http.ResponseWriter, r *http.Request) {
	if q, ok := m.Store.getQuote(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"data": modernQuote(q)})
		return
	}
	fail(w, http.StatusNotFound, "no such quote")
}

func (m *Modern) listPayments(w http.ResponseWriter, r *http.Request) {
	cursorPage(w, r, m.Store.listTransactions(r.URL.Query().Get("contact_id"), false), modernPayment)
}

func (m *Modern) listActivities(w http.ResponseWriter, r *http.Request) {
	cursorPage(w, r, m.Store.listTasks(r.URL.Query().Get("attendee"), false), modernActivity)
}

func (m *Modern) getActivity(w http.ResponseWriter, r *http.Request) {
	if t, ok := m.Store.getTask(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, map[string]any{"data": modernActivity(t)})
		return
	}
	fail(w, http.StatusNotFound, "no such activity")
}

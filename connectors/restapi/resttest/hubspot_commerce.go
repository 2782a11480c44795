package resttest

import (
	"fmt"
	"html"
	"net/http"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// hsInvoiceStatus is hs_invoice_status: draft, open, paid or voided.
// HubSpot has no overdue or partly paid status: an open invoice past its
// due date is late, one with a balance below its amount partly paid.
func hsInvoiceStatus(st connectors.InvoiceStatus) string {
	switch st {
	case connectors.InvoiceDraft:
		return "draft"
	case connectors.InvoicePaid:
		return "paid"
	case connectors.InvoiceVoid:
		return "voided"
	}
	return "open"
}

// hsLineID is the ID of line i of a record.
func hsLineID(parent string, i int) string { return fmt.Sprintf("%s%02d", parent, i+1) }

// hsInvoice writes an invoice with the properties of HubSpot's invoices
// guide, associated with its contact, or with its company when it
// belongs to no one contact.
func hsInvoice(r invoiceRec) hsObj {
	cur := r.Total.Currency
	o := hsObj{id: r.ID, created: r.IssuedAt, props: map[string]any{
		"hs_number": r.Number, "hs_invoice_status": hsInvoiceStatus(r.Status), "hs_currency": cur,
		"hs_invoice_date": hsTime(r.IssuedAt), "hs_due_date": hsTime(r.DueAt),
		"hs_amount_billed": moneyDecimal(r.Total.Minor, cur), "hs_balance_due": moneyDecimal(r.AmountDue.Minor, cur),
		"hs_comments": nilIfEmpty(r.Notes), "hs_invoice_link": "https://app.hubspot.com/payments/purchase/" + r.ID,
		"hs_createdate": hsTime(r.IssuedAt), "hs_lastmodifieddate": hsTime(r.IssuedAt),
	}, assoc: map[string][]string{}, assocType: map[string]string{
		"contacts": "invoice_to_contact", "companies": "invoice_to_company",
	}}
	if r.ContactID != "" {
		o.assoc["contacts"] = []string{r.ContactID}
	} else {
		o.assoc["companies"] = []string{r.CompanyID}
	}
	return o
}

// hsLines writes the line items of a record: name, quantity, unit price
// and amount, as HubSpot's line items guide lists them.
func hsLines(parent string, lines []connectors.LineItem) []hsObj {
	var out []hsObj
	for i, l := range lines {
		cur := l.Total.Currency
		out = append(out, hsObj{id: hsLineID(parent, i), created: time.Date(2024, 3, 18, 7, 34, 29, 0, time.UTC),
			props: map[string]any{"name": l.Title, "quantity": l.Quantity, "price": moneyDecimal(l.UnitPrice.Minor, cur),
				"amount": moneyDecimal(l.Total.Minor, cur), "hs_line_item_currency_code": cur,
				"createdate": hsTime(time.Date(2024, 3, 18, 7, 34, 29, 0, time.UTC))}})
	}
	return out
}

// hsObjects writes records as objects.
func hsObjects[T any](recs []T, obj func(T) hsObj) []hsObj {
	out := make([]hsObj, 0, len(recs))
	for _, r := range recs {
		out = append(out, obj(r))
	}
	return out
}

// hsGet answers GET /crm/v3/objects/{type}/{id} with the properties and
// associations asked for.
func hsGet[T any](find func(string) (T, bool), obj func(T) hsObj) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec, ok := find(r.PathValue("id"))
		if !ok {
			hsNotFound(w)
			return
		}
		writeJSON(w, http.StatusOK, obj(rec).render(csv(r, "properties"), csv(r, "associations")))
	}
}

// hsAssociated answers a v4 associations read: each associated ID with
// the association types given.
func hsAssociated(w http.ResponseWriter, ids []string, types ...map[string]any) {
	results := []any{}
	for _, id := range ids {
		kinds := make([]any, len(types))
		for i, t := range types {
			kinds[i] = t
		}
		results = append(results, map[string]any{"toObjectId": gjson.Parse(id).Value(), "associationTypes": kinds})
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": results})
}

// hsAssocType is an association type of the v4 API.
func hsAssocType(typeID int, label any) map[string]any {
	return map[string]any{"category": "HUBSPOT_DEFINED", "typeId": typeID, "label": label}
}

// invoiceLineItems answers GET /crm/v4/objects/invoices/{id}/associations/line_items.
func (h *HubSpot) invoiceLineItems(w http.ResponseWriter, r *http.Request) {
	inv, ok := h.Store.getInvoice(r.PathValue("id"))
	if !ok {
		hsNotFound(w)
		return
	}
	var ids []string
	for i := range inv.Lines {
		ids = append(ids, hsLineID(inv.ID, i))
	}
	hsAssociated(w, ids, hsAssocType(409, nil))
}

// readLineItems answers POST /crm/v3/objects/line_items/batch/read.
func (h *HubSpot) readLineItems(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	inputs := gjson.GetBytes(body, "inputs")
	if err != nil || !inputs.IsArray() || len(inputs.Array()) == 0 || len(inputs.Array()) > 100 {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "inputs must hold 1 to 100 IDs")
		return
	}
	lines := map[string]hsObj{}
	for _, inv := range h.Store.listInvoices("", "", true) {
		for _, l := range hsLines(inv.ID, inv.Lines) {
			lines[l.id] = l
		}
	}
	var props []string
	for _, p := range gjson.GetBytes(body, "properties").Array() {
		props = append(props, p.String())
	}
	results := []any{}
	for _, in := range inputs.Array() {
		if l, ok := lines[in.Get("id").String()]; ok {
			results = append(results, l.render(props, nil))
		}
	}
	now := hsTime(nowUTC())
	writeJSON(w, http.StatusOK, map[string]any{"status": "COMPLETE", "results": results, "startedAt": now, "completedAt": now})
}

// hsMeeting writes a task as a meeting engagement with the properties of
// HubSpot's meetings guide: the attendee description as HTML, and
// internal notes that must never reach the portal.
func hsMeeting(r taskRec) hsObj {
	outcome := "SCHEDULED"
	if r.Complete {
		outcome = "COMPLETED"
	}
	return hsObj{id: r.ID, created: r.Start.Add(-24 * time.Hour), props: map[string]any{
		"hs_meeting_title": r.Title, "hs_meeting_body": "<p>" + html.EscapeString(r.Description) + "</p>",
		"hs_internal_meeting_notes": "Internal: check the budget before " + r.Title,
		"hs_meeting_start_time":     hsTime(r.Start), "hs_meeting_end_time": hsTime(r.End), "hs_timestamp": hsTime(r.Start),
		"hs_meeting_location": nilIfEmpty(r.Location), "hs_meeting_outcome": outcome,
		"hs_createdate": hsTime(r.Start.Add(-24 * time.Hour)), "hs_lastmodifieddate": hsTime(r.Start.Add(-24 * time.Hour)),
	}, assoc: map[string][]string{"contacts": {r.ContactID}}, assocType: map[string]string{"contacts": "meeting_event_to_contact"}}
}

package jetpacktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
	"unicode/utf16"
)

// writeJSON answers like PHP's json_encode with its defaults: slashes as
// \/ and every non-ASCII character as a \uXXXX escape.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(phpJSON(v))
}

func phpJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(`{"error":true,"message":"encode failed"}`)
	}
	var out bytes.Buffer
	for _, r := range string(bytes.TrimSpace(buf.Bytes())) {
		switch {
		case r == '/':
			out.WriteString(`\/`)
		case r < 0x80:
			out.WriteRune(r)
		case r > 0xFFFF:
			a, b := utf16.EncodeRune(r)
			fmt.Fprintf(&out, `\u%04x\u%04x`, a, b)
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
	}
	return out.Bytes()
}

func ymdhis(ts int64) string { return time.Unix(ts, 0).UTC().Format(time.DateTime) }
func mdy(ts int64) string    { return time.Unix(ts, 0).UTC().Format("01/02/2006") }

// dateOrFalse renders a *_date companion: false when the time is unset.
func dateOrFalse(ts int64, format string) any {
	if ts <= 0 {
		return false
	}
	return time.Unix(ts, 0).UTC().Format(format)
}

// renderContact renders a contact as the API does: every column a string,
// except lastcontacted (a number) and lastcontacted_date (false).
func (s *Server) renderContact(c *Contact) map[string]any {
	m := map[string]any{
		"id": itoa(c.ID), "owner": itoa(c.Owner), "wpid": "-1", "avatar": "", "tw": "", "li": "", "fb": "",
		"created": ymdhis(c.Created), "lastcontacted": -1, "createduts": fmt.Sprint(c.Created),
		"created_date": mdy(c.Created), "lastupdated": fmt.Sprint(c.Updated), "lastupdated_date": mdy(c.Updated),
		"lastcontacteduts": "-1", "lastcontacted_date": false, "fullname": c.fullName(), "name": c.fullName(),
	}
	for _, k := range contactKeys {
		m[k] = c.get(k)
	}
	for _, slug := range s.customFields {
		m[slug] = c.get(slug)
	}
	return m
}

func (s *Server) renderTags(c *Contact) []any {
	out := []any{}
	for i, t := range c.Tags {
		out = append(out, map[string]any{"id": itoa(i + 1), "objtype": "1", "name": t, "slug": t,
			"created": fmt.Sprint(c.Created), "lastupdated": fmt.Sprint(c.Created)})
	}
	return out
}

func renderLines(lines []Line, created int64) []any {
	out := []any{}
	for i, l := range lines {
		out = append(out, map[string]any{
			"id": itoa(i + 1), "owner": "1", "order": 0, "title": l.Title, "desc": l.Desc, "quantity": l.Quantity,
			"price": l.Price, "currency": "", "net": l.Total, "discount": "0.00", "fee": "0.00", "shipping": "0.00",
			"shipping_taxes": "", "shipping_tax": "0.00", "taxes": "", "tax": "0.00", "total": l.Total,
			"created": created, "created_date": ymdhis(created), "lastupdated": created, "lastupdated_date": ymdhis(created),
		})
	}
	return out
}

func renderInvoice(inv *Invoice) map[string]any {
	created := inv.Date
	return map[string]any{
		"id": itoa(inv.ID), "owner": "1", "id_override": inv.Ref, "parent": 0, "status": inv.Status, "status_label": inv.Status,
		"hash": fmt.Sprintf("hash%015d", inv.ID), "pdf_template": "", "portal_template": "", "email_template": "",
		"invoice_frequency": 0, "currency": inv.Currency, "pay_via": 0, "logo_url": "", "address_to_objtype": 0,
		"addressed_from": "", "addressed_to": "", "allow_partial": true, "allow_tip": true, "send_attachments": true,
		"hours_or_quantity": "1", "date": inv.Date, "date_date": time.Unix(inv.Date, 0).UTC().Format("January 2, 2006"),
		"due_date": inv.Due, "due_date_date": time.Unix(inv.Due, 0).UTC().Format("January 2, 2006"),
		"paid_date": inv.Paid, "paid_date_date": dateOrFalse(inv.Paid, "01/02/2006"),
		"hash_viewed": 0, "hash_viewed_date": false, "hash_viewed_count": 0, "portal_viewed": 0, "portal_viewed_date": false,
		"portal_viewed_count": 0, "net": inv.Net, "discount": inv.Discount, "discount_type": inv.DiscountType,
		"shipping": "0.00", "shipping_taxes": "", "shipping_tax": "0.00", "taxes": "", "tax": inv.Tax, "total": inv.Total,
		"created": created, "created_date": ymdhis(created), "lastupdated": created, "lastupdated_date": ymdhis(created),
		"lineitems": renderLines(inv.Lines, created),
	}
}

// renderQuote renders a quote; content only when embedded in a contact.
func renderQuote(q *Quote, withContent bool) map[string]any {
	status := -1
	switch {
	case q.Accepted > 0:
		status = 1
	case q.Template > 0:
		status = -2
	}
	m := map[string]any{
		"id": itoa(q.ID), "owner": "1", "id_override": q.Ref, "title": q.Title, "currency": q.Currency, "value": q.Value,
		"date": q.Date, "date_date": mdy(q.Date), "template": q.Template, "notes": q.Notes, "send_attachments": true,
		"hash": fmt.Sprintf("qhash%014d", q.ID), "lastviewed": 0, "lastviewed_date": false, "viewed_count": 0,
		"accepted": q.Accepted, "accepted_date": dateOrFalse(q.Accepted, "01/02/2006"),
		// The plugin's bug: both hold the accepted timestamp.
		"acceptedsigned": q.Accepted, "acceptedip": q.Accepted,
		"created": q.Date, "created_date": mdy(q.Date), "lastupdated": q.Date, "lastupdated_date": mdy(q.Date),
		"status": status, "lineitems": renderLines(q.Lines, q.Date),
	}
	if withContent {
		m["content"] = q.Content
	}
	return m
}

func renderTransaction(t *Transaction) map[string]any {
	return map[string]any{
		"id": itoa(t.ID), "owner": "0", "status": t.Status, "type": t.Type, "status_bool": 1, "type_accounting": "debit",
		"ref": t.Ref, "origin": "", "parent": 0, "hash": "", "title": t.Title, "desc": "", "date": t.Date,
		"date_date": ymdhis(t.Date), "customer_ip": "", "currency": t.Currency, "net": t.Total, "fee": "0.00",
		"discount": "0.00", "shipping": "0.00", "shipping_taxes": "", "shipping_tax": "0.00", "taxes": "", "tax": "0.00",
		"total": t.Total, "date_paid": 0, "date_paid_date": false, "date_completed": 0, "date_completed_date": false,
		"created": t.Date, "created_date": mdy(t.Date), "lastupdated": t.Date, "lastupdated_date": ymdhis(t.Date),
		"lineitems": []any{},
	}
}

func (s *Server) renderEvent(e *Event) map[string]any {
	contacts := []any{}
	for _, id := range e.ContactIDs {
		if c := s.contactByID(id); c != nil {
			contacts = append(contacts, s.renderContact(c))
		}
	}
	return map[string]any{
		"id": itoa(e.ID), "owner": "1", "title": e.Title, "desc": e.Desc, "start": e.Start, "start_date": ymdhis(e.Start),
		"end": e.End, "end_date": ymdhis(e.End), "complete": boolInt(e.Complete), "show_on_portal": boolInt(e.ShowOnPortal),
		"show_on_cal": 1, "created": e.Start, "created_date": ymdhis(e.Start), "lastupdated": e.Start,
		"lastupdated_date": ymdhis(e.Start), "reminders": []any{}, "contact": contacts, "company": []any{},
	}
}

func (s *Server) renderCompany(co *Company) map[string]any {
	contacts := []any{}
	for _, id := range co.ContactIDs {
		if c := s.contactByID(id); c != nil {
			contacts = append(contacts, s.renderContact(c))
		}
	}
	return map[string]any{
		"id": itoa(co.ID), "owner": "1", "status": co.Status, "name": co.Name, "email": co.Email,
		"addr1": co.Addr1, "addr2": co.Addr2, "city": co.City, "county": co.County, "country": co.Country,
		"postcode": co.PostCode, "secaddr1": "", "secaddr2": "", "seccity": "", "seccounty": "", "seccountry": "",
		"secpostcode": "", "maintel": co.Tel, "sectel": "", "wpid": 0, "avatar": "", "tw": "", "li": "", "fb": "",
		"created": 1795408192, "created_date": "11/23/2026", "lastupdated": 1795408192, "lastupdated_date": "11/23/2026",
		"lastcontacted": 0, "lastcontacted_date": false, "contacts": contacts,
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

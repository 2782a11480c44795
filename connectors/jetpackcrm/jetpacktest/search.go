package jetpacktest

import (
	"net/http"
	"slices"
)

// customerSearch answers one contact object (with tags, invoices and
// transactions) for email=, [] when none matches, and a plain paged list
// of contacts for zbs_query= or nothing.
func (s *Server) customerSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Has("email") {
		if q.Get("replace_hyphens_with_underscores_in_json_keys") != "" {
			criticalError(w)
			return
		}
		c := s.contactByEmail(q.Get("email"))
		if c == nil {
			writeJSON(w, http.StatusOK, []any{})
			return
		}
		writeJSON(w, http.StatusOK, s.contactWith(c, true, false, true, true, false))
		return
	}
	var found []*Contact
	for _, c := range s.contacts {
		if c.matches(q.Get("zbs_query")) {
			found = append(found, c)
		}
	}
	page, perpage := queryPaging(q)
	lo, hi := window(len(found), page, perpage)
	out := []any{}
	for _, c := range found[lo:hi] {
		out = append(out, s.renderContact(c))
	}
	writeJSON(w, http.StatusOK, out)
}

// contactWith renders a contact with the requested relations. Embedded
// invoices and transactions come newest (highest ID) first.
func (s *Server) contactWith(c *Contact, tags, quotes, invoices, txns, txnContact bool) map[string]any {
	m := s.renderContact(c)
	if tags {
		m["tags"] = s.renderTags(c)
	}
	if invoices {
		out := []any{}
		for _, inv := range slices.Backward(s.invoices) {
			if inv.ContactID == c.ID {
				out = append(out, renderInvoice(inv))
			}
		}
		m["invoices"] = out
	}
	if quotes {
		out := []any{}
		for _, q := range slices.Backward(s.quotes) {
			if q.ContactID == c.ID {
				out = append(out, renderQuote(q, true))
			}
		}
		m["quotes"] = out
	}
	if txns {
		out := []any{}
		for _, t := range slices.Backward(s.transactions) {
			if t.ContactID == c.ID {
				rt := renderTransaction(t)
				if txnContact {
					rt["contact"], rt["company"] = []any{s.renderContact(c)}, []any{}
				}
				out = append(out, rt)
			}
		}
		m["transactions"] = out
	}
	return m
}

func (s *Server) customers(w http.ResponseWriter, r *http.Request) {
	args := bodyArgs(r)
	search, _ := args["search"].(string)
	company, owned := intArg(args, "company", 0), intArg(args, "owned", 0)
	var found []*Contact
	for _, c := range s.contacts {
		if c.matches(search) && (company <= 0 || s.inCompany(c.ID, company)) && (owned <= 0 || c.Owner == owned) {
			found = append(found, c)
		}
	}
	page, perpage, all := bodyPaging(args)
	lo, hi := 0, len(found)
	if !all {
		lo, hi = window(len(found), page, perpage)
	}
	tags, _ := args["tags"].(bool)
	out := []any{}
	for _, c := range found[lo:hi] {
		out = append(out, s.contactWith(c, tags, stringTrue(args, "quotes"), stringTrue(args, "invoices"),
			stringTrue(args, "transactions"), true))
	}
	writeJSON(w, http.StatusOK, out)
}

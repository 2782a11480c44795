package restapi

import (
	"slices"
	"strings"
)

// subRequestVars are the variables a sub-request may use.
var subRequestVars = []string{"id", "contact_id", "company_id"}

// validateV2 checks what the second version of the mapping added to an
// operation: belongs_to, sub-requests, lines from a sub-request, expected
// statuses and a separate decline request.
func (s opSpec) validateV2(p *problems, where string) {
	op := s.op
	if op.BelongsTo != "" {
		switch {
		case !s.owned:
			p.add(where+".belongs_to", "%s is not a per-contact operation", s.name)
		case !slices.Contains([]string{BelongsToContact, BelongsToCompany, BelongsToContactOrCompany}, op.BelongsTo):
			p.add(where+".belongs_to", "must be contact, company or contact_or_company")
		case op.BelongsTo != BelongsToContact && (op.Owner == nil || op.Owner.Company == ""):
			p.add(where+".owner.company", "is required when belongs_to is %s", op.BelongsTo)
		}
	}
	if len(op.SubRequests) > 0 && (s.kinds == nil || !s.owned) {
		p.add(where+".sub_requests", "are for the operations that read invoices, quotes, transactions and tasks")
	}
	validateSubRequests(p, where+".sub_requests", op.SubRequests)
	if l := op.Lines; l != nil && l.From != "" && op.SubRequests[l.From] == nil {
		p.add(where+".lines.from", "names no sub-request of this operation")
	}
	for _, code := range op.Expect {
		if code < 100 || code > 599 {
			p.add(where+".expect", "%d is not an HTTP status", code)
		}
	}
	if op.DeclineRequest != nil {
		if s.name != opDecideQuote {
			p.add(where+".decline_request", "is for decide_quote only")
		} else {
			d := s
			d.op = op.DeclineRequest
			d.validateTemplates(p, where+".decline_request")
			if op.DeclineRequest.DeclineRequest != nil || len(op.DeclineRequest.Fields) > 0 {
				p.add(where+".decline_request", "is a request only: method, path, query, body, expect")
			}
		}
	}
}

// validateSubRequest checks a sub-request or a company lookup.
func validateSubRequest(p *problems, where string, s *SubRequest, vars []string) {
	if s == nil {
		p.add(where, "is empty")
		return
	}
	if !strings.HasPrefix(s.Path, "/") || strings.ContainsAny(s.Path, "?#") {
		p.add(where+".path", "must start with / and hold no query or fragment")
	}
	all := templateVars(s.Path)
	for _, v := range s.Query {
		all = append(all, templateVars(v)...)
	}
	for _, v := range all {
		if !slices.Contains(vars, v) {
			p.add(where, "unknown variable {%s} (known: %s)", v, strings.Join(vars, ", "))
		}
	}
	if s.Items != "" {
		if err := checkPath(s.Items); err != nil {
			p.add(where+".items", "bad gjson path %q: %v", s.Items, err)
		}
	}
}

// validateCompany checks the company lookup.
func (m *Mapping) validateCompany(p *problems) {
	c := m.Company
	if c == nil {
		return
	}
	if c.Lookup == nil {
		p.add("company.lookup", "is required")
		return
	}
	validateSubRequest(p, "company.lookup", c.Lookup, []string{"contact_id"})
	validateCompanyLookup(p, c.Lookup)
	if err := checkPath(c.ID); err != nil {
		p.add("company.id", "bad gjson path %q: %v", c.ID, err)
	}
}

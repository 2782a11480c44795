package restapi

import (
	"net/http"
	"slices"
	"strings"
)

// validateBody compiles the expressions of the operation's body (and of
// its decline request's). update_contact's body may not compute values:
// the fields the portal offers for editing are read from its variables.
func (s opSpec) validateBody(p *problems, where string) {
	op := s.op
	if s.name == opUpdateContact && len(bodyExprs(op.Body)) > 0 {
		p.add(where+".body", "update_contact cannot compute values: use variables such as {first_name}")
	}
	op.bodyProgs = compileBody(p, where+".body", op.Body)
	if d := op.DeclineRequest; d != nil {
		d.bodyProgs = compileBody(p, where+".decline_request.body", d.Body)
	}
}

// validateSubRequests checks an operation's sub-requests, their methods,
// bodies, conditions and the order their needs impose.
func validateSubRequests(p *problems, where string, subs map[string]*SubRequest) {
	for _, name := range sortedKeys(subs) {
		at := where + "." + name
		s := subs[name]
		validateSubRequest(p, at, s, subRequestVars)
		if s == nil {
			continue
		}
		switch s.Method {
		case "", http.MethodGet:
			if s.Body != nil {
				p.add(at+".body", "a GET request has no body: set method POST")
			}
		case http.MethodPost:
		default:
			p.add(at+".method", "must be GET or POST")
		}
		s.bodyProgs = compileBody(p, at+".body", s.Body)
		for _, v := range bodyVars(s.Body) {
			if !slices.Contains(subRequestVars, v) {
				p.add(at+".body", "unknown variable {%s} (known: %s)", v, strings.Join(subRequestVars, ", "))
			}
		}
		s.whenProg = nil
		if s.When != "" {
			prog, err := compileValueExpr(s.When)
			if err != nil {
				p.add(at+".when", "does not compile: %s", firstLine(err))
			}
			s.whenProg = prog
		}
		if s.Needs != "" && subs[s.Needs] == nil {
			p.add(at+".needs", "names no sub-request of this operation")
		}
	}
	if _, err := subRequestOrder(subs); err != nil {
		p.add(where, "%v", err)
	}
}

// validateCompanyLookup keeps the company lookup a plain GET.
func validateCompanyLookup(p *problems, s *SubRequest) {
	if s.Method != "" && s.Method != http.MethodGet || s.Body != nil || s.Needs != "" || s.When != "" {
		p.add("company.lookup", "is a GET with path, query and items only")
	}
}

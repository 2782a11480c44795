package restapi

import (
	"net/http"
	"slices"
	"strings"
)

// validate checks one mapped operation.
func (s opSpec) validate(p *problems, where, currency string) {
	op := s.op
	switch op.Method {
	case "", http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
	default:
		p.add(where+".method", "unknown HTTP method %q", op.Method)
	}
	s.validateTemplates(p, where)
	s.validateBody(p, where)
	s.validateShape(p, where)
	if op.ReadEach {
		s.validateEach(p, where)
		return
	}
	if s.kinds != nil {
		validateFields(p, where+".fields", op.Fields, s.kinds, currency != "")
		for _, name := range s.need {
			if op.Fields[name] == nil {
				p.add(where+".fields", "must map %s", name)
			}
		}
	} else if len(op.Fields) > 0 {
		p.add(where+".fields", "%s reads no fields", s.name)
	}
	s.validateOwner(p, where)
	s.validateLines(p, where, currency)
	s.validateV2(p, where)
	if s.name == opDecideQuote && op.DeclineRequest == nil && !usesVar(op, "decision") {
		p.add(where, "must send {decision} in its path, query or body")
	}
	if s.name == opUpdateContact && op.Body == nil {
		p.add(where+".body", "is required")
	} else if s.name == opUpdateContact && len(writable(op)) == 0 {
		p.add(where+".body", "carries no contact field, such as {first_name}")
	}
}

func (s opSpec) validateTemplates(p *problems, where string) {
	op := s.op
	if !strings.HasPrefix(op.Path, "/") {
		p.add(where+".path", "must start with /")
	}
	if strings.ContainsAny(op.Path, "?#") {
		p.add(where+".path", "must not hold a query or fragment: use query")
	}
	known := s.vars
	if s.shape == shapeList && s.name != opFindContactByEmail {
		known = append(slices.Clip(known), pagingVarNames(op.Paging.style())...)
	}
	check := func(at string, names []string) {
		for _, v := range names {
			if !slices.Contains(known, v) {
				p.add(at, "unknown variable {%s} (known: %s)", v, strings.Join(known, ", "))
			}
		}
	}
	check(where+".path", templateVars(op.Path))
	if s.owned && slices.Contains(templateVars(op.Path), "company_id") {
		p.add(where+".path", "{company_id} may be empty here: use it in query instead")
	}
	for k, v := range op.Query {
		check(where+".query."+k, templateVars(v))
	}
	check(where+".body", bodyVars(op.Body))
	if op.Body != nil && (op.Method == "" || op.Method == http.MethodGet) {
		p.add(where+".body", "a GET request has no body")
	}
}

func (s opSpec) validateShape(p *problems, where string) {
	op := s.op
	if op.Items != "" && s.shape != shapeList {
		p.add(where+".items", "only list operations have items: use item")
	}
	if op.Item != "" && s.shape != shapeItem {
		p.add(where+".item", "only single-item operations have item")
	}
	for name, path := range map[string]string{"items": op.Items, "item": op.Item} {
		if path != "" {
			if err := checkPath(path); err != nil {
				p.add(where+"."+name, "bad gjson path %q: %v", path, err)
			}
		}
	}
	if op.Paging != nil {
		if s.shape != shapeList || s.name == opFindContactByEmail {
			p.add(where+".paging", "only list operations are paged")
		} else {
			op.Paging.validate(p, where+".paging", func(v string) bool { return usesVar(op, v) })
		}
	}
	if op.EmptyOn404 && s.shape != shapeList {
		p.add(where+".empty_on_404", "is for list operations only")
	}
	if (op.Accept != "" || op.Decline != "") && s.name != opDecideQuote {
		p.add(where, "accept and decline are for decide_quote only")
	}
}

func (s opSpec) validateOwner(p *problems, where string) {
	o := s.op.Owner
	if !s.owned {
		if o != nil {
			p.add(where+".owner", "%s is not a per-contact operation", s.name)
		}
		return
	}
	if (o == nil || o.Contact == "") && s.op.BelongsTo != BelongsToCompany {
		p.add(where+".owner.contact", "is required: the path to the ID of the contact each item belongs to")
	}
	if o == nil {
		return
	}
	for name, path := range map[string]string{"contact": o.Contact, "company": o.Company} {
		if path != "" {
			if err := checkPath(path); err != nil {
				p.add(where+".owner."+name, "bad gjson path %q: %v", path, err)
			}
		}
	}
}

func (s opSpec) validateLines(p *problems, where, currency string) {
	l := s.op.Lines
	if l == nil {
		return
	}
	if !s.lines {
		p.add(where+".lines", "%s has no line items", s.name)
		return
	}
	validateFields(p, where+".lines.fields", l.Fields, lineSchema.kinds(), currency != "" || s.op.Fields[currencyField] != nil)
	if l.Path == "" && l.From == "" {
		p.add(where+".lines.path", "is required unless the lines come from a sub-request")
	} else if l.Path != "" {
		if err := checkPath(l.Path); err != nil {
			p.add(where+".lines.path", "bad gjson path %q: %v", l.Path, err)
		}
	}
	if l.Fields["title"] == nil {
		p.add(where+".lines.fields", "must map title")
	}
}

// usesVar reports whether the operation's path, query or body uses name.
func usesVar(op *Operation, name string) bool {
	all := append(templateVars(op.Path), bodyVars(op.Body)...)
	for _, v := range op.Query {
		all = append(all, templateVars(v)...)
	}
	return slices.Contains(all, name)
}

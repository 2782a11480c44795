package restapi

// validateEach checks a list operation with read_each: it only finds the
// items (their IDs); the get operation reads, owns and maps them.
func (s opSpec) validateEach(p *problems, where string) {
	op := s.op
	if _, ok := eachPairs[s.name]; !ok {
		p.add(where+".read_each", "is for list_invoices, list_quotes and list_tasks (each has a get operation)")
		return
	}
	for name := range op.Fields {
		if name != "id" {
			p.add(where+".fields."+name, "a read_each list maps only id: the get operation maps the rest")
		}
	}
	if f := op.Fields["id"]; f == nil || f.Path == "" {
		p.add(where+".fields.id", "must be a path to each listed item's ID")
	} else if err := checkPath(f.Path); err != nil {
		p.add(where+".fields.id", "bad gjson path %q: %v", f.Path, err)
	}
	extra := map[string]bool{"owner": op.Owner != nil, "lines": op.Lines != nil,
		"sub_requests": len(op.SubRequests) > 0, "belongs_to": op.BelongsTo != ""}
	for _, key := range sortedKeys(extra) {
		if extra[key] {
			p.add(where+"."+key, "does not go with read_each: the get operation's applies")
		}
	}
}

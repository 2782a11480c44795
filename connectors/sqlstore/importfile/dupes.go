package importfile

import (
	"strings"
	"time"
)

// checkDuplicates reports items whose natural key repeats an earlier
// item's in the same file.
func checkDuplicates(ps *problems, d *Data) {
	type keyed struct {
		key, field string
		pos        Pos
	}
	var all [][]keyed
	var k []keyed
	for _, c := range d.Companies {
		k = append(k, keyed{c.Company.Name, "name", c.Pos})
	}
	all, k = append(all, k), nil
	for _, c := range d.Contacts {
		k = append(k, keyed{strings.ToLower(c.Contact.Email), "email", c.Pos})
	}
	all, k = append(all, k), nil
	for _, v := range d.Invoices {
		k = append(k, keyed{v.Invoice.Number, "number", v.Pos})
	}
	all, k = append(all, k), nil
	for _, q := range d.Quotes {
		k = append(k, keyed{q.Quote.Number, "number", q.Pos})
	}
	all, k = append(all, k), nil
	for _, t := range d.Transactions {
		k = append(k, keyed{t.Transaction.Reference, "reference", t.Pos})
	}
	all, k = append(all, k), nil
	for _, t := range d.Tasks {
		k = append(k, keyed{strings.ToLower(t.ContactEmail) + "\x00" + t.Task.Title + "\x00" + t.Task.Start.Format(time.RFC3339Nano), "title", t.Pos})
	}
	all = append(all, k)
	for _, list := range all {
		first := map[string]Pos{}
		for _, it := range list {
			if it.key == "" {
				continue
			}
			if p, seen := first[it.key]; seen {
				ps.list = append(ps.list, it.pos.Problem(it.field, "repeats %s[%d] (line %d)", p.Section, p.Index, p.Line))
				continue
			}
			first[it.key] = it.pos
		}
	}
}

package importfile

import (
	"fmt"
	"io"
)

// MaxSize is the largest import file Parse reads, in bytes.
const MaxSize = 32 << 20

// Parse reads an import file (see the package documentation) and checks
// everything that can be checked without a database: JSON syntax, known
// fields, types, required fields, amounts, times, statuses, emails and
// duplicate keys within the file. It returns an *Error listing every
// problem, each with its field path and line.
func Parse(r io.Reader) (*Data, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("importfile: read: %w", err)
	}
	if len(src) > MaxSize {
		return nil, &Error{Problems: []Problem{{Message: fmt.Sprintf("the file is larger than %d MiB", MaxSize>>20)}}}
	}
	var ps problems
	root, err := buildTree(src, &ps)
	if err != nil {
		return nil, err
	}
	if root.kind != kObject {
		ps.add("", root.line, "the file must hold one JSON object, not "+root.kind.String())
		return nil, ps.err()
	}
	d := readData(newReader(&ps, "", root))
	checkDuplicates(&ps, d)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// readData reads every section of the top-level object.
func readData(r *reader) *Data {
	d := &Data{}
	each(r, "companies", func(ir *reader, i int) { d.Companies = append(d.Companies, readCompany(ir, i)) })
	each(r, "contacts", func(ir *reader, i int) { d.Contacts = append(d.Contacts, readContact(ir, i)) })
	each(r, "invoices", func(ir *reader, i int) { d.Invoices = append(d.Invoices, readInvoice(ir, i)) })
	each(r, "quotes", func(ir *reader, i int) { d.Quotes = append(d.Quotes, readQuote(ir, i)) })
	each(r, "transactions", func(ir *reader, i int) { d.Transactions = append(d.Transactions, readTransaction(ir, i)) })
	each(r, "tasks", func(ir *reader, i int) { d.Tasks = append(d.Tasks, readTask(ir, i)) })
	r.done()
	return d
}

// each calls read for every object of the array field section.
func each(r *reader, section string, read func(*reader, int)) {
	for i, n := range r.array(section) {
		path := fmt.Sprintf("%s[%d]", section, i)
		if n.kind != kObject {
			r.ps.add(path, n.line, "must be an object, not "+n.kind.String())
			continue
		}
		ir := newReader(r.ps, path, n)
		read(ir, i)
		ir.done()
	}
}

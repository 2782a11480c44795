package restapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"clientgate/connectors"
)

// Probe calls the read operations for the contact with the given email
// and prints, for each, the requests it sent (secrets masked), how many
// raw items the answers held, the sub-requests it needed, every field
// that fell back to its default, was computed, rounded or converted, the
// items dropped and why, and the mapped result, so that an operator can
// write a mapping by iterating against the real CRM (clientgate
// check-config --probe --email E). It goes on after a failing operation
// and returns every failure joined. It writes nothing to the CRM.
func Probe(ctx context.Context, c *Connector, email string, w io.Writer) error {
	ctx, tr := withTrace(ctx)
	var errs []error
	step := func(name string, v any, n int, err error) bool {
		fmt.Fprintf(w, "== %s\n", name)
		tr.flush(w)
		if err != nil {
			fmt.Fprintf(w, "%s: FAILED: %v\n", name, err)
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			return false
		}
		data, _ := json.MarshalIndent(v, "  ", "  ")
		if n >= 0 {
			fmt.Fprintf(w, "  mapped %d item(s)\n", n)
		}
		fmt.Fprintf(w, "%s: ok\n  %s\n", name, data)
		return true
	}
	step(opPing, "answered", -1, c.Ping(ctx))
	ct, err := c.FindContactByEmail(ctx, email)
	if !step(opFindContactByEmail, ct, -1, err) {
		return errors.Join(errs...)
	}
	got, err := c.GetContact(ctx, ct.ID)
	step(opGetContact, got, -1, err)
	s := connectors.Scope{ContactID: ct.ID, WithCompany: true}
	if c.m.Operations.GetCompany != nil {
		co, err := c.GetCompany(ctx, s)
		if errors.Is(err, connectors.ErrNotFound) {
			fmt.Fprintf(w, "== %s\n  the contact has no company\n", opGetCompany)
			tr.flush(w)
		} else {
			step(opGetCompany, co, -1, err)
		}
	}
	probeLists(ctx, c, s, step)
	fmt.Fprintf(w, "capabilities: %+v\n", c.Capabilities())
	probeCosts(c, w)
	return errors.Join(errs...)
}

// probeLists lists the first page of every mapped list and reads its
// first item back.
func probeLists(ctx context.Context, c *Connector, s connectors.Scope, step func(string, any, int, error) bool) {
	caps := c.Capabilities()
	page := connectors.PageRequest{Limit: 3}
	if caps.Invoices {
		p, err := c.ListInvoices(ctx, s, page)
		if step(opListInvoices, p, len(p.Items), err) && len(p.Items) > 0 {
			inv, err := c.GetInvoice(ctx, s, p.Items[0].ID)
			step(opGetInvoice, inv, -1, err)
		}
	}
	if caps.Quotes {
		p, err := c.ListQuotes(ctx, s, page)
		if step(opListQuotes, p, len(p.Items), err) && len(p.Items) > 0 {
			q, err := c.GetQuote(ctx, s, p.Items[0].ID)
			step(opGetQuote, q, -1, err)
		}
	}
	if caps.Transactions {
		p, err := c.ListTransactions(ctx, s, page)
		step(opListTransactions, p, len(p.Items), err)
	}
	if caps.Tasks {
		p, err := c.ListTasks(ctx, s, page)
		if step(opListTasks, p, len(p.Items), err) && len(p.Items) > 0 {
			t, err := c.GetTask(ctx, s, p.Items[0].ID)
			step(opGetTask, t, -1, err)
		}
	}
}

// probeCosts states what the sub-requests and read_each reads cost per
// portal page.
func probeCosts(c *Connector, w io.Writer) {
	perPage := connectors.DefaultLimit + 1
	for _, s := range c.m.specs() {
		if s.op == nil {
			continue
		}
		if s.op.ReadEach {
			getName, get := c.m.getOp(s.name)
			n := 1
			if get != nil {
				n += len(get.SubRequests)
			}
			fmt.Fprintf(w, "cost: %s reads each listed item with %s: a page of %d items costs up to %d requests (%d in parallel) besides its list request(s)\n",
				s.name, getName, connectors.DefaultLimit, perPage*n, c.subLimit)
			continue
		}
		if len(s.op.SubRequests) == 0 {
			continue
		}
		n := len(s.op.SubRequests)
		if s.shape == shapeList {
			fmt.Fprintf(w, "cost: %s sends %d sub-request(s) per item: a page of %d items costs up to %d sub-requests (%d in parallel) besides its list request(s)\n",
				s.name, n, connectors.DefaultLimit, perPage*n, c.subLimit)
		} else {
			fmt.Fprintf(w, "cost: %s sends %d sub-request(s) besides its own request\n", s.name, n)
		}
	}
}

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
// and prints what each one mapped, so that an operator can check a mapping
// against the real CRM (clientgate check-config --probe EMAIL). It goes
// on after a failing operation and returns every failure joined.
func Probe(ctx context.Context, c *Connector, email string, w io.Writer) error {
	var errs []error
	step := func(name string, v any, err error) bool {
		if err != nil {
			fmt.Fprintf(w, "%s: FAILED: %v\n", name, err)
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			return false
		}
		data, _ := json.MarshalIndent(v, "  ", "  ")
		fmt.Fprintf(w, "%s: ok\n  %s\n", name, data)
		return true
	}
	step(opPing, "answered", c.Ping(ctx))
	ct, err := c.FindContactByEmail(ctx, email)
	if !step(opFindContactByEmail, ct, err) {
		return errors.Join(errs...)
	}
	got, err := c.GetContact(ctx, ct.ID)
	step(opGetContact, got, err)
	s := connectors.Scope{ContactID: ct.ID, WithCompany: true}
	if c.m.Operations.GetCompany != nil && ct.CompanyID != "" {
		co, err := c.GetCompany(ctx, s)
		step(opGetCompany, co, err)
	}
	caps := c.Capabilities()
	page := connectors.PageRequest{Limit: 3}
	if caps.Invoices {
		p, err := c.ListInvoices(ctx, s, page)
		if step(opListInvoices, p, err) && len(p.Items) > 0 {
			inv, err := c.GetInvoice(ctx, s, p.Items[0].ID)
			step(opGetInvoice, inv, err)
		}
	}
	if caps.Quotes {
		p, err := c.ListQuotes(ctx, s, page)
		if step(opListQuotes, p, err) && len(p.Items) > 0 {
			q, err := c.GetQuote(ctx, s, p.Items[0].ID)
			step(opGetQuote, q, err)
		}
	}
	if caps.Transactions {
		p, err := c.ListTransactions(ctx, s, page)
		step(opListTransactions, p, err)
	}
	if caps.Tasks {
		p, err := c.ListTasks(ctx, s, page)
		if step(opListTasks, p, err) && len(p.Items) > 0 {
			t, err := c.GetTask(ctx, s, p.Items[0].ID)
			step(opGetTask, t, err)
		}
	}
	fmt.Fprintf(w, "capabilities: %+v\n", caps)
	return errors.Join(errs...)
}

package connectortest

import (
	"context"
	"errors"
	"time"

	"clientgate/connectors"
)

// call is one connector method called with arguments that need no seed.
type call struct {
	op        string
	supported func(connectors.Capabilities) bool // nil: always supported
	do        func(ctx context.Context, c connectors.Connector) error
}

// calls lists every context-taking method of Connector.
func calls() []call {
	s := connectors.Scope{ContactID: "some-contact", WithCompany: true}
	p := connectors.PageRequest{}
	return []call{
		{"Ping", nil, func(ctx context.Context, c connectors.Connector) error { return c.Ping(ctx) }},
		{"FindContactByEmail", nil, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.FindContactByEmail(ctx, "someone@example.com")
			return err
		}},
		{"GetContact", nil, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.GetContact(ctx, "some-contact")
			return err
		}},
		{"CreateContact", func(c connectors.Capabilities) bool { return c.CreateContact }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.CreateContact(ctx, connectors.NewContact{Email: "new.person@example.com", FirstName: "New"})
			return err
		}},
		{"UpdateContact", func(c connectors.Capabilities) bool { return c.UpdateContact }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.UpdateContact(ctx, "some-contact", connectors.ContactPatch{connectors.FieldFirstName: "X"})
			return err
		}},
		{"GetCompany", nil, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.GetCompany(ctx, s)
			return err
		}},
		{"ListInvoices", func(c connectors.Capabilities) bool { return c.Invoices }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.ListInvoices(ctx, s, p)
			return err
		}},
		{"GetInvoice", func(c connectors.Capabilities) bool { return c.Invoices }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.GetInvoice(ctx, s, "some-invoice")
			return err
		}},
		{"ListQuotes", func(c connectors.Capabilities) bool { return c.Quotes }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.ListQuotes(ctx, s, p)
			return err
		}},
		{"GetQuote", func(c connectors.Capabilities) bool { return c.Quotes }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.GetQuote(ctx, s, "some-quote")
			return err
		}},
		{"DecideQuote", func(c connectors.Capabilities) bool { return c.Quotes && c.DecideQuotes }, func(ctx context.Context, c connectors.Connector) error {
			_, _, err := c.DecideQuote(ctx, s, "some-quote", connectors.Decision{Accept: true, By: "someone@example.com"})
			return err
		}},
		{"ListTransactions", func(c connectors.Capabilities) bool { return c.Transactions }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.ListTransactions(ctx, s, p)
			return err
		}},
		{"ListTasks", func(c connectors.Capabilities) bool { return c.Tasks }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.ListTasks(ctx, s, p)
			return err
		}},
		{"GetTask", func(c connectors.Capabilities) bool { return c.Tasks }, func(ctx context.Context, c connectors.Connector) error {
			_, err := c.GetTask(ctx, s, "some-task")
			return err
		}},
		{"RecordPayment", func(c connectors.Capabilities) bool { return c.RecordPayments }, func(ctx context.Context, c connectors.Connector) error {
			_, _, err := c.RecordPayment(ctx, s, connectors.Payment{Reference: "cg-some-payment", InvoiceID: "some-invoice",
				Kind: connectors.TransactionPayment, Amount: connectors.Money{Minor: 100, Currency: "EUR"}, Date: time.Now()})
			return err
		}},
	}
}

// CheckUnsupported checks that every operation the connector's
// Capabilities leave out returns ErrUnsupported, and that the supported
// ones do not.
func CheckUnsupported(r Reporter, c connectors.Connector, _ Seed) {
	r.Helper()
	caps := c.Capabilities()
	for _, cl := range calls() {
		err := cl.do(context.Background(), c)
		if cl.supported != nil && !cl.supported(caps) {
			wantErr(r, cl.op+" without the capability", err, connectors.ErrUnsupported)
		} else if errors.Is(err, connectors.ErrUnsupported) {
			r.Errorf("%s: ErrUnsupported although Capabilities claims it: %v", cl.op, err)
		}
	}
}

// CheckCancelled checks that every method called with a cancelled context
// returns an error matching context.Canceled (an unsupported operation
// may return ErrUnsupported instead).
func CheckCancelled(r Reporter, c connectors.Connector, _ Seed) {
	r.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	caps := c.Capabilities()
	for _, cl := range calls() {
		err := cl.do(ctx, c)
		if cl.supported != nil && !cl.supported(caps) && errors.Is(err, connectors.ErrUnsupported) {
			continue
		}
		wantErr(r, cl.op+" with a cancelled context", err, context.Canceled)
	}
}

package jetpackcrm

import (
	"context"
	"fmt"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// benchWorld seeds 300 contacts with 5 invoices, 2 quotes, 2 transactions
// and 1 event each, and returns a connector that knows contact 150's email.
func benchWorld(b *testing.B) (*Connector, *jetpacktest.Server, string) {
	c, srv := fake(b, nil)
	for i := 1; i <= 300; i++ {
		id := srv.AddContact(jetpacktest.Contact{Fields: map[string]string{
			"status": "Customer", "email": fmt.Sprintf("c%d@example.test", i), "fname": "C", "lname": fmt.Sprint(i)}})
		for j := range 5 {
			srv.AddInvoice(jetpacktest.Invoice{ContactID: id, Status: "Paid", Currency: "USD", Date: 1790000000 + int64(j),
				Net: "10.00", Tax: "0.00", Total: "10.00", Lines: []jetpacktest.Line{{Title: "x", Quantity: "1", Price: "10.00", Total: "10.00"}}})
		}
		for j := range 2 {
			srv.AddQuote(jetpacktest.Quote{ContactID: id, Title: "q", Value: "5.00", Date: 1790000000 + int64(j), Template: 1})
			srv.AddTransaction(jetpacktest.Transaction{ContactID: id, Ref: "t", Status: "Succeeded", Total: "10.00", Date: 1790000000})
		}
		srv.AddEvent(jetpacktest.Event{ContactIDs: []int{id}, Title: "e", Start: 1790000000, ShowOnPortal: true})
	}
	if _, err := c.FindContactByEmail(context.Background(), "c150@example.test"); err != nil {
		b.Fatal(err)
	}
	return c, srv, "150"
}

// BenchmarkOperations measures each operation's upstream time against the
// fake CRM (no added latency) and reports CRM calls per operation.
func BenchmarkOperations(b *testing.B) {
	ctx := context.Background()
	ops := []struct {
		name string
		run  func(c *Connector, id string) error
	}{
		{"FindContactByEmail", func(c *Connector, _ string) error {
			_, err := c.FindContactByEmail(ctx, "c150@example.test")
			return err
		}},
		{"GetContact/remembered", func(c *Connector, id string) error { _, err := c.GetContact(ctx, id); return err }},
		{"GetContact/cold", func(c *Connector, id string) error {
			c.emails.forget(id)
			_, err := c.GetContact(ctx, id)
			return err
		}},
		{"ListInvoices", func(c *Connector, id string) error {
			_, err := c.ListInvoices(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{})
			return err
		}},
		{"ListQuotes", func(c *Connector, id string) error {
			_, err := c.ListQuotes(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{})
			return err
		}},
		{"ListTransactions", func(c *Connector, id string) error {
			_, err := c.ListTransactions(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{})
			return err
		}},
		{"ListTasks/300events", func(c *Connector, id string) error {
			_, err := c.ListTasks(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{})
			return err
		}},
		{"UpdateContact", func(c *Connector, id string) error {
			_, err := c.UpdateContact(ctx, id, connectors.ContactPatch{connectors.FieldWorkPhone: "123"})
			return err
		}},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			c, srv, id := benchWorld(b)
			srv.ResetCalls()
			b.ResetTimer()
			for b.Loop() {
				if err := op.run(c, id); err != nil {
					b.Fatal(err)
				}
			}
			total := 0
			for _, n := range srv.Calls() {
				total += n
			}
			b.ReportMetric(float64(total)/float64(b.N), "crm-calls/op")
		})
	}
}

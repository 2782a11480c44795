package jetpackcrm

import (
	"context"
	"testing"

	"clientgate/connectors"
)

// TestOneSearchPerRequest: within one request (connectors.WithRequestReads)
// the contact check and the invoices list share one customer_search call,
// and a write's read-back is a call of its own that sees the write.
func TestOneSearchPerRequest(t *testing.T) {
	c, srv, ids := world(t, nil)
	id := sid(ids["alice"])
	if _, err := c.GetContact(context.Background(), id); err != nil { // learns the email
		t.Fatal(err)
	}
	srv.ResetCalls()
	ctx := connectors.WithRequestReads(context.Background())
	if _, err := c.GetContact(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListInvoices(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListTransactions(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{}); err != nil {
		t.Fatal(err)
	}
	if n := srv.Calls()["customer_search"]; n != 1 {
		t.Fatalf("%d customer_search calls in one request, want 1", n)
	}
	got, err := c.UpdateContact(ctx, id, connectors.ContactPatch{connectors.FieldAddressCity: "Shelbyville"})
	if err != nil || got.Address.City != "Shelbyville" {
		t.Fatalf("update in the same request: %+v, %v", got, err)
	}
	after, err := c.GetContact(ctx, id)
	if err != nil || after.Address.City != "Shelbyville" {
		t.Errorf("a read after the write got %q, %v", after.Address.City, err)
	}
	if _, err := c.GetContact(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	srv.ResetCalls()
	c.GetContact(context.Background(), id)
	c.GetContact(context.Background(), id)
	if n := srv.Calls()["customer_search"]; n != 2 {
		t.Errorf("without RequestReads: %d calls for two reads, want 2", n)
	}
}

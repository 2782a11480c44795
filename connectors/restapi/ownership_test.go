package restapi_test

import (
	"context"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// TestOwnershipCheckDropsOtherContactsItems points the per-contact lists
// at endpoints that return everyone's items and checks that each contact
// still sees only their own, and that the dropped items are logged as
// mapping errors.
func TestOwnershipCheckDropsOtherContactsItems(t *testing.T) {
	var logs logBuffer
	seed := connectortest.StandardSeed()
	c, srv := openLegacy(t, seed, logs.logger())
	srv.IgnoreOwnerFilter = true
	ctx := context.Background()
	for _, sc := range seed.Contacts {
		ct, err := c.FindContactByEmail(ctx, sc.Contact.Email)
		if err != nil {
			t.Fatalf("FindContactByEmail: %v", err)
		}
		s := connectors.Scope{ContactID: ct.ID, WithCompany: true}
		invs, err := c.ListInvoices(ctx, s, connectors.PageRequest{Limit: connectors.MaxLimit})
		if err != nil {
			t.Fatalf("ListInvoices: %v", err)
		}
		want := map[string]bool{}
		for _, inv := range sc.Invoices {
			if inv.Status != connectors.InvoiceDraft {
				want[inv.Number] = true
			}
		}
		if len(invs.Items) != len(want) {
			t.Errorf("%s: %d invoices, want %d", sc.Contact.Email, len(invs.Items), len(want))
		}
		for _, inv := range invs.Items {
			if !want[inv.Number] {
				t.Errorf("LEAK: %s sees invoice %s", sc.Contact.Email, inv.Number)
			}
		}
		tasks, err := c.ListTasks(ctx, s, connectors.PageRequest{Limit: connectors.MaxLimit})
		if err != nil || len(tasks.Items) != len(sc.Tasks) {
			t.Errorf("%s: tasks %d, %v; want %d", sc.Contact.Email, len(tasks.Items), err, len(sc.Tasks))
		}
	}
	if n := strings.Count(logs.String(), "does not belong to the signed-in contact"); n == 0 {
		t.Errorf("no dropped item was logged:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "list_invoices") {
		t.Errorf("log does not name the operation:\n%s", logs.String())
	}
}

// TestOwnershipPagingStillComplete checks that paging with a small limit
// over an endpoint that returns everyone's items walks every own item
// exactly once.
func TestOwnershipPagingStillComplete(t *testing.T) {
	seed := connectortest.StandardSeed()
	c, srv := openLegacy(t, seed, nil)
	srv.IgnoreOwnerFilter = true
	ctx := context.Background()
	zoe, err := c.FindContactByEmail(ctx, seed.Contacts[0].Contact.Email)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	cursor := ""
	for range 50 {
		p, err := c.ListInvoices(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range p.Items {
			got = append(got, inv.Number)
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	want := "INV-1007 INV-1006 INV-1005 INV-1003 INV-1002 INV-1001"
	if strings.Join(got, " ") != want {
		t.Errorf("walked %v, want %s", got, want)
	}
}

package fake_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

var ctx = context.Background()

func seeded(t *testing.T) (*fake.Connector, connectors.Contact) {
	t.Helper()
	f := fake.New()
	ct := f.AddContact(connectors.Contact{Email: "a@example.com", FirstName: "A"})
	return f, ct
}

func TestSetErrorAndCalls(t *testing.T) {
	f, ct := seeded(t)
	boom := errors.New("boom")
	f.SetError("GetContact", connectors.ErrUnavailable)
	if _, err := f.GetContact(ctx, ct.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("GetContact with injected error: %v", err)
	}
	if err := f.Ping(ctx); err != nil {
		t.Fatalf("Ping must not see GetContact's error: %v", err)
	}
	f.SetError("", boom)
	if err := f.Ping(ctx); !errors.Is(err, boom) {
		t.Fatalf("Ping with error for every method: %v", err)
	}
	f.SetError("", nil)
	f.SetError("GetContact", nil)
	if _, err := f.GetContact(ctx, ct.ID); err != nil {
		t.Fatalf("GetContact after clearing: %v", err)
	}
	if got := f.Calls("GetContact"); got != 2 {
		t.Errorf("Calls(GetContact) = %d, want 2", got)
	}
	if got := f.Calls("Ping"); got != 2 {
		t.Errorf("Calls(Ping) = %d, want 2", got)
	}
	if got := f.Calls("ListInvoices"); got != 0 {
		t.Errorf("Calls(ListInvoices) = %d, want 0", got)
	}
}

func TestHookCanBlockUntilCancelled(t *testing.T) {
	f, ct := seeded(t)
	entered := make(chan string, 1)
	f.SetHook(func(ctx context.Context, op string) {
		entered <- op
		<-ctx.Done()
	})
	c, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := f.ListInvoices(c, connectors.Scope{ContactID: ct.ID}, connectors.PageRequest{})
		done <- err
	}()
	if op := <-entered; op != "ListInvoices" {
		t.Fatalf("hook saw %q", op)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("blocked call returned %v, want context.Canceled", err)
	}
	f.SetHook(nil)
}

func TestDraftsAreNotFound(t *testing.T) {
	f, ct := seeded(t)
	s := connectors.Scope{ContactID: ct.ID}
	inv := f.AddInvoice(ct.ID, connectors.Invoice{Number: "D-1", Status: connectors.InvoiceDraft})
	q := f.AddQuote(ct.ID, connectors.Quote{Number: "DQ-1", Status: connectors.QuoteDraft})
	if _, err := f.GetInvoice(ctx, s, inv.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("GetInvoice of a draft: %v", err)
	}
	if _, err := f.GetQuote(ctx, s, q.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("GetQuote of a draft: %v", err)
	}
	if _, _, err := f.DecideQuote(ctx, s, q.ID, connectors.Decision{Accept: true}); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("DecideQuote of a draft: %v", err)
	}
}

func TestIDsAreOpaque(t *testing.T) {
	f, ct := seeded(t)
	inv := f.AddInvoice(ct.ID, connectors.Invoice{Number: "1"})
	for _, id := range []string{ct.ID, inv.ID} {
		if _, err := strconv.Atoi(id); err == nil || len(id) < 16 {
			t.Errorf("ID %q looks like a small integer", id)
		}
	}
	kept := f.AddContact(connectors.Contact{ID: "given-id", Email: "b@example.com"})
	if kept.ID != "given-id" {
		t.Errorf("AddContact replaced a given ID: %q", kept.ID)
	}
}

func TestReturnedValuesAreCopies(t *testing.T) {
	f, ct := seeded(t)
	s := connectors.Scope{ContactID: ct.ID}
	line := connectors.LineItem{Title: "original", Quantity: "1"}
	inv := f.AddInvoice(ct.ID, connectors.Invoice{Number: "1", Status: connectors.InvoiceUnpaid, Lines: []connectors.LineItem{line}})
	inv.Lines[0].Title = "changed by caller"
	page, err := f.ListInvoices(ctx, s, connectors.PageRequest{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("ListInvoices: %v %v", page, err)
	}
	page.Items[0].Lines[0].Title = "changed again"
	got, err := f.GetInvoice(ctx, s, inv.ID)
	if err != nil || got.Lines[0].Title != "original" {
		t.Fatalf("stored line changed through a returned value: %+v %v", got.Lines, err)
	}
	patch := connectors.ContactPatch{connectors.FieldFirstName: "  Padded  "}
	if _, err := f.UpdateContact(ctx, ct.ID, patch); err != nil {
		t.Fatal(err)
	}
	if patch[connectors.FieldFirstName] != "  Padded  " {
		t.Errorf("UpdateContact changed the caller's patch: %q", patch[connectors.FieldFirstName])
	}
}

func TestUpdateContactValidationError(t *testing.T) {
	f, ct := seeded(t)
	_, err := f.UpdateContact(ctx, ct.ID, connectors.ContactPatch{"nope": "x", connectors.FieldLastName: "a\tb"})
	var verr *connectors.ValidationError
	if !errors.As(err, &verr) || len(verr.Fields) != 2 {
		t.Fatalf("UpdateContact with two bad fields: %v", err)
	}
}

func TestDecideExpiredQuoteConflicts(t *testing.T) {
	f, ct := seeded(t)
	q := f.AddQuote(ct.ID, connectors.Quote{Number: "Q", Status: connectors.QuoteSent,
		IssuedAt: time.Now().Add(-48 * time.Hour), ValidUntil: time.Now().Add(-time.Hour)})
	_, _, err := f.DecideQuote(ctx, connectors.Scope{ContactID: ct.ID}, q.ID, connectors.Decision{Accept: true})
	if !errors.Is(err, connectors.ErrConflict) {
		t.Fatalf("accepting an expired quote: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	f, ct := seeded(t)
	s := connectors.Scope{ContactID: ct.ID}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 20 {
				f.AddInvoice(ct.ID, connectors.Invoice{Number: strconv.Itoa(i*100 + j), Status: connectors.InvoiceUnpaid,
					IssuedAt: time.Unix(int64(i*100+j), 0)})
				if _, err := f.ListInvoices(ctx, s, connectors.PageRequest{Limit: 5}); err != nil {
					t.Error(err)
				}
				if _, err := f.UpdateContact(ctx, ct.ID, connectors.ContactPatch{connectors.FieldFirstName: strconv.Itoa(j)}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if got := f.Calls("ListInvoices"); got != 160 {
		t.Errorf("Calls(ListInvoices) = %d, want 160", got)
	}
}

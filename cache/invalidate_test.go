package cache

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
)

func TestUpdateContactDropsEntries(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	_, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	_, err = fx.c.FindContactByEmail(ctx, fx.alice.Email)
	mustNil(t, err)
	_, err = fx.c.UpdateContact(ctx, fx.alice.ID, connectors.ContactPatch{connectors.FieldFirstName: "Alicia"})
	mustNil(t, err)
	got, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	if got.FirstName != "Alicia" {
		t.Fatalf("after update got first name %q, want Alicia", got.FirstName)
	}
	byEmail, err := fx.c.FindContactByEmail(ctx, fx.alice.Email)
	mustNil(t, err)
	if byEmail.FirstName != "Alicia" {
		t.Fatalf("email lookup after update got %q, want Alicia", byEmail.FirstName)
	}
	wantCalls(t, fx.f, "GetContact", 2)
	wantCalls(t, fx.f, "FindContactByEmail", 2)
}

func TestRejectedWriteKeepsEntries(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	_, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	_, err = fx.c.UpdateContact(ctx, fx.alice.ID, connectors.ContactPatch{"no_such_field": "x"})
	if !errors.Is(err, connectors.ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid", err)
	}
	_, err = fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	wantCalls(t, fx.f, "GetContact", 1)
}

func TestDecideQuoteDropsEntries(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	q := fx.f.AddQuote(fx.alice.ID, connectors.Quote{Number: "Q-1", Status: connectors.QuoteSent, IssuedAt: time.Now()})
	s := connectors.Scope{ContactID: fx.alice.ID}
	before, err := fx.c.GetQuote(ctx, s, q.ID)
	mustNil(t, err)
	_, err = fx.c.ListQuotes(ctx, s, connectors.PageRequest{})
	mustNil(t, err)
	_, changed, err := fx.c.DecideQuote(ctx, s, q.ID, connectors.Decision{Accept: true})
	mustNil(t, err)
	if !changed || before.Status != connectors.QuoteSent {
		t.Fatalf("changed=%v before=%s", changed, before.Status)
	}
	after, err := fx.c.GetQuote(ctx, s, q.ID)
	mustNil(t, err)
	list, err := fx.c.ListQuotes(ctx, s, connectors.PageRequest{})
	mustNil(t, err)
	if after.Status != connectors.QuoteAccepted || list.Items[0].Status != connectors.QuoteAccepted {
		t.Fatalf("after decide: quote %s, list %s; want accepted", after.Status, list.Items[0].Status)
	}
}

func TestCompanyQuoteDropsCompanyScopedEntries(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	co := fx.f.AddCompany(connectors.Company{Name: "Acme"})
	a := fx.f.AddContact(connectors.Contact{Email: "a@acme.test", CompanyID: co.ID})
	b := fx.f.AddContact(connectors.Contact{Email: "b@acme.test", CompanyID: co.ID})
	q := fx.f.AddCompanyQuote(co.ID, connectors.Quote{Number: "Q-CO", Status: connectors.QuoteSent, IssuedAt: time.Now()})
	sb := connectors.Scope{ContactID: b.ID, WithCompany: true}
	got, err := fx.c.GetQuote(ctx, sb, q.ID)
	mustNil(t, err)
	if got.Status != connectors.QuoteSent {
		t.Fatalf("status %s", got.Status)
	}
	_, _, err = fx.c.DecideQuote(ctx, connectors.Scope{ContactID: a.ID, WithCompany: true}, q.ID, connectors.Decision{Accept: false})
	mustNil(t, err)
	got, err = fx.c.GetQuote(ctx, sb, q.ID)
	mustNil(t, err)
	if got.Status != connectors.QuoteDeclined {
		t.Fatalf("colleague sees %s after the decision, want declined", got.Status)
	}
}

func TestInvalidateMethods(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	load := func() {
		for _, id := range []string{fx.alice.ID, fx.bob.ID} {
			_, err := fx.c.GetContact(ctx, id)
			mustNil(t, err)
		}
		_, err := fx.c.FindContactByEmail(ctx, fx.bob.Email)
		mustNil(t, err)
	}
	load()
	wantCalls(t, fx.f, "GetContact", 2)

	fx.c.Invalidate(fx.alice.ID)
	load()
	wantCalls(t, fx.f, "GetContact", 3)
	wantCalls(t, fx.f, "FindContactByEmail", 1)

	fx.c.InvalidateEmail(" BOB@example.com")
	load()
	wantCalls(t, fx.f, "GetContact", 4) // bob's entries went with his email
	wantCalls(t, fx.f, "FindContactByEmail", 2)

	fx.c.InvalidateAll()
	if fx.c.Len() != 0 {
		t.Fatalf("after InvalidateAll %d entries remain", fx.c.Len())
	}
	load()
	wantCalls(t, fx.f, "GetContact", 6)
}

func TestContactIsolation(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	inv := fx.f.AddInvoice(fx.alice.ID, connectors.Invoice{Number: "INV-A", Status: connectors.InvoiceUnpaid, IssuedAt: time.Now()})
	_, err := fx.c.GetInvoice(ctx, connectors.Scope{ContactID: fx.alice.ID}, inv.ID)
	mustNil(t, err)
	if _, err := fx.c.GetInvoice(ctx, connectors.Scope{ContactID: fx.bob.ID}, inv.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("bob reading alice's cached invoice got %v, want ErrNotFound", err)
	}
	bobList, err := fx.c.ListInvoices(ctx, connectors.Scope{ContactID: fx.bob.ID}, connectors.PageRequest{})
	mustNil(t, err)
	if len(bobList.Items) != 0 {
		t.Fatalf("bob sees %d invoices, want none", len(bobList.Items))
	}
}

func TestKeysNeverCollide(t *testing.T) {
	keys := map[string]string{}
	cases := []struct {
		name string
		key  string
	}{
		{"a|b + c", scopedKey("invoice", connectors.Scope{ContactID: "a|b"}, "c")},
		{"a + b|c", scopedKey("invoice", connectors.Scope{ContactID: "a"}, "b|c")},
		{"a|1:b + c", scopedKey("invoice", connectors.Scope{ContactID: "a|1:b"}, "c")},
		{"a with company", scopedKey("invoice", connectors.Scope{ContactID: "a", WithCompany: true}, "b|c")},
		{"empty contact", scopedKey("invoice", connectors.Scope{}, "a|b|c")},
		{"page 20", pageKey("invoices", connectors.Scope{ContactID: "a"}, connectors.PageRequest{Limit: 20})},
		{"page 21", pageKey("invoices", connectors.Scope{ContactID: "a"}, connectors.PageRequest{Limit: 21})},
		{"page 20 cursor", pageKey("invoices", connectors.Scope{ContactID: "a"}, connectors.PageRequest{Limit: 20, Cursor: "x"})},
	}
	for _, c := range cases {
		if other, dup := keys[c.key]; dup {
			t.Fatalf("%s and %s share key %q", c.name, other, c.key)
		}
		keys[c.key] = c.name
	}
	if pageKey("i", connectors.Scope{ContactID: "a"}, connectors.PageRequest{}) != pageKey("i", connectors.Scope{ContactID: "a"}, connectors.PageRequest{Limit: connectors.DefaultLimit}) {
		t.Fatal("limit 0 and DefaultLimit should share an entry")
	}
}

func TestMaxEntriesBound(t *testing.T) {
	reg := prometheus.NewRegistry()
	fx := newFixture(t, Options{MaxEntries: 32, Registerer: reg})
	ctx := context.Background()
	var first string
	for i := range 200 {
		inv := fx.f.AddInvoice(fx.alice.ID, connectors.Invoice{Number: fmt.Sprint("INV-", i), Status: connectors.InvoiceUnpaid, IssuedAt: time.Now()})
		if i == 0 {
			first = inv.ID
		}
		_, err := fx.c.GetInvoice(ctx, connectors.Scope{ContactID: fx.alice.ID}, inv.ID)
		mustNil(t, err)
		if n := fx.c.Len(); n > 32 {
			t.Fatalf("after %d inserts the cache holds %d entries, bound is 32", i+1, n)
		}
	}
	evicted := testutil.ToFloat64(fx.c.metrics.evictions)
	if evicted < 200-32 {
		t.Fatalf("evictions = %v, want at least %d", evicted, 200-32)
	}
	// The oldest-expiring entry (the first one) was evicted: reading it
	// again goes upstream.
	before := fx.f.Calls("GetInvoice")
	_, err := fx.c.GetInvoice(ctx, connectors.Scope{ContactID: fx.alice.ID}, first)
	mustNil(t, err)
	if fx.f.Calls("GetInvoice") != before+1 {
		t.Fatal("the oldest entry was still cached")
	}
	// Invalidating the contact drops every entry and keeps the index empty.
	fx.c.Invalidate(fx.alice.ID)
	if fx.c.Len() != 0 || len(fx.c.store.byOwner) != 0 {
		t.Fatalf("after Invalidate: %d entries, %d indexed owners", fx.c.Len(), len(fx.c.store.byOwner))
	}
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	fx := newFixture(t, Options{Registerer: reg})
	ctx := context.Background()
	for range 3 {
		_, err := fx.c.GetContact(ctx, fx.alice.ID)
		mustNil(t, err)
	}
	fx.f.SetError("", connectors.ErrUnavailable)
	fx.clock.advance(2 * time.Minute)
	_, err := fx.c.GetContact(ctx, fx.alice.ID)
	mustNil(t, err)
	want := map[string]float64{
		"clientgate_cache_hits_total": 2, "clientgate_cache_misses_total": 1,
		"clientgate_cache_stale_total": 1, "clientgate_cache_entries": 1,
		"clientgate_cache_coalesced_total": 0, "clientgate_cache_evictions_total": 0,
	}
	families, err := reg.Gather()
	mustNil(t, err)
	seen := 0
	for _, mf := range families {
		w, ok := want[mf.GetName()]
		if !ok {
			continue
		}
		seen++
		m := mf.GetMetric()[0]
		got := m.GetCounter().GetValue() + m.GetGauge().GetValue()
		if got != w {
			t.Errorf("%s = %v, want %v", mf.GetName(), got, w)
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of %d metrics", seen, len(want))
	}
	// A second cache on the same registry shares the collectors.
	Wrap(fx.f, Options{Registerer: reg})
}

func TestReturnedValuesAreCopies(t *testing.T) {
	fx := newFixture(t, Options{})
	ctx := context.Background()
	s := connectors.Scope{ContactID: fx.alice.ID}
	fx.f.AddInvoice(fx.alice.ID, connectors.Invoice{Number: "INV-1", Status: connectors.InvoiceUnpaid,
		IssuedAt: time.Now(), Lines: []connectors.LineItem{{Title: "one"}}})
	p, err := fx.c.ListInvoices(ctx, s, connectors.PageRequest{})
	mustNil(t, err)
	p.Items[0].Lines[0].Title = "changed"
	p.Items[0].Number = "changed"
	again, err := fx.c.ListInvoices(ctx, s, connectors.PageRequest{})
	mustNil(t, err)
	if again.Items[0].Number != "INV-1" || again.Items[0].Lines[0].Title != "one" {
		t.Fatalf("a caller's change reached the cache: %+v", again.Items[0])
	}
}

package cache

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

func BenchmarkHitGetContact(b *testing.B) {
	f := fake.New()
	ct := f.AddContact(connectors.Contact{Email: "a@example.com", FirstName: "A"})
	c := Wrap(f, Options{})
	ctx := context.Background()
	if _, err := c.GetContact(ctx, ct.ID); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetContact(ctx, ct.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHitListInvoicesParallel(b *testing.B) {
	f := fake.New()
	ct := f.AddContact(connectors.Contact{Email: "a@example.com"})
	addInvoices(f, ct.ID, 10)
	c := Wrap(f, Options{})
	s := connectors.Scope{ContactID: ct.ID}
	if _, err := c.ListInvoices(context.Background(), s, connectors.PageRequest{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if _, err := c.ListInvoices(ctx, s, connectors.PageRequest{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkMemoryPerContact caches, for each of b.N contacts, the contact
// and its first page of ten invoices (two lines each), and reports the
// heap the cache holds per contact.
func BenchmarkMemoryPerContact(b *testing.B) {
	f := fake.New()
	ids := make([]string, b.N)
	for i := range ids {
		ct := f.AddContact(connectors.Contact{Email: fmt.Sprintf("c%d@example.com", i), FirstName: "Client", LastName: fmt.Sprint(i)})
		addInvoices(f, ct.ID, 10)
		ids[i] = ct.ID
	}
	c := Wrap(f, Options{MaxEntries: 2*b.N + 1})
	ctx := context.Background()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for _, id := range ids {
		if _, err := c.GetContact(ctx, id); err != nil {
			b.Fatal(err)
		}
		if _, err := c.ListInvoices(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(b.N), "B/contact")
	runtime.KeepAlive(c)
}

func addInvoices(f *fake.Connector, contactID string, n int) {
	for i := range n {
		f.AddInvoice(contactID, connectors.Invoice{
			Number: fmt.Sprintf("INV-%04d", i), Status: connectors.InvoiceUnpaid,
			IssuedAt: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC),
			Total:    connectors.Money{Minor: 12345, Currency: "EUR"},
			Lines: []connectors.LineItem{
				{Title: "Consulting", Quantity: "3", UnitPrice: connectors.Money{Minor: 4000, Currency: "EUR"}},
				{Title: "Travel", Quantity: "1", UnitPrice: connectors.Money{Minor: 345, Currency: "EUR"}},
			},
		})
	}
}

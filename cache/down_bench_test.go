package cache

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

// slowDownBackend fails every call with ErrUnavailable after delay, like
// a CRM that times out.
func slowDownBackend(delay time.Duration) *fake.Connector {
	f := fake.New()
	f.SetHook(func(ctx context.Context, _ string) {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
		}
	})
	return f
}

// BenchmarkCRMDownBreakerOpen measures an uncached read while the CRM is
// down and the breaker has opened: it must fail fast, without waiting for
// the CRM (which here takes 200ms to fail).
func BenchmarkCRMDownBreakerOpen(b *testing.B) {
	f := slowDownBackend(200 * time.Millisecond)
	ct := f.AddContact(connectors.Contact{Email: "a@example.com"})
	f.SetError("", fmt.Errorf("crm down: %w", connectors.ErrUnavailable))
	br := Breaker(f, BreakerOptions{Failures: 3, OpenFor: time.Hour})
	c := Wrap(br, Options{})
	ctx := context.Background()
	for range 3 {
		c.GetContact(ctx, ct.ID) // trip the breaker
	}
	if br.State() != BreakerOpen {
		b.Fatalf("breaker state %v after 3 failures", br.State())
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.ListInvoices(ctx, connectors.Scope{ContactID: ct.ID}, connectors.PageRequest{}); !errors.Is(err, connectors.ErrUnavailable) {
			b.Fatalf("err = %v", err)
		}
	}
}

// BenchmarkCRMDownStaleServe measures a read served stale: the entry has
// expired, the CRM is down and the breaker is open.
func BenchmarkCRMDownStaleServe(b *testing.B) {
	f := slowDownBackend(0)
	ct := f.AddContact(connectors.Contact{Email: "a@example.com"})
	addInvoices(f, ct.ID, 10)
	br := Breaker(f, BreakerOptions{Failures: 1, OpenFor: time.Hour})
	c := Wrap(br, Options{ListTTL: time.Millisecond, StaleFor: time.Hour})
	s := connectors.Scope{ContactID: ct.ID}
	ctx := context.Background()
	if _, err := c.ListInvoices(ctx, s, connectors.PageRequest{}); err != nil {
		b.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	f.SetError("", fmt.Errorf("crm down: %w", connectors.ErrUnavailable))
	b.ReportAllocs()
	for b.Loop() {
		rctx, report := connectors.WithReadReport(ctx)
		page, err := c.ListInvoices(rctx, s, connectors.PageRequest{})
		if _, stale := report.StaleAge(); err != nil || len(page.Items) != 10 || !stale {
			b.Fatalf("stale read: %d items, stale %v, err %v", len(page.Items), stale, err)
		}
	}
}

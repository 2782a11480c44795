package metered_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/fake"
	"clientgate/connectors/metered"
)

func TestOutcome(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, "ok"},
		{fmt.Errorf("x: %w", connectors.ErrNotFound), "not_found"},
		{&connectors.ValidationError{Fields: map[string]string{"a": "b"}}, "invalid"},
		{fmt.Errorf("x: %w", connectors.ErrUnavailable), "unavailable"},
		{fmt.Errorf("x: %w", connectors.ErrBackendAuth), "backend_auth"},
		{context.Canceled, "canceled"},
		{errors.New("boom"), "error"},
	}
	for _, tt := range tests {
		if got := metered.Outcome(tt.err); got != tt.want {
			t.Errorf("Outcome(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestWrapCountsCalls(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := metered.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	f := fake.New()
	alice := f.AddContact(connectors.Contact{Email: "alice@example.test", PortalAccess: true})
	c := metered.Wrap(f, m)
	ctx, report := connectors.WithReadReport(context.Background())

	if _, err := c.GetContact(ctx, alice.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetContact(ctx, "nobody"); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("GetContact(nobody) = %v", err)
	}
	f.SetError("ListInvoices", connectors.ErrUnavailable)
	if _, err := c.ListInvoices(ctx, connectors.Scope{ContactID: alice.ID}, connectors.PageRequest{}); !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("ListInvoices = %v", err)
	}
	m.RetryHook(c.Name())("GET")

	if got := report.UpstreamCalls(); got != 3 {
		t.Errorf("report upstream calls = %d, want 3", got)
	}
	// Every series exists from Wrap on; these are the ones the calls moved.
	wantNonZero(t, reg, "clientgate_connector_calls_total", []string{
		`{connector="fake",operation="get_contact",outcome="not_found"} 1`,
		`{connector="fake",operation="get_contact",outcome="ok"} 1`,
		`{connector="fake",operation="list_invoices",outcome="unavailable"} 1`,
	})
	wantNonZero(t, reg, "clientgate_connector_retries_total", []string{`{connector="fake"} 1`})
	if n := testutil.CollectAndCount(reg, "clientgate_connector_call_duration_seconds"); n != 2 {
		t.Errorf("duration series = %d, want 2", n)
	}
}

func TestNewMetricsTwiceFails(t *testing.T) {
	reg := prometheus.NewRegistry()
	if _, err := metered.NewMetrics(reg); err != nil {
		t.Fatal(err)
	}
	if _, err := metered.NewMetrics(reg); err == nil {
		t.Fatal("second registration succeeded")
	}
}

func TestConformanceThroughMetered(t *testing.T) {
	all := connectors.Capabilities{Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true,
		Tasks: true, UpdateContact: true, CreateContact: true, CompanyItems: true}
	inner := connectortest.FakeHarness(all)
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		m, err := metered.NewMetrics(prometheus.NewRegistry())
		if err != nil {
			t.Fatal(err)
		}
		return metered.Wrap(inner.Open(t, seed), m)
	}))
}

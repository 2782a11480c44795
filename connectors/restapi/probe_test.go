package restapi_test

import (
	"context"
	"strings"
	"testing"

	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi"
)

func TestProbe(t *testing.T) {
	seed := connectortest.StandardSeed()
	c, _ := openModern(t, seed, nil)
	var out strings.Builder
	if err := restapi.Probe(context.Background(), c, "alice@northwind.example", &out); err != nil {
		t.Fatalf("Probe: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{"ping: ok", "find_contact_by_email: ok", "get_contact: ok", "get_company: ok",
		"Northwind Traders Ltd", "list_invoices: ok", "INV-1401", "get_invoice: ok", "list_quotes: ok",
		"get_quote: ok", "list_transactions: ok", "list_tasks: ok", "get_task: ok", "capabilities:"} {
		if !strings.Contains(text, want) {
			t.Errorf("Probe output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "FAILED") {
		t.Errorf("Probe reported a failure:\n%s", text)
	}
}

func TestProbeReportsFailures(t *testing.T) {
	c, _ := openLegacy(t, connectortest.StandardSeed(), nil)
	var out strings.Builder
	err := restapi.Probe(context.Background(), c, "nobody@example.com", &out)
	if err == nil || !strings.Contains(out.String(), "find_contact_by_email: FAILED") {
		t.Errorf("Probe of an unknown email: %v\n%s", err, out.String())
	}
}

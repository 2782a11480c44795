package restapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi"
)

// TestDolibarrRecordPayment records an online payment in the Dolibarr
// test server through the shipped mapping: one POST
// /invoices/paymentsdistributed of the exact amount with the reference as
// payment number and external reference; a retry finds it among the
// invoice's payments and sends nothing; the invoice is then paid.
func TestDolibarrRecordPayment(t *testing.T) {
	seed := connectortest.StandardSeed()
	v := vendors["Dolibarr"]
	root, secret := v.start(t, seed)
	c := openVendor(t, v.mapping, root+v.apiPath, map[string]string{v.secretEnv: secret}, normalHTTP)
	if caps := c.Capabilities(); !caps.RecordPayments || !caps.SettlesInvoices {
		t.Fatalf("capabilities = %+v", caps)
	}
	zoe := seededContact(t, c, "zoe.angstrom@example.com")
	scope := connectors.Scope{ContactID: zoe.ID, WithCompany: true}
	inv := openInvoiceOf(t, c, scope)
	pay := connectors.Payment{Reference: "cg-0123456789abcdef", InvoiceID: inv.ID, Kind: connectors.TransactionPayment,
		Amount: inv.AmountDue, Date: time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC), Title: "Online payment of invoice " + inv.Number}
	for i, want := range []bool{true, false} {
		tx, recorded, err := c.RecordPayment(context.Background(), scope, pay)
		if err != nil || recorded != want || tx.Reference != pay.Reference || tx.Amount != pay.Amount || tx.ID == "" {
			t.Fatalf("call %d: %+v, recorded %v, %v", i, tx, recorded, err)
		}
	}
	// The server refuses a payment without paymentid and accountid, and
	// closes the invoice only with closepaidinvoices: its payments say
	// what was sent.
	rows := dolibarrPayments(t, root+v.apiPath, secret, inv.ID)
	if len(rows) != 1 {
		t.Fatalf("%d payments recorded, want 1: %v", len(rows), rows)
	}
	if r := rows[0]; r["num"] != pay.Reference || r["ref_ext"] != pay.Reference || r["amount"] != inv.AmountDue.Decimal()+"000000" ||
		r["date"] != "2026-03-04 10:00:00" {
		t.Errorf("recorded payment = %v", r)
	}
	after, err := c.GetInvoice(context.Background(), scope, inv.ID)
	if err != nil || after.Status != connectors.InvoicePaid || after.AmountDue.Minor != 0 {
		t.Errorf("invoice after the payment: %+v, %v", after, err)
	}
	refund := pay
	refund.Kind, refund.Reference = connectors.TransactionRefund, "cg-0123456789abcdef-rf100"
	if _, _, err := c.RecordPayment(context.Background(), scope, refund); !errors.Is(err, connectors.ErrUnsupported) {
		t.Errorf("a refund through a mapping that records none: %v, want ErrUnsupported", err)
	}
}

// openInvoiceOf returns one of the scope's invoices with something due.
func openInvoiceOf(t *testing.T, c *restapi.Connector, scope connectors.Scope) connectors.Invoice {
	t.Helper()
	p, err := c.ListInvoices(context.Background(), scope, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range p.Items {
		if inv.Status.Open() && inv.AmountDue.Minor > 0 {
			return inv
		}
	}
	t.Fatal("no open invoice")
	return connectors.Invoice{}
}

// dolibarrPayments reads an invoice's payments from the Dolibarr test
// server.
func dolibarrPayments(t *testing.T, api, key, invoiceID string) []map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, api+"/invoices/"+invoiceID+"/payments", nil)
	req.Header.Set("DOLAPIKEY", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rows []map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestRecordPaymentMappingProblems lists what a record_payment mapping
// must have.
func TestRecordPaymentMappingProblems(t *testing.T) {
	m := docsMapping(t, "dolibarr.yaml")
	op := m.Operations.RecordPayment
	op.Method, op.Records, op.Recorded = "GET", []string{"gift"}, nil
	m.Operations.GetInvoice = nil
	err := m.Validate()
	for _, want := range []string{
		"operations.record_payment.method: must be a write",
		"operations.record_payment: needs get_invoice",
		`operations.record_payment.records: "gift" is not payment or refund`,
		"operations.record_payment.recorded: is required",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("problems lack %q:\n%v", want, err)
		}
	}
	m = docsMapping(t, "dolibarr.yaml")
	m.Operations.RecordPayment.Recorded.Fields = map[string]*restapi.Field{"reference": {Path: "num"}}
	m.Operations.RecordPayment.Body = map[string]any{"x": "{no_such_var}"}
	err = m.Validate()
	for _, want := range []string{
		"operations.record_payment.recorded.fields: must map amount",
		"operations.record_payment.body: unknown variable {no_such_var}",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("problems lack %q:\n%v", want, err)
		}
	}
}

// TestRecordPaymentUnmapped: without record_payment a REST CRM cannot
// record payments (the portal keeps them in its ledger and tells staff).
func TestRecordPaymentUnmapped(t *testing.T) {
	m := docsMapping(t, "pipedrive.yaml")
	c, err := restapi.New(m, restapi.Options{Getenv: envOf(map[string]string{"PIPEDRIVE_API_TOKEN": "x"})})
	if err != nil {
		t.Fatal(err)
	}
	if c.Capabilities().RecordPayments {
		t.Fatal("Pipedrive's mapping records payments")
	}
	_, _, err = c.RecordPayment(context.Background(), connectors.Scope{ContactID: "1"}, connectors.Payment{})
	if !errors.Is(err, connectors.ErrUnsupported) {
		t.Errorf("RecordPayment = %v, want ErrUnsupported", err)
	}
}

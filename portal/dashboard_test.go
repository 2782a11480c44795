package portal

import (
	"net/http"
	"testing"
	"time"

	"clientgate/auth"
	"clientgate/connectors"
)

// The real sign-in service must fit the portal.
var _ Authenticator = (*auth.Service)(nil)

func TestDashboardSumsPerCurrencyAndOrdersTasks(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.AddInvoice("ann", connectors.Invoice{ID: "eur1", Number: "INV-E1", Status: connectors.InvoicePartiallyPaid,
		IssuedAt: time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC), AmountDue: connectors.Money{Minor: 2500, Currency: "EUR"}})
	e.crm.AddInvoice("ann", connectors.Invoice{ID: "usd2", Number: "INV-U2", Status: connectors.InvoiceUnpaid,
		IssuedAt: time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC), AmountDue: connectors.Money{Minor: 400, Currency: "USD"}})
	e.crm.AddInvoice("ann", connectors.Invoice{ID: "void", Number: "INV-V", Status: connectors.InvoiceVoid,
		AmountDue: connectors.Money{Minor: 999999, Currency: "USD"}})
	e.crm.AddTask("ann", connectors.Task{ID: "past", Title: "Past", Start: time.Now().Add(-48 * time.Hour)})
	e.crm.AddTask("ann", connectors.Task{ID: "done", Title: "Done", Start: e.future, Complete: true})
	e.crm.AddTask("ann", connectors.Task{ID: "soon", Title: "Soon", Start: e.future.Add(-time.Hour)})
	w := e.do(req{path: "/api/v1/dashboard", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	var d dashboardJSON
	decode(t, w.Body.String(), &d)
	if d.UnpaidCount != 3 || d.OverdueCount != 1 || len(d.AmountDue) != 2 {
		t.Fatalf("dashboard %+v", d)
	}
	if d.AmountDue[0].Display != "€25.00" || d.AmountDue[1].Minor != 151000 {
		t.Errorf("amount due %+v", d.AmountDue)
	}
	if len(d.NextTasks) != 2 || d.NextTasks[0].ID != "soon" || d.NextTasks[1].ID != "task1" {
		t.Errorf("next tasks %+v", d.NextTasks)
	}
	if !d.Modules[modInvoices] || len(d.OpenQuotes) != 1 || d.OpenQuotesCount != 1 {
		t.Errorf("dashboard %+v", d)
	}
}

func TestDashboardWithoutModules(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Modules = map[string]bool{modInvoices: false, modQuotes: false, modTasks: false}
	})
	w := e.do(req{path: "/clients/", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantNoBody(t, w, "Unpaid invoices", "Coming up", "INV-0001")
	if e.crm.Calls("ListInvoices")+e.crm.Calls("ListQuotes")+e.crm.Calls("ListTasks") != 0 {
		t.Error("switched-off modules were read")
	}
}

func TestDashboardUnavailable(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetError("ListQuotes", connectors.ErrUnavailable)
	w := e.do(req{path: "/clients/", as: "ann"})
	wantStatus(t, w, http.StatusServiceUnavailable)
	wantBody(t, w, "Temporarily unavailable")
}

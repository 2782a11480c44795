package portal

import (
	"context"
	"net/http"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// moduleRoutes are routes that belong to each module.
var moduleRoutes = map[string][]string{
	modInvoices:     {"/clients/invoices", "/clients/invoices/inv1", "/clients/invoices/inv1/print", "/api/v1/invoices", "/api/v1/invoices/inv1"},
	modQuotes:       {"/clients/quotes", "/clients/quotes/q1", "/clients/quotes/q1/accept", "/api/v1/quotes", "/api/v1/quotes/q1"},
	modTransactions: {"/clients/transactions", "/api/v1/transactions"},
	modTasks:        {"/clients/tasks", "/clients/tasks/task1/ics", "/api/v1/tasks", "/api/v1/tasks.ics"},
	modDetails:      {"/clients/details", "/clients/details/edit", "/api/v1/me"},
}

// checkModuleOff asserts module m is hidden from navigation and 404s.
func checkModuleOff(t *testing.T, e *env, m string) {
	t.Helper()
	w := e.do(req{path: "/clients/", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantNoBody(t, w, `href="/clients/`+m+`"`)
	for _, path := range moduleRoutes[m] {
		if got := e.do(req{path: path, as: "ann"}).Code; got != http.StatusNotFound {
			t.Errorf("%s with %s off: status %d, want 404", path, m, got)
		}
	}
}

func TestModuleUnsupportedByConnector(t *testing.T) {
	caps := map[string]func(*connectors.Capabilities){
		modInvoices:     func(c *connectors.Capabilities) { c.Invoices = false },
		modQuotes:       func(c *connectors.Capabilities) { c.Quotes = false },
		modTransactions: func(c *connectors.Capabilities) { c.Transactions = false },
		modTasks:        func(c *connectors.Capabilities) { c.Tasks = false },
	}
	for m, off := range caps {
		t.Run(m, func(t *testing.T) {
			e := newEnv(t, nil)
			c := e.crm.Capabilities()
			off(&c)
			e.crm.SetCapabilities(c)
			checkModuleOff(t, e, m)
			// The other modules stay on.
			wantStatus(t, e.do(req{path: "/api/v1/dashboard", as: "ann"}), http.StatusOK)
		})
	}
}

func TestModuleSwitchedOffGlobally(t *testing.T) {
	for _, m := range allModules {
		t.Run(m, func(t *testing.T) {
			e := newEnv(t, func(o *Options) { o.Modules = map[string]bool{m: false} })
			checkModuleOff(t, e, m)
		})
	}
}

func TestModuleSwitchedPerContact(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Modules = map[string]bool{modTasks: false} })
	ctx := context.Background()
	err := e.store.SaveContactSettings(ctx, bridge.ContactSettings{ContactID: "ann",
		Modules: map[string]bool{modInvoices: false, modTasks: true}})
	if err != nil {
		t.Fatal(err)
	}
	checkModuleOff(t, e, modInvoices)
	wantStatus(t, e.do(req{path: "/clients/tasks", as: "ann"}), http.StatusOK)
	wantBody(t, e.do(req{path: "/clients/", as: "ann"}), `href="/clients/tasks"`)
	// Bob keeps the global switches.
	wantStatus(t, e.do(req{path: "/clients/invoices", as: "bob"}), http.StatusOK)
	wantStatus(t, e.do(req{path: "/clients/tasks", as: "bob"}), http.StatusNotFound)
}

func TestPortalDisabledForContact(t *testing.T) {
	e := newEnv(t, nil)
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", PortalDisabled: true}); err != nil {
		t.Fatal(err)
	}
	w := e.do(req{path: "/clients/", as: "ann"})
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "No portal access")
	wantNoBody(t, w, "INV-0001")
	wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), http.StatusForbidden)
	wantStatus(t, e.do(req{path: "/clients/", as: "bob"}), http.StatusOK)
}

func TestContactWithoutPortalAccess(t *testing.T) {
	e := newEnv(t, nil)
	c := e.ann
	c.PortalAccess = false
	e.crm.AddContact(c)
	wantStatus(t, e.do(req{path: "/clients/invoices", as: "ann"}), http.StatusForbidden)
}

func TestPortalClosedGlobally(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Enabled = false })
	for _, path := range []string{"/clients/", "/clients/invoices/inv1", "/api/v1/invoices"} {
		w := e.do(req{path: path, as: "ann"})
		wantStatus(t, w, http.StatusServiceUnavailable)
		wantBody(t, w, "closed")
	}
	wantStatus(t, e.do(req{path: "/healthz"}), http.StatusOK)
	wantStatus(t, e.do(req{path: "/elsewhere"}), http.StatusNotFound)
	if e.crm.Calls("ListInvoices")+e.crm.Calls("GetInvoice") != 0 {
		t.Error("a closed portal read the CRM")
	}
}

func TestCompanyItems(t *testing.T) {
	setup := func(t *testing.T, edit func(*Options)) *env {
		e := newEnv(t, edit)
		co := e.crm.AddCompany(connectors.Company{ID: "co1", Name: "Lee Ltd"})
		c := e.ann
		c.CompanyID = co.ID
		e.crm.AddContact(c)
		e.crm.AddCompanyInvoice(co.ID, connectors.Invoice{ID: "cinv", Number: "INV-CO-1", Status: connectors.InvoiceUnpaid,
			Total: connectors.Money{Minor: 100, Currency: "EUR"}})
		return e
	}
	t.Run("off by default", func(t *testing.T) {
		e := setup(t, nil)
		wantNoBody(t, e.do(req{path: "/clients/invoices", as: "ann"}), "INV-CO-1")
		wantStatus(t, e.do(req{path: "/clients/invoices/cinv", as: "ann"}), http.StatusNotFound)
	})
	t.Run("per contact", func(t *testing.T) {
		e := setup(t, nil)
		if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", SeeCompanyItems: true}); err != nil {
			t.Fatal(err)
		}
		wantBody(t, e.do(req{path: "/clients/invoices", as: "ann"}), "INV-CO-1")
		wantStatus(t, e.do(req{path: "/api/v1/invoices/cinv", as: "ann"}), http.StatusOK)
	})
	t.Run("global default", func(t *testing.T) {
		e := setup(t, func(o *Options) { o.CompanyItemsDefault = true })
		wantBody(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), "INV-CO-1")
		wantStatus(t, e.do(req{path: "/api/v1/invoices/cinv", as: "bob"}), http.StatusNotFound)
	})
	t.Run("switched off for one contact against the default", func(t *testing.T) {
		e := setup(t, func(o *Options) { o.CompanyItemsDefault = true })
		if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", HideCompanyItems: true}); err != nil {
			t.Fatal(err)
		}
		wantNoBody(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), "INV-CO-1")
		wantStatus(t, e.do(req{path: "/clients/invoices/cinv", as: "ann"}), http.StatusNotFound)
	})
}

func TestSignedInContactGoneFromCRM(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/", as: "ghost"})
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "No portal access")
}

func TestRefusedContactCanSignOut(t *testing.T) {
	e := newEnv(t, nil)
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", PortalDisabled: true}); err != nil {
		t.Fatal(err)
	}
	w := e.do(req{path: "/clients/", as: "ann"})
	wantBody(t, w, `action="/auth/logout"`, `value="csrf-ann"`)
	wantNoBody(t, w, `aria-label="Main"`)
}

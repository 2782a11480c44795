package portal

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestPreferencesForm(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/details", as: "ann"})
	wantBody(t, w, `<select id="f-language" name="language">`, `<option value="Pacific/Auckland">Pacific/Auckland</option>`,
		`<option value="America/Los_Angeles">America/Los Angeles</option>`, `<option value="de" lang="de">Deutsch</option>`)
	w = e.post("/clients/preferences", "ann", url.Values{"language": {"es"}, "timezone": {"Pacific/Auckland"}, "back": {"/clients/details"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/clients/details?done=preferences" {
		t.Errorf("Location = %q", loc)
	}
	p, _ := e.store.Preferences(context.Background(), "ann")
	if p.Language != "es" || p.TimeZone != "Pacific/Auckland" {
		t.Errorf("saved %+v", p)
	}
	w = e.do(req{path: "/clients/details?done=preferences", as: "ann"})
	wantBody(t, w, `<html lang="es"`, "Se han guardado sus preferencias.", `<option value="Pacific/Auckland" selected>`)
	// The language switcher names only the language; back must stay inside the portal.
	w = e.post("/clients/preferences", "ann", url.Values{"language": {"nl"}, "back": {"https://evil.example/"}})
	if loc := w.Header().Get("Location"); loc != "/clients/?done=preferences" {
		t.Errorf("Location = %q", loc)
	}
	p, _ = e.store.Preferences(context.Background(), "ann")
	if p.Language != "nl" || p.TimeZone != "Pacific/Auckland" {
		t.Errorf("after switching: %+v", p)
	}
	w = e.post("/clients/preferences", "ann", url.Values{"language": {"tlh"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Kies een van de aangeboden talen.")
	w = e.do(req{method: http.MethodPost, path: "/clients/preferences", as: "ann", form: url.Values{"language": {"de"}}})
	wantStatus(t, w, http.StatusForbidden) // no CSRF token
}

func TestPatchMePreferences(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: "csrf-ann",
		json: `{"preferences":{"language":"de","timezone":"America/Los_Angeles"},"address.city":"Bonn"}`})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `"preferences":{"language":"de","timezone":"America/Los_Angeles","emails":"on"}`, `"language":"de"`, `"address.city":"Bonn"`)
	for _, tt := range []struct{ body, want string }{
		{`{"preferences":{"language":"xx"}}`, `"preferences.language":"is not an offered language"`},
		{`{"preferences":{"timezone":"Nowhere/Else","font":"big"}}`, `"preferences.font"`},
		{`{"preferences":"de"}`, `"type":"urn:clientgate:problem:invalid-request"`},
		{`{"preferences":null}`, `"type":"urn:clientgate:problem:invalid-request"`},
		{`{"preferences":{"language":"fr"},"email":"x@y"}`, `"email":"is not a field that can be changed"`},
	} {
		w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: "csrf-ann", json: tt.body})
		if w.Code != http.StatusUnprocessableEntity && w.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d", tt.body, w.Code)
		}
		wantBody(t, w, tt.want)
	}
	p, _ := e.store.Preferences(context.Background(), "ann")
	if p.Language != "de" || p.TimeZone != "America/Los_Angeles" {
		t.Errorf("a rejected PATCH changed the preferences: %+v", p)
	}
	w = e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: "csrf-ann", json: `{"preferences":{"language":""}}`})
	wantBody(t, w, `"preferences":{"language":"","timezone":"America/Los_Angeles","emails":"on"}`, `"language":"en"`)
}

func TestFormKeptAcrossSignIn(t *testing.T) {
	e := newEnv(t, nil)
	// The session has ended: the POST goes to sign-in, the form is kept.
	w := e.do(req{method: http.MethodPost, path: "/clients/details",
		form:   url.Values{"csrf_token": {"stale"}, "address.city": {"Wellington"}, "phone_mobile": {"+64 21 555 0100"}},
		header: map[string]string{"Referer": "http://example.com/clients/details/edit"}})
	wantStatus(t, w, http.StatusFound)
	if loc := w.Header().Get("Location"); loc != "/auth/login?next="+url.QueryEscape("/clients/details/edit") {
		t.Errorf("Location = %q", loc)
	}
	cookie := w.Header().Get("Set-Cookie")
	if !containsAll(cookie, "clientgate_form=", "Path=/clients/", "HttpOnly", "SameSite=Lax") {
		t.Fatalf("Set-Cookie = %q", cookie)
	}
	id := cookie[len("clientgate_form="):]
	id = id[:len(id)-len(id[indexOf(id, ';'):])]
	// Signed in again, the form shows what was typed, once.
	w = e.do(req{path: "/clients/details/edit", as: "ann", header: map[string]string{"Cookie": "clientgate_form=" + id}})
	wantBody(t, w, `value="Wellington"`, `value="&#43;64 21 555 0100"`, "Your session had ended, so we kept what you typed.")
	wantNoBody(t, w, "stale")
	w = e.do(req{path: "/clients/details/edit", as: "ann", header: map[string]string{"Cookie": "clientgate_form=" + id}})
	wantNoBody(t, w, "Wellington")
	// Another browser's draft ID does not fill this page after it expired.
	_, err := e.store.TakeFormDraft(context.Background(), id, time.Now().Add(-time.Hour))
	if err == nil {
		t.Error("the draft was not deleted when taken")
	}
}

func indexOf(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return len(s)
}

func TestListsNewestFirstAndPaymentsLinked(t *testing.T) {
	e := newEnv(t, nil)
	usd := func(m int64) connectors.Money { return connectors.Money{Minor: m, Currency: "USD"} }
	day := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []string{"INV-9", "INV-10", "INV-8"} {
		e.crm.AddInvoice("ann", connectors.Invoice{ID: n, Number: n, Status: connectors.InvoicePaid, IssuedAt: day, Total: usd(100)})
	}
	e.crm.AddTransaction("ann", connectors.Transaction{ID: "t2", Reference: "PAY-2", Kind: connectors.TransactionPayment,
		Status: connectors.TransactionSucceeded, Amount: usd(100), Date: day.Add(time.Hour), InvoiceID: "INV-10"})
	w := e.do(req{path: "/clients/invoices", as: "ann"})
	body := w.Body.String()
	if i10, i9, i8, i1 := indexOfStr(body, ">INV-10<"), indexOfStr(body, ">INV-9<"), indexOfStr(body, ">INV-8<"), indexOfStr(body, ">INV-0001<"); !(i10 < i9 && i9 < i8 && i8 < i1) {
		t.Errorf("invoices not newest first, ties by number: %d %d %d %d", i10, i9, i8, i1)
	}
	wantBody(t, w, ">Paid</td>") // amount due 0: "Paid", not "$0.00"
	w = e.do(req{path: "/clients/transactions", as: "ann"})
	wantBody(t, w, `<a href="/clients/invoices/INV-10">View invoice`)
	if indexOfStr(w.Body.String(), "PAY-2") > indexOfStr(w.Body.String(), "PAY-1") {
		t.Error("payments not newest first")
	}
	w = e.do(req{path: "/clients/invoices/INV-10", as: "ann"})
	wantBody(t, w, "Payments for this invoice", "PAY-2", "$1.00")
	wantNoBody(t, w, "PAY-1")
}

func indexOfStr(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestEditFormInputs(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.EditableFields = []connectors.Field{connectors.FieldFirstName, connectors.FieldMobilePhone,
			connectors.FieldAddressPostCode, connectors.FieldAddressCountry}
	})
	ann := e.ann
	ann.Address.Country = "DE"
	e.crm.AddContact(ann)
	w := e.do(req{path: "/clients/details/edit", as: "ann", header: map[string]string{"Accept-Language": "fr"}})
	wantBody(t, w,
		`<input id="f-first-name" name="first_name" value="Ann" type="text" autocomplete="given-name" maxlength="200" required>`,
		`<input id="f-phone-mobile" name="phone_mobile" value="555-0100" type="tel" inputmode="tel" autocomplete="mobile tel"`,
		`autocomplete="section-main postal-code"`, `<select id="f-address-country" name="address.country" autocomplete="section-main country">`,
		`<option value="DE" selected>Allemagne</option>`, `<option value="NZ">Nouvelle-Zélande</option>`,
		"Prénom <span class=\"req\">(obligatoire)</span>", "<legend>Adresse</legend>")
	wantNoBody(t, w, `name="last_name"`, `name="phone_home"`)
	// Fields the connector cannot write are not offered.
	e2 := newEnv(t, nil)
	e2.crm.SetCapabilities(connectors.Capabilities{Invoices: true, UpdateContact: true,
		WritableFields: []connectors.Field{connectors.FieldMobilePhone}})
	e3, _ := New(Options{Connector: e2.crm, Bridge: e2.store, Auth: testAuth{}, Enabled: true,
		EditableFields: []connectors.Field{connectors.FieldFirstName, connectors.FieldMobilePhone}})
	e2.h = e3
	w = e2.do(req{path: "/clients/details/edit", as: "ann"})
	wantBody(t, w, `name="phone_mobile"`)
	wantNoBody(t, w, `name="first_name"`)
	w = e.post("/clients/details", "ann", url.Values{"first_name": {"  "}, "phone_mobile": {"call me"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Please correct 2 fields:", "Please fill this in.", "This does not look like a phone number.")
}

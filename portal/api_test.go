package portal

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// decode parses a JSON answer into v.
func decode(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
}

func TestAPIReadsForOwner(t *testing.T) {
	e := newEnv(t, nil)
	tests := []struct {
		path string
		want []string
	}{
		{"/api/v1/dashboard", []string{`"unpaid_count":1`, `"overdue_count":1`, `"open_quotes_count":1`, `"display":"$1,506.00"`, `"task1"`}},
		{"/api/v1/me", []string{`"email":"ann@example.com"`, `"first_name":"Ann"`, `"editable":["first_name","last_name","phone_mobile","address.city"]`}},
		{"/api/v1/invoices", []string{`"items":[`, `"inv1"`, `"inv2"`, `"next_cursor":""`}},
		{"/api/v1/invoices/inv1", []string{`"amount_due":{"minor":150600,"currency":"USD","display":"$1,506.00"}`, `"Design work"`, `"pay_url":"https://pay.example.com/inv1"`}},
		{"/api/v1/quotes", []string{`"q1"`, `"q2"`}},
		{"/api/v1/quotes/q1", []string{`"status":"sent"`, `"total":{"minor":990000`}},
		{"/api/v1/transactions", []string{`"t1"`, `"kind":"payment"`}},
		{"/api/v1/tasks", []string{`"task1"`, `"location":"Office"`}},
		{"/api/v1/openapi.json", []string{`"openapi": "3.0.3"`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			w := e.do(req{path: tt.path, as: "ann"})
			wantStatus(t, w, http.StatusOK)
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			wantBody(t, w, tt.want...)
			wantNoBody(t, w, "555-HIDDEN", "phone_home")
		})
	}
	w := e.do(req{path: "/api/v1/tasks.ics", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "BEGIN:VCALENDAR\r\n", "SUMMARY:Kick-off\\, meeting\\; room 2\r\n")
}

func TestAPIForAnotherContact(t *testing.T) {
	e := newEnv(t, nil)
	for _, path := range []string{"/api/v1/invoices/inv1", "/api/v1/quotes/q1", "/api/v1/invoices/zzz"} {
		w := e.do(req{path: path, as: "bob"})
		wantStatus(t, w, http.StatusNotFound)
		if ct := w.Header().Get("Content-Type"); ct != "application/problem+json; charset=utf-8" {
			t.Errorf("%s: content type %q", path, ct)
		}
		var p problem
		decode(t, w.Body.String(), &p)
		if p.Status != 404 || p.Title == "" || p.Type != "urn:clientgate:problem:not-found" || p.RequestID == "" {
			t.Errorf("%s: problem %+v", path, p)
		}
	}
	for _, path := range []string{"/api/v1/quotes/q1/accept", "/api/v1/quotes/q1/decline"} {
		w := e.do(req{method: http.MethodPost, path: path, as: "bob", bearer: true})
		wantStatus(t, w, http.StatusNotFound)
	}
	for _, path := range []string{"/api/v1/invoices", "/api/v1/quotes", "/api/v1/transactions", "/api/v1/tasks"} {
		w := e.do(req{path: path, as: "bob"})
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, `"items":[]`)
	}
	w := e.do(req{path: "/api/v1/tasks.ics", as: "bob"})
	wantNoBody(t, w, "BEGIN:VEVENT")
	if e.crm.Calls("DecideQuote") != 2 {
		t.Errorf("DecideQuote calls = %d", e.crm.Calls("DecideQuote"))
	}
	if n := len(e.audit("bob")) + len(e.audit("ann")); n != 0 {
		t.Errorf("%d audit entries written for refused decisions", n)
	}
}

func TestAPIUnauthenticated(t *testing.T) {
	e := newEnv(t, nil)
	wantStatus(t, e.do(req{path: "/api/v1/invoices"}), http.StatusUnauthorized)
	wantStatus(t, e.do(req{path: "/api/v1/openapi.json"}), http.StatusOK)
}

func TestAPIPaging(t *testing.T) {
	e := newEnv(t, nil)
	var page struct {
		Items      []invoiceJSON `json:"items"`
		NextCursor string        `json:"next_cursor"`
	}
	w := e.do(req{path: "/api/v1/invoices?limit=1", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	decode(t, w.Body.String(), &page)
	if len(page.Items) != 1 || page.Items[0].ID != "inv1" || page.NextCursor == "" {
		t.Fatalf("first page %+v", page)
	}
	w = e.do(req{path: "/api/v1/invoices?limit=1&cursor=" + page.NextCursor, as: "ann"})
	wantStatus(t, w, http.StatusOK)
	decode(t, w.Body.String(), &page)
	if len(page.Items) != 1 || page.Items[0].ID != "inv2" || page.NextCursor != "" {
		t.Fatalf("second page %+v", page)
	}
	w = e.do(req{path: "/api/v1/invoices?limit=5000", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	for _, bad := range []string{"limit=x", "limit=0", "cursor=nonsense"} {
		w := e.do(req{path: "/api/v1/invoices?" + bad, as: "ann"})
		wantStatus(t, w, http.StatusBadRequest)
		var p problem
		decode(t, w.Body.String(), &p)
		if p.Status != 400 {
			t.Errorf("%s: problem %+v", bad, p)
		}
	}
}

func TestAPIUnknownRouteAndMethod(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/api/v1/nothing", as: "ann"})
	wantStatus(t, w, http.StatusNotFound)
	wantBody(t, w, `"status":404`)
	w = e.do(req{method: http.MethodDelete, path: "/api/v1/invoices", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusMethodNotAllowed)
}

func TestAPIMoneyInContactLocale(t *testing.T) {
	e := newEnv(t, nil)
	c := e.ann
	c.Locale = "de-DE"
	e.crm.AddContact(c)
	w := e.do(req{path: "/api/v1/invoices/inv1", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "\"amount_due\":{\"minor\":150600,\"currency\":\"USD\",\"display\":\"1.506,00\u00a0$\"}")
	wantBody(t, e.do(req{path: "/clients/invoices", as: "ann"}), "05.01.2026")
}

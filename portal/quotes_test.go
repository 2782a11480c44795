package portal

import (
	"net/http"
	"testing"
)

func TestAcceptQuoteFormRecordsOnce(t *testing.T) {
	e := newEnv(t, nil)
	for i := range 2 {
		w := e.post("/clients/quotes/q1/accept", "ann", nil)
		wantStatus(t, w, http.StatusSeeOther)
		if loc := w.Header().Get("Location"); loc != "/clients/quotes/q1?done=accepted" {
			t.Errorf("try %d: Location = %q", i, loc)
		}
	}
	entries := e.audit("ann")
	if len(entries) != 1 {
		t.Fatalf("audit entries = %+v", entries)
	}
	if a := entries[0]; a.Action != "quote.accept" || a.Target != "q1" || a.Actor != "https://idp.test|sub-ann" ||
		a.IP == "" || a.At.IsZero() {
		t.Errorf("audit entry %+v", a)
	}
	w := e.do(req{path: "/clients/quotes/q1?done=accepted", as: "ann"})
	wantBody(t, w, "you accepted this quote", "Accepted")
	wantNoBody(t, w, "/clients/quotes/q1/accept")
	// The confirmation page of a decided quote goes back to the quote.
	wantStatus(t, e.do(req{path: "/clients/quotes/q1/decline", as: "ann"}), http.StatusSeeOther)
}

func TestDeclineAfterAcceptConflicts(t *testing.T) {
	e := newEnv(t, nil)
	wantStatus(t, e.post("/clients/quotes/q1/accept", "ann", nil), http.StatusSeeOther)
	w := e.post("/clients/quotes/q1/decline", "ann", nil)
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "current state does not allow")
	w = e.do(req{method: http.MethodPost, path: "/api/v1/quotes/q1/decline", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusConflict)
	if len(e.audit("ann")) != 1 {
		t.Error("a refused decision was recorded")
	}
}

func TestAcceptQuoteAPIIdempotent(t *testing.T) {
	e := newEnv(t, nil)
	for i := range 2 {
		w := e.do(req{method: http.MethodPost, path: "/api/v1/quotes/q1/accept", as: "ann", csrf: csrfFor("ann"),
			header: map[string]string{"X-Forwarded-For": "203.0.113.9"}})
		wantStatus(t, w, http.StatusOK)
		var q quoteJSON
		decode(t, w.Body.String(), &q)
		if q.ID != "q1" || q.Status != "accepted" || q.DecidedAt == nil {
			t.Errorf("try %d: quote %+v", i, q)
		}
	}
	entries := e.audit("ann")
	if len(entries) != 1 || entries[0].Action != "quote.accept" {
		t.Fatalf("audit = %+v", entries)
	}
	if entries[0].IP == "203.0.113.9" {
		t.Error("X-Forwarded-For from an untrusted peer was believed")
	}
}

func TestDeclineQuoteAPI(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{method: http.MethodPost, path: "/api/v1/quotes/q1/decline", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `"status":"declined"`)
	if entries := e.audit("ann"); len(entries) != 1 || entries[0].Action != "quote.decline" {
		t.Fatalf("audit = %+v", entries)
	}
}

func TestDecideWithoutCapability(t *testing.T) {
	e := newEnv(t, nil)
	caps := e.crm.Capabilities()
	caps.DecideQuotes = false
	e.crm.SetCapabilities(caps)
	wantNoBody(t, e.do(req{path: "/clients/quotes/q1", as: "ann"}), "/clients/quotes/q1/accept")
	wantStatus(t, e.do(req{path: "/clients/quotes/q1/accept", as: "ann"}), http.StatusNotFound)
	wantStatus(t, e.post("/clients/quotes/q1/accept", "ann", nil), http.StatusNotFound)
	wantStatus(t, e.do(req{method: http.MethodPost, path: "/api/v1/quotes/q1/accept", as: "ann", bearer: true}), http.StatusNotFound)
	if e.crm.Calls("DecideQuote") != 0 {
		t.Error("DecideQuote called without the capability")
	}
}

package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// TestTicketLifecycleOnPages: a client opens a ticket through the form,
// sees it in the list, replies, closes and reopens it.
func TestTicketLifecycleOnPages(t *testing.T) {
	e := newConvEnv(t, nil)
	loc := location(t, e.postAs("/clients/tickets", "ann", false, url.Values{
		"subject": {"Wrong address"}, "category": {"Billing"}, "body": {"Line one\r\nLine two"}}))
	m := ticketIDIn.FindStringSubmatch(loc)
	if m == nil || !strings.HasSuffix(loc, "?done=created") {
		t.Fatalf("after opening: %s", loc)
	}
	id := m[1]
	page := e.do(req{path: "/clients/tickets/" + id + "?done=created", as: "ann"})
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, "Wrong address", "Line one\nLine two", "Billing", "Thank you. Your ticket is open", `<span class="badge badge-open">Open</span>`)
	wantBody(t, e.do(req{path: "/clients/tickets", as: "ann"}), "Wrong address", "Open")

	loc = location(t, e.postAs("/clients/tickets/"+id+"/replies", "ann", false, url.Values{"body": {"One more thing"}}))
	if !strings.Contains(loc, "?done=replied#post-") {
		t.Errorf("after replying: %s", loc)
	}
	wantBody(t, e.do(req{path: "/clients/tickets/" + id, as: "ann"}), "One more thing")
	location(t, e.postAs("/clients/tickets/"+id+"/close", "ann", false, nil))
	closed := e.do(req{path: "/clients/tickets/" + id, as: "ann"})
	wantBody(t, closed, "This ticket is closed", "Reopen ticket")
	wantNoBody(t, closed, `name="body"`)
	wantStatus(t, e.postAs("/clients/tickets/"+id+"/replies", "ann", false, url.Values{"body": {"late"}}), http.StatusConflict)
	location(t, e.postAs("/clients/tickets/"+id+"/reopen", "ann", false, nil))
	th, err := e.conv.GetTicket(context.Background(), connectors.Scope{ContactID: "ann"}, id)
	if err != nil || th.Status != connectors.TicketWaitingOnStaff || th.Posts != 2 {
		t.Errorf("after reopening: %+v, %v", th, err)
	}
}

// TestTicketAPI: create, list, read with the thread, reply, close and
// reopen through the JSON API.
func TestTicketAPI(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.do(req{method: http.MethodPost, path: "/api/v1/tickets", as: "ann", csrf: "csrf-ann",
		json: `{"subject":"API question","category":"Technical question","body":"Hello <b>team</b>"}`})
	wantStatus(t, w, http.StatusCreated)
	var created struct {
		ticketJSON
		Thread listJSON[postJSON] `json:"thread"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &created); err != nil || created.ID == "" || created.Status != "open" ||
		len(created.Thread.Items) != 1 || created.Thread.Items[0].Body != "Hello <b>team</b>" || created.Thread.Items[0].AuthorName != "Ann Lee" {
		t.Fatalf("created %+v, %v", created, err)
	}
	wantBody(t, e.do(req{path: "/api/v1/tickets", as: "ann"}), `"subject":"API question"`, `"next_cursor":""`)
	e.staffReply(created.ID, "Answer from staff")
	wantBody(t, e.do(req{path: "/api/v1/dashboard", as: "ann"}), `"open_tickets":1`, `"unread_replies":1`)
	got := e.do(req{path: "/api/v1/tickets/" + created.ID, as: "ann"})
	wantStatus(t, got, http.StatusOK)
	wantBody(t, got, `"status":"waiting_on_client"`, `"author":"staff"`, `"body":"Answer from staff"`, `"unread":1`)
	wantBody(t, e.do(req{path: "/api/v1/dashboard", as: "ann"}), `"unread_replies":0`)
	w = e.do(req{method: http.MethodPost, path: "/api/v1/tickets/" + created.ID + "/replies", as: "ann", csrf: "csrf-ann", json: `{"body":"Thanks"}`})
	wantStatus(t, w, http.StatusCreated)
	wantBody(t, w, `"author":"client"`, `"body":"Thanks"`)
	for _, step := range []struct{ path, want string }{{"/close", `"status":"closed"`}, {"/close", `"status":"closed"`}, {"/reopen", `"status":"waiting_on_staff"`}} {
		w := e.do(req{method: http.MethodPost, path: "/api/v1/tickets/" + created.ID + step.path, as: "ann", csrf: "csrf-ann"})
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, step.want)
	}
	page := e.do(req{path: "/clients/tickets/" + created.ID, as: "ann"})
	wantBody(t, page, "Hello &lt;b&gt;team&lt;/b&gt;")
	wantNoBody(t, page, "<b>team</b>")
}

// TestTicketValidation: bad input gets a clear field error, on the form
// and in the API, and nothing is stored.
func TestTicketValidation(t *testing.T) {
	e := newConvEnv(t, nil)
	long := strings.Repeat("x", connectors.MaxBodyLength+1)
	for _, tt := range []struct {
		name string
		form url.Values
		want []string
	}{
		{"empty", url.Values{"subject": {" "}, "category": {"Billing"}, "body": {""}}, []string{"Please fill this in.", "Subject"}},
		{"too long", url.Values{"subject": {"s"}, "category": {"Billing"}, "body": {long}}, []string{"at most 10,000 characters"}},
		{"control characters", url.Values{"subject": {"a\x1bb"}, "category": {"Billing"}, "body": {"ok"}}, []string{"invisible control characters"}},
		{"invalid UTF-8", url.Values{"subject": {"ok"}, "category": {"Billing"}, "body": {"a\xffb"}}, []string{"characters we cannot read"}},
		{"bidi override", url.Values{"subject": {"\u202eok"}, "category": {"Billing"}, "body": {"ok"}}, []string{"change the direction"}},
		{"unknown category", url.Values{"subject": {"ok"}, "category": {"Gossip"}, "body": {"ok"}}, []string{"Please choose a topic from the list."}},
		{"no category", url.Values{"subject": {"ok"}, "body": {"ok"}}, []string{"Topic"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := e.postAs("/clients/tickets", "ann", false, tt.form)
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantBody(t, w, tt.want...)
			wantBody(t, w, `aria-invalid="true"`)
		})
	}
	for _, tt := range []struct {
		name, body, want string
		status           int
	}{
		{"invalid UTF-8", "{\"subject\":\"a\xffb\",\"body\":\"x\",\"category\":\"Billing\"}", `"subject":"is not valid text"`, 422},
		{"unknown field", `{"subject":"a","body":"x","category":"Billing","priority":"high"}`, `"priority":"is not a known field"`, 422},
		{"empty body", `{"subject":"a","body":"","category":"Billing"}`, `"body":"is required"`, 422},
		{"NUL", `{"subject":"a","body":"x\u0000y","category":"Billing"}`, `"body":"contains control characters"`, 422},
		{"not strings", `{"subject":1,"body":"x"}`, "invalid-request", 400},
		{"array", `["x"]`, "invalid-request", 400},
		{"oversized", `{"subject":"a","body":"` + strings.Repeat("y", 70<<10) + `"}`, "too-large", 413},
	} {
		t.Run("api "+tt.name, func(t *testing.T) {
			w := e.do(req{method: http.MethodPost, path: "/api/v1/tickets", as: "ann", csrf: "csrf-ann", json: tt.body})
			wantStatus(t, w, tt.status)
			wantBody(t, w, tt.want)
		})
	}
	w := e.do(req{method: http.MethodPost, path: "/api/v1/tickets", as: "ann", csrf: "csrf-ann", contentType: "text/plain", json: `{}`})
	wantStatus(t, w, http.StatusUnsupportedMediaType)
	if page, _ := e.conv.ListTickets(context.Background(), connectors.Scope{ContactID: "ann"}, connectors.PageRequest{}); len(page.Items) != 0 {
		t.Errorf("refused input stored %d tickets", len(page.Items))
	}
}

// TestTicketsOfAnotherContact: another contact's ticket is "not found" on
// every page and API route, and nothing changes.
func TestTicketsOfAnotherContact(t *testing.T) {
	e := newConvEnv(t, nil)
	th := e.openTicket("ann", "Private matter")
	id := th.ID
	for _, path := range []string{"/clients/tickets/" + id, "/api/v1/tickets/" + id, "/clients/tickets/nope", "/api/v1/tickets/%00"} {
		w := e.do(req{path: path, as: "bob"})
		wantStatus(t, w, http.StatusNotFound)
		wantNoBody(t, w, "Private matter")
	}
	for _, path := range []string{"/replies", "/close", "/reopen"} {
		wantStatus(t, e.postAs("/clients/tickets/"+id+path, "bob", false, url.Values{"body": {"hijack"}}), http.StatusNotFound)
		w := e.do(req{method: http.MethodPost, path: "/api/v1/tickets/" + id + path, as: "bob", csrf: "csrf-bob", json: `{"body":"hijack"}`})
		if path == "/replies" {
			wantStatus(t, w, http.StatusNotFound)
		} else {
			wantStatus(t, e.do(req{method: http.MethodPost, path: "/api/v1/tickets/" + id + path, as: "bob", csrf: "csrf-bob"}), http.StatusNotFound)
		}
	}
	wantNoBody(t, e.do(req{path: "/clients/tickets", as: "bob"}), "Private matter")
	wantNoBody(t, e.do(req{path: "/api/v1/tickets", as: "bob"}), id)
	after, _ := e.conv.GetTicket(context.Background(), connectors.Scope{ContactID: "ann"}, id)
	if after.Posts != 1 || after.Status != connectors.TicketOpen {
		t.Errorf("bob changed ann's ticket: %+v", after)
	}
}

// TestTicketWritesNeedCSRF: every ticket and message write of a cookie
// session needs its CSRF token.
func TestTicketWritesNeedCSRF(t *testing.T) {
	e := newConvEnv(t, nil)
	th := e.openTicket("ann", "Mine")
	for _, path := range []string{"/clients/tickets", "/clients/tickets/" + th.ID + "/replies", "/clients/tickets/" + th.ID + "/close",
		"/clients/invoices/inv1/messages", "/clients/quotes/q1/messages", "/clients/tasks/task1/messages"} {
		w := e.do(req{method: http.MethodPost, path: path, as: "ann", form: url.Values{"subject": {"s"}, "body": {"b"}, "csrf_token": {"wrong"}}})
		wantStatus(t, w, http.StatusForbidden)
	}
	for _, path := range []string{"/api/v1/tickets", "/api/v1/tickets/" + th.ID + "/replies", "/api/v1/invoices/inv1/messages"} {
		wantStatus(t, e.do(req{method: http.MethodPost, path: path, as: "ann", json: `{"subject":"s","body":"b"}`}), http.StatusForbidden)
	}
	if got, _ := e.conv.GetTicket(context.Background(), connectors.Scope{ContactID: "ann"}, th.ID); got.Posts != 1 {
		t.Errorf("a forged request posted: %+v", got)
	}
}

// TestTicketModulesVisibility: the modules are off per contact, globally,
// or without Conversations; their routes answer 404 and the menu hides
// them.
func TestTicketModulesVisibility(t *testing.T) {
	e := newConvEnv(t, nil)
	wantBody(t, e.do(req{path: "/clients/", as: "ann"}), `href="/clients/tickets"`, "open tickets")
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann",
		Modules: map[string]bool{modTickets: false, modMessages: false}}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/clients/tickets", "/api/v1/tickets", "/api/v1/invoices/inv1/messages"} {
		wantStatus(t, e.do(req{path: path, as: "ann"}), http.StatusNotFound)
	}
	wantNoBody(t, e.do(req{path: "/clients/", as: "ann"}), `href="/clients/tickets"`)
	wantNoBody(t, e.do(req{path: "/clients/invoices/inv1", as: "ann"}), `id="messages"`)
	wantStatus(t, e.do(req{path: "/clients/tickets", as: "bob"}), http.StatusOK)

	plain := newEnv(t, nil)
	wantStatus(t, plain.do(req{path: "/clients/tickets", as: "ann"}), http.StatusNotFound)
	wantStatus(t, plain.do(req{path: "/staff/", as: "ann", staff: true}), http.StatusNotFound)
	wantNoBody(t, plain.do(req{path: "/clients/invoices/inv1", as: "ann"}), `id="messages"`)
	wantBody(t, plain.do(req{path: "/api/v1/dashboard", as: "ann"}), `"open_tickets":0`)
}

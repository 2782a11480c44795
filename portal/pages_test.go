package portal

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestEveryPageRenders renders each HTML page for its owner.
func TestEveryPageRenders(t *testing.T) {
	e := newConvEnv(t, withPayments(&stubFlow{}))
	ticket := e.openTicket("ann", "Printer jam")
	e.staffReply(ticket.ID, "Please switch it off and on.")
	token, err := e.store.UnsubscribeToken(context.Background(), "ann")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page, path string
		want       []string
	}{
		{"dashboard", "/clients/", []string{"Welcome back", "INV-0001", "$1,506.00", "Q-0001", "Kick-off, meeting; room 2"}},
		{"details", "/clients/details", []string{"ann@example.com", "Ann", "555-0100", "Edit my details"}},
		{"details_edit", "/clients/details/edit", []string{`name="first_name"`, `for="f-first-name"`, `name="csrf_token" value="csrf-ann"`}},
		{"invoices", "/clients/invoices", []string{"INV-0001", "INV-0002", "Overdue", "Paid", "$1,506.00"}},
		{"invoice", "/clients/invoices/inv1", []string{"Design work", "$1,400.00", "$106.00", "https://pay.example.com/inv1", "Print view"}},
		{"document_print", "/clients/invoices/inv1/print", []string{"Invoice <span class=\"doc-number\">INV-0001", "Design work",
			"Bill to", "Ann Lee", "<dt>Amount due</dt><dd>$1,506.00</dd>", `href="/clients/invoices/inv1.pdf"`}},
		{"document_print", "/clients/quotes/q1/print", []string{"Quote <span class=\"doc-number\">Q-0001", "Website", "Prepared for", "$9,900.00"}},
		{"payment_return", "/clients/invoices/inv1/payment/done", []string{"Thank you for paying invoice INV-0001", "$1,506.00"}},
		{"payment_return", "/clients/invoices/inv1/payment/canceled", []string{"Payment of invoice INV-0001 not completed"}},
		{"quotes", "/clients/quotes", []string{"Q-0001", "Q-0002", "Accepted"}},
		{"quote", "/clients/quotes/q1", []string{"Website", "$9,900.00", "/clients/quotes/q1/accept", "/clients/quotes/q1/decline"}},
		{"quote_confirm", "/clients/quotes/q1/accept", []string{"Accept quote Q-0001?", `action="/clients/quotes/q1/accept"`, "csrf-ann"}},
		{"quote_confirm", "/clients/quotes/q1/decline", []string{"Decline quote Q-0001?", `action="/clients/quotes/q1/decline"`}},
		{"transactions", "/clients/transactions", []string{"Card payment", "PAY-1", "$50.00", "Succeeded"}},
		{"tasks", "/clients/tasks", []string{"Kick-off", "/clients/tasks/task1/ics", "https://portal.example.com/clients/calendar/", ".ics",
			"webcal://portal.example.com/clients/calendar/", `href="/clients/tasks/calendar/revoke"`}},
		{"calendar_revoke", "/clients/tasks/calendar/revoke", []string{"Make a new calendar address?",
			`action="/clients/tasks/calendar/revoke"`, "csrf-ann"}},
		{"files", "/clients/files", []string{"Contract 2026.pdf", `href="/clients/files/` + e.annFile.ID + `"`, "PDF", "2 kB", "New",
			`enctype="multipart/form-data"`, `name="csrf_token" value="csrf-ann"`, `name="file"`, "Up to 25 MB"}},
		{"tickets", "/clients/tickets", []string{"Support", "Printer jam", "Waiting for you", "1 new reply"}},
		{"ticket_new", "/clients/tickets/new", []string{"Ask a question", `name="subject"`, "Technical question", `name="body"`}},
		{"ticket", "/clients/tickets/" + ticket.ID, []string{"Printer jam", "Body of Printer jam", "Please switch it off and on.",
			"Sam Staff", `action="/clients/tickets/` + ticket.ID + `/replies"`, "Close ticket"}},
		{"task", "/clients/tasks/task1", []string{"Kick-off, meeting; room 2", "Bring notes", "Office", "Messages",
			`action="/clients/tasks/task1/messages"`}},
		{"staff_inbox", "/staff/", []string{"Staff inbox", "Printer jam", "ann@example.com", "Waiting for the client"}},
		{"staff_thread", "/staff/threads/" + ticket.ID, []string{"Printer jam", "Ann Lee", "Please switch it off and on.",
			"Replied", "Sam Staff", `action="/staff/threads/` + ticket.ID + `/assign"`}},
		{"staff_invite", "/staff/invite", []string{"Invite a client", `name="email"`}},
		{"forms", "/clients/forms", []string{"Requests", "Request a quote or job", `href="/clients/forms/quote"`, "Onboarding questionnaire"}},
		{"form", "/clients/forms/quote", []string{"Request a quote or job", "Tell us what you need.", `name="summary"`,
			`type="date"`, `inputmode="decimal"`, "<option value=\"Design\">Design</option>", `name="photos" type="file" multiple`,
			`enctype="multipart/form-data"`, "Sizes, quantities, anything we should know.", "(required)"}},
		{"staff_files", "/staff/files", []string{"Share files with a client", `name="email"`}},
		{"staff_share", "/staff/contacts/ann/files", []string{"Files of Ann Lee", "Contract 2026.pdf", `href="/staff/files/` + e.annFile.ID + `"`,
			`enctype="multipart/form-data"`, `name="share"`, `action="/staff/contacts/ann/files"`}},
		{"unsubscribe", "/clients/unsubscribe/" + token, []string{"Stop emails from the portal?", `action="/clients/unsubscribe/` + token + `"`}},
	}
	rendered := map[string]bool{"error": true} // see TestItemPagesOfAnotherContact
	for _, tt := range tests {
		rendered[tt.page] = true
		t.Run(tt.path, func(t *testing.T) {
			w := e.do(req{path: tt.path, as: "ann", staff: strings.HasPrefix(tt.path, staffPath)})
			wantStatus(t, w, http.StatusOK)
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
			wantBody(t, w, tt.want...)
			wantBody(t, w, "Acme Portal", "theme.css", "static/style.css")
			wantNoBody(t, w, "555-HIDDEN", "<script>")
		})
	}
	for _, name := range pageNames {
		if !rendered[name] {
			t.Errorf("page %q is not rendered by this test", name)
		}
	}
}

// TestItemPagesOfAnotherContact answers 404 for another contact's items.
func TestItemPagesOfAnotherContact(t *testing.T) {
	e := newEnv(t, nil)
	for _, path := range []string{
		"/clients/invoices/inv1", "/clients/invoices/inv1/print", "/clients/quotes/q1",
		"/clients/quotes/q1/accept", "/clients/quotes/q1/decline", "/clients/tasks/task1/ics",
		"/clients/invoices/nope", "/clients/quotes/%00bad", "/clients/invoices/" + strings.Repeat("x", 200),
	} {
		w := e.do(req{path: path, as: "bob"})
		wantStatus(t, w, http.StatusNotFound)
		wantBody(t, w, "We could not find that page or item.")
		wantNoBody(t, w, "INV-0001", "Q-0001", "Kick-off")
	}
	// Lists of another contact show none of ann's items.
	for _, path := range []string{"/clients/", "/clients/invoices", "/clients/quotes", "/clients/transactions", "/clients/tasks"} {
		w := e.do(req{path: path, as: "bob"})
		wantStatus(t, w, http.StatusOK)
		wantNoBody(t, w, "INV-0001", "Q-0001", "Card payment", "Kick-off")
	}
}

func TestSignedOutPagesRedirect(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/invoices"})
	wantStatus(t, w, http.StatusFound)
	if loc := w.Header().Get("Location"); loc != "/auth/login?next=%2Fclients%2Finvoices" {
		t.Errorf("Location = %q", loc)
	}
	wantStatus(t, e.do(req{path: "/"}), http.StatusFound)
	wantStatus(t, e.do(req{path: "/auth/login"}), http.StatusOK)
}

func TestContactNamedScriptRendersAsText(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.AddContact(e.ann)
	evil := e.ann
	evil.FirstName = `<script>alert(1)</script>`
	evil.LastName = `"><img src=x onerror=alert(2)>`
	e.crm.AddContact(evil)
	for _, path := range []string{"/clients/", "/clients/details", "/clients/details/edit"} {
		w := e.do(req{path: path, as: "ann"})
		wantStatus(t, w, http.StatusOK)
		wantNoBody(t, w, "<script>alert(1)", "<img src=x")
		wantBody(t, w, "&lt;script&gt;alert(1)&lt;/script&gt;")
	}
}

func TestPrintPageHasNoNavigation(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/invoices/inv1/print", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantNoBody(t, w, `aria-label="Main"`)
}

func TestPayLinkOnlyForHTTPURLs(t *testing.T) {
	e := newEnv(t, nil)
	bad := e.inv
	bad.ID, bad.Number, bad.PayURL = "inv3", "INV-0003", "javascript:alert(1)"
	e.crm.AddInvoice("ann", bad)
	w := e.do(req{path: "/clients/invoices/inv3", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantNoBody(t, w, "javascript:", ">Pay ")
	paid := e.do(req{path: "/clients/invoices/inv2", as: "ann"})
	wantNoBody(t, paid, ">Pay ")
}

func TestListPaging(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/invoices?limit=1", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Next page", "INV-0001")
	wantNoBody(t, w, "INV-0002")
	for _, bad := range []string{"?limit=abc", "?limit=0", "?limit=-3", "?cursor=" + strings.Repeat("c", 600), "?cursor=garbage"} {
		w := e.do(req{path: "/clients/invoices" + bad, as: "ann"})
		wantStatus(t, w, http.StatusBadRequest)
	}
}

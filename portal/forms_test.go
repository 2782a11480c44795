package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// quoteAnswers are a complete, valid submission of the quote form.
func quoteAnswers() []part {
	return []part{{"summary", "", []byte("200 flyers")}, {"details", "", []byte("A5, two sides.\r\nMatt paper.")},
		{"budget", "", []byte("1 500,50")}, {"deadline", "", []byte("2026-05-01")}, {"kind", "", []byte("Print")},
		{"photos", "photo.pdf", testPDF(700)}, {"photos", "plan.txt", []byte("a plan")}}
}

// TestFormSubmittedAsTicket: a form sent from its page becomes a ticket
// of the form's kind with the answers laid out and the files attached,
// in the client's tickets and the staff inbox.
func TestFormSubmittedAsTicket(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.send(t, "/clients/forms/quote", "ann", false, false, quoteAnswers()...)
	to := location(t, w)
	if !strings.HasSuffix(to, "?done=submitted") {
		t.Fatalf("redirect to %s", to)
	}
	id := ticketIDIn.FindStringSubmatch(to)[1]
	th, err := e.conv.GetTicket(context.Background(), connectors.Scope{ContactID: "ann"}, id)
	if err != nil || th.Form != "quote" || th.Subject != "Request a quote or job" || th.Category != "" {
		t.Fatalf("ticket %+v, %v", th, err)
	}
	page := e.do(req{path: to, as: "ann"})
	wantBody(t, page, "Thank you, your request was sent.", "What do you need?: 200 flyers", "Details:\nA5, two sides.\nMatt paper.",
		"Budget (EUR): 1500,50", "Needed by: 2026-05-01", "Kind of job: Print", "Photos or plans: photo.pdf, plan.txt",
		`download>photo.pdf<`, `download>plan.txt<`)
	wantBody(t, e.do(req{path: "/clients/tickets", as: "ann"}), "Request a quote or job", "Request · ")
	wantBody(t, e.do(req{path: "/staff/threads/" + id, staff: true}), "What do you need?: 200 flyers", `href="/staff/files/`)
	wantBody(t, e.do(req{path: "/staff/", staff: true}), "Request a quote or job")
	link := regexp.MustCompile(`href="(/clients/files/[0-9a-f-]{36})" download>photo.pdf<`).FindStringSubmatch(page.Body.String())
	wantStatus(t, e.download(link[1], "ann", false), http.StatusOK)
	wantStatus(t, e.download(link[1], "bob", false), http.StatusNotFound)
}

// TestFormRefusals: each bad answer is a field error on the page and in
// the API, and nothing is stored.
func TestFormRefusals(t *testing.T) {
	with := func(name, value string) []part {
		var out []part
		for _, p := range quoteAnswers() {
			if p.field != name {
				out = append(out, p)
			}
		}
		if value != "-" {
			out = append(out, part{name, "", []byte(value)})
		}
		return out
	}
	cases := []struct {
		name  string
		parts []part
		field string
		page  string // on the page
		api   string // the API's words
	}{
		{"missing required", with("summary", "-"), "summary", "Please fill this in.", "is required"},
		{"blank required", with("summary", "   "), "summary", "Please fill this in.", "is required"},
		{"not a number", with("budget", "lots"), "budget", "Please enter a number", "is not a number"},
		{"two decimal marks", with("budget", "1.500,50"), "budget", "Please enter a number", "is not a number"},
		{"not a date", with("deadline", "31/12/2026"), "deadline", "Please enter a date", "is not a date"},
		{"no such day", with("deadline", "2026-02-30"), "deadline", "Please enter a date", "is not a date"},
		{"unknown option", with("kind", "Sculpture"), "kind", "Please choose one of the options", "is not one of the options"},
		{"control characters", with("summary", "a\x07b"), "summary", "control characters", "contains control characters"},
		{"too long", with("summary", strings.Repeat("x", 201)), "summary", "at most 200 characters", "is too long"},
		{"unknown field", with("colour", "red"), "colour", "", "is not a field of this form"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newAttachEnv(t, 5000)
			w := a.send(t, "/clients/forms/quote", "ann", false, false, tc.parts...)
			wantStatus(t, w, http.StatusUnprocessableEntity)
			if tc.page != "" {
				wantBody(t, w, tc.page, `id="f-`+tc.field+`-err"`, `aria-invalid="true"`, "please choose them again")
			}
			api := a.send(t, "/api/v1/forms/quote", "ann", false, true, tc.parts...)
			wantStatus(t, api, http.StatusUnprocessableEntity)
			var p problem
			json.Unmarshal(api.Body.Bytes(), &p)
			if !strings.Contains(p.Errors[tc.field], tc.api) {
				t.Errorf("API errors %v lack %s: %q", p.Errors, tc.field, tc.api)
			}
			if n := a.tickets(t, "ann"); n != 0 {
				t.Errorf("%d tickets stored", n)
			}
			a.nothingLeft(t, tc.name)
		})
	}
}

// TestFormFileRefusals: file answers follow the upload rules; a refused
// file, storage down or the database down leave nothing.
func TestFormFileRefusals(t *testing.T) {
	html := []byte("<html><script>alert(1)</script></html>")
	onboarding := []part{{"company", "", []byte("Acme")}}
	cases := []struct {
		name   string
		parts  []part
		setup  func(a *attachEnv)
		status int
		page   string
	}{
		{"required file missing", append(onboarding, part{"logo", "", nil}), nil, 422, "Please fill this in."},
		{"wrong type", append(onboarding, part{"logo", "logo.pdf", html}), nil, 415, "We accept PDF"},
		{"oversized", append(onboarding, part{"logo", "logo.pdf", testPDF(5001)}), nil, 413, "larger than we accept"},
		{"zero bytes", append(onboarding, part{"logo", "logo.pdf", nil}), nil, 422, "The file you chose is empty"},
		{"bad second file", append(onboarding, part{"logo", "a.pdf", testPDF(10)}, part{"logo", "b.pdf", html}), nil, 415, "We accept PDF"},
		{"blob down", append(onboarding, part{"logo", "a.pdf", testPDF(10)}), func(a *attachEnv) { a.content.FailWrite.Store(true) }, 503, ""},
		{"database down", append(onboarding, part{"logo", "a.pdf", testPDF(10)}), func(a *attachEnv) { a.conv.down = true }, 503, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newAttachEnv(t, 5000)
			if tc.setup != nil {
				tc.setup(a)
			}
			w := a.send(t, "/clients/forms/onboarding", "ann", false, false, tc.parts...)
			wantStatus(t, w, tc.status)
			if tc.page != "" {
				wantBody(t, w, tc.page, `id="f-logo-err"`, `value="Acme"`)
			}
			wantStatus(t, a.send(t, "/api/v1/forms/onboarding", "ann", false, true, tc.parts...), tc.status)
			a.content.Down(false)
			a.conv.down = false
			if n := a.tickets(t, "ann"); n != 0 {
				t.Errorf("%d tickets stored", n)
			}
			a.nothingLeft(t, tc.name)
		})
	}
}

// TestFormsAPI: the forms are listed with their fields; answers come as
// JSON (numbers too); a file field cannot be answered in JSON; an
// unknown form is 404; the forms module follows the contact's switch.
func TestFormsAPI(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.do(req{path: "/api/v1/forms", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusOK)
	var list listJSON[formJSON]
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil || len(list.Items) != 2 || list.Items[0].Key != "quote" ||
		len(list.Items[0].Fields) != 6 || list.Items[0].Fields[4].Type != "choice" || len(list.Items[0].Fields[4].Options) != 3 ||
		list.Items[0].SubmitURL != "/api/v1/forms/quote" {
		t.Fatalf("forms %s", w.Body)
	}
	w = e.do(req{method: http.MethodPost, path: "/api/v1/forms/quote", as: "ann", bearer: true,
		json: `{"summary":"Sign","kind":"Design","budget":1500.5,"deadline":"2026-06-01"}`})
	wantStatus(t, w, http.StatusCreated)
	var tk ticketDetailJSON
	if err := json.Unmarshal(w.Body.Bytes(), &tk); err != nil || tk.Form != "quote" || len(tk.Thread.Items) != 1 ||
		!strings.Contains(tk.Thread.Items[0].Body, "Budget (EUR): 1500.5") {
		t.Errorf("submitted %s", w.Body)
	}
	w = e.do(req{method: http.MethodPost, path: "/api/v1/forms/onboarding", as: "ann", bearer: true, json: `{"company":"Acme","logo":"logo.png"}`})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "must be sent as a file")
	w = e.do(req{method: http.MethodPost, path: "/api/v1/forms/nope", as: "ann", bearer: true, json: `{}`})
	wantStatus(t, w, http.StatusNotFound)
	w = e.do(req{method: http.MethodPost, path: "/api/v1/forms/quote", as: "ann", bearer: true, json: `{"summary":["a"]}`})
	wantStatus(t, w, http.StatusBadRequest)
	err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", Modules: map[string]bool{"forms": false}})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/forms", "/clients/forms", "/clients/forms/quote"} {
		wantStatus(t, e.do(req{path: path, as: "ann", bearer: strings.HasPrefix(path, "/api/")}), http.StatusNotFound)
	}
	wantNoBody(t, e.do(req{path: "/clients/", as: "ann"}), `href="/clients/forms"`)
	wantBody(t, e.do(req{path: "/clients/", as: "bob"}), `href="/clients/forms"`)
}

// TestFormAnswersTooLongForOnePost: answers that together do not fit one
// post are refused at the longest long answer.
func TestFormAnswersTooLongForOnePost(t *testing.T) {
	long := Form{Key: "essay", Title: "Essay", Fields: []FormField{
		{Name: "a", Label: "A", Type: FieldLongText}, {Name: "b", Label: "B", Type: FieldLongText}, {Name: "c", Label: "C", Type: FieldLongText}}}
	e := newConvEnv(t, func(o *Options) { o.Forms = append(o.Forms, long) })
	w := e.do(req{method: http.MethodPost, path: "/api/v1/forms/essay", as: "ann", bearer: true,
		json: `{"a":"` + strings.Repeat("a", 3000) + `","b":"` + strings.Repeat("b", 4000) + `","c":"` + strings.Repeat("c", 3500) + `"}`})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `"b":"is too long (at most`)
}

// TestFormKeptAcrossSignInMultipart: a form with files sent after the
// session ended keeps its text answers (not its files) across the
// sign-in; the form shows them again.
func TestFormKeptAcrossSignInMultipart(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.send(t, "/clients/forms/quote", "", false, false, part{"summary", "", []byte("200 flyers")},
		part{"kind", "", []byte("Design")}, part{"photos", "photo.pdf", testPDF(100)}, part{"budget", "", []byte("after the file")})
	wantStatus(t, w, http.StatusFound)
	cookie := w.Header().Get("Set-Cookie")
	id, _, _ := strings.Cut(strings.TrimPrefix(cookie, "clientgate_form="), ";")
	if id == "" || !strings.HasPrefix(cookie, "clientgate_form=") {
		t.Fatalf("Set-Cookie = %q", cookie)
	}
	page := e.do(req{path: "/clients/forms/quote", as: "ann", header: map[string]string{"Cookie": "clientgate_form=" + id}})
	wantBody(t, page, `value="200 flyers"`, `<option value="Design" selected>`)
	wantNoBody(t, page, "after the file") // text after a file is not read (the files cannot be kept)
	if n := e.tickets(t, "ann"); n != 0 {
		t.Errorf("a form sent without a session opened %d tickets", n)
	}
}

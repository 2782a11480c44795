package portal

import (
	stdbytes "bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// TestTicketWithAttachments: a client opens a ticket with two files from
// the page, sees them under the first post, downloads them; another
// client gets 404; staff see and download them and answer with a file,
// which the client downloads in turn.
func TestTicketWithAttachments(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.send(t, "/clients/tickets", "ann", false, false, part{"subject", "", []byte("Broken print")},
		part{"category", "", []byte("Billing")}, part{"body", "", []byte("See the photos.")},
		part{"file", "../../etc/scan.pdf", testPDF(3000)}, part{"file", "notes.txt", []byte("plain words")}, part{"file", "", nil})
	to := location(t, w)
	page := e.do(req{path: strings.Split(to, "?")[0], as: "ann"})
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, "Broken print", "See the photos.", "scan.pdf", "notes.txt", "Attached files", "3 kB")
	links := regexp.MustCompile(`href="/clients/files/([0-9a-f-]{36})" download>([^<]+)<`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(links) != 2 || links[0][2] != "scan.pdf" || links[1][2] != "notes.txt" {
		t.Fatalf("attachment links %q", links)
	}
	scan, notes := links[0][1], links[1][1]
	got := e.download("/clients/files/"+scan, "ann", false)
	wantStatus(t, got, http.StatusOK)
	if got.Body.Len() != 3000 || got.Header().Get("Content-Type") != "application/pdf" ||
		!strings.Contains(got.Header().Get("Content-Disposition"), `filename="scan.pdf"`) || got.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download: %d bytes, headers %v", got.Body.Len(), got.Header())
	}
	for _, as := range []string{"bob"} {
		for _, path := range []string{"/clients/files/" + scan, "/api/v1/files/" + notes} {
			wantStatus(t, e.download(path, as, false), http.StatusNotFound)
		}
	}
	if files := e.do(req{path: "/clients/files", as: "ann"}); strings.Contains(files.Body.String(), "scan.pdf") {
		t.Error("an attachment shows in the library")
	}
	th := ticketIDIn.FindStringSubmatch(to)[1]
	staffPage := e.do(req{path: "/staff/threads/" + th, staff: true})
	wantBody(t, staffPage, `href="/staff/files/`+scan+`"`, "notes.txt", `enctype="multipart/form-data"`)
	wantStatus(t, e.download("/staff/files/"+notes, "", true), http.StatusOK)
	wantStatus(t, e.download("/staff/files/"+notes, "bob", false), http.StatusNotFound) // a client never reaches it
	w = e.send(t, "/staff/threads/"+th+"/reply", "", true, false, part{"body", "", []byte("Here is the fixed file.")},
		part{"status", "", []byte("waiting_on_client")}, part{"file", "fixed.pdf", testPDF(500)})
	location(t, w)
	page = e.do(req{path: "/clients/tickets/" + th, as: "ann"})
	fixed := regexp.MustCompile(`href="/clients/files/([0-9a-f-]{36})" download>fixed.pdf<`).FindStringSubmatch(page.Body.String())
	if fixed == nil {
		t.Fatalf("the staff's file is not under their reply:\n%s", page.Body)
	}
	wantStatus(t, e.download("/clients/files/"+fixed[1], "ann", false), http.StatusOK)
	wantStatus(t, e.download("/clients/files/"+fixed[1], "bob", false), http.StatusNotFound)
	if used, _ := e.lib.Usage(context.Background(), "ann"); used != 3000+11 {
		t.Errorf("ann's quota counts %d bytes, want her own attachments' 3011 (the staff's do not count)", used)
	}
}

// TestAttachmentsThroughTheAPI: tickets, replies and item messages take
// multipart with files; the thread lists them with download URLs.
func TestAttachmentsThroughTheAPI(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.send(t, "/api/v1/tickets", "ann", false, true, part{"subject", "", []byte("Photos")}, part{"category", "", []byte("Billing")},
		part{"body", "", []byte("Two photos")}, part{"file", "a.pdf", testPDF(100)}, part{"file", "b.pdf", testPDF(200)})
	wantStatus(t, w, http.StatusCreated)
	var tk ticketDetailJSON
	if err := json.Unmarshal(w.Body.Bytes(), &tk); err != nil || len(tk.Thread.Items) != 1 || len(tk.Thread.Items[0].Files) != 2 {
		t.Fatalf("created %s (%v)", w.Body, err)
	}
	f := tk.Thread.Items[0].Files[0]
	if f.Name != "a.pdf" || f.Size != 100 || f.DownloadURL != "/api/v1/files/"+f.ID || len(f.SHA256) != 64 {
		t.Errorf("attachment %+v", f)
	}
	wantStatus(t, e.do(req{path: f.DownloadURL, as: "ann", bearer: true}), http.StatusOK)
	w = e.send(t, "/api/v1/tickets/"+tk.ID+"/replies", "ann", false, false, part{"body", "", []byte("One more")},
		part{"file", "c.pdf", testPDF(50)})
	wantStatus(t, w, http.StatusCreated)
	var p postJSON
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || len(p.Files) != 1 || p.Files[0].Name != "c.pdf" {
		t.Errorf("reply %s", w.Body)
	}
	w = e.send(t, "/api/v1/invoices/inv1/messages", "ann", false, true, part{"body", "", []byte("About this")},
		part{"file", "d.pdf", testPDF(60)})
	wantStatus(t, w, http.StatusCreated)
	for _, path := range []string{"/api/v1/tickets/" + tk.ID, "/api/v1/invoices/inv1/messages"} {
		got := e.do(req{path: path, as: "ann", bearer: true})
		wantStatus(t, got, http.StatusOK)
		wantBody(t, got, `"download_url":"/api/v1/files/`, `"files":[{`)
	}
	// Another contact's ticket or item: 404, and nothing stored.
	for _, path := range []string{"/api/v1/tickets/" + tk.ID + "/replies", "/api/v1/invoices/inv1/messages"} {
		w := e.send(t, path, "bob", false, true, part{"body", "", []byte("x")}, part{"file", "e.pdf", testPDF(60)})
		wantStatus(t, w, http.StatusNotFound)
	}
	if used, _ := e.lib.Usage(context.Background(), "bob"); used != 0 {
		t.Errorf("bob's refused posts stored %d bytes", used)
	}
	// JSON still works, with an empty list of files.
	w = e.do(req{method: http.MethodPost, path: "/api/v1/tickets/" + tk.ID + "/replies", as: "ann", bearer: true, json: `{"body":"plain"}`})
	wantStatus(t, w, http.StatusCreated)
	wantBody(t, w, `"files":[]`)
}

// TestAttachmentRefusals: every bad upload with a ticket answers with a
// clear field error and stores nothing: no ticket, no record, no content.
func TestAttachmentRefusals(t *testing.T) {
	html := []byte("<!doctype html><html><script>alert(1)</script></html>")
	text := func(subject string) []part {
		return []part{{"subject", "", []byte(subject)}, {"category", "", []byte("Billing")}, {"body", "", []byte("Body")}}
	}
	cases := []struct {
		name   string
		parts  []part
		setup  func(a *attachEnv)
		status int
		page   string // on the page, in English
		field  string // the API's errors entry
		key    string
	}{
		{"oversized", []part{{"file", "big.pdf", testPDF(5001)}}, nil, 413, "larger than we accept", "is larger than", "file"},
		{"wrong type", []part{{"file", "invoice.pdf", html}}, nil, 415, "We accept PDF", "not a type of file", "file"},
		{"zero bytes", []part{{"file", "empty.pdf", nil}}, nil, 422, "The file you chose is empty", "is empty", "file"},
		{"bidi name", []part{{"file", "a\u202efdp.exe", testPDF(10)}}, nil, 422, "invisible characters", "control or invisible", "file"},
		{"quota", []part{{"file", "a.pdf", testPDF(4000)}}, func(a *attachEnv) { seedUploads(a, 97_000) }, 413,
			"more than the storage you have", "quota", "file"},
		{"too many files", []part{{"file", "1.pdf", testPDF(9)}, {"file", "2.pdf", testPDF(9)}, {"file", "3.pdf", testPDF(9)},
			{"file", "4.pdf", testPDF(9)}, {"file", "5.pdf", testPDF(9)}, {"file", "6.pdf", testPDF(9)}}, nil, 413,
			"at most five files", "more files than allowed", "file"},
		{"bad second file", []part{{"file", "ok.pdf", testPDF(100)}, {"file", "bad.pdf", html}}, nil, 415, "We accept PDF", "not a type", "file"},
		{"blob down", []part{{"file", "ok.pdf", testPDF(100)}}, func(a *attachEnv) { a.content.FailCreate.Store(true) }, 503,
			"", "", ""},
		{"database down", []part{{"file", "ok.pdf", testPDF(100)}}, func(a *attachEnv) { a.conv.down = true }, 503, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newAttachEnv(t, 5000)
			if tc.setup != nil {
				tc.setup(a)
			}
			before := len(a.keys(t))
			w := a.send(t, "/clients/tickets", "ann", false, false, append(text("Page "+tc.name), tc.parts...)...)
			wantStatus(t, w, tc.status)
			if tc.page != "" {
				wantBody(t, w, tc.page, `aria-invalid="true"`, "Page "+tc.name, "please choose them again")
			}
			api := a.send(t, "/api/v1/tickets", "ann", false, true, append(text("API "+tc.name), tc.parts...)...)
			wantStatus(t, api, tc.status)
			var p problem
			json.Unmarshal(api.Body.Bytes(), &p)
			if tc.key != "" && !strings.Contains(p.Errors[tc.key], tc.field) {
				t.Errorf("API problem %+v lacks %s: %q", p, tc.key, tc.field)
			}
			if n := a.tickets(t, "ann"); n != 0 {
				t.Errorf("%d tickets stored", n)
			}
			if len(a.keys(t)) != before {
				t.Errorf("content stored: %q", a.keys(t))
			}
			a.content.Down(false)
			a.conv.down = false
			if tc.name == "quota" {
				if used, _ := a.lib.Usage(context.Background(), "ann"); used != 97_000 {
					t.Errorf("usage after refused uploads %d, want the 97000 seeded", used)
				}
				return
			}
			a.nothingLeft(t, tc.name)
		})
	}
}

// seedUploads stores bytes of ann's own uploads, to fill her quota.
func seedUploads(a *attachEnv, bytes int) {
	for ; bytes > 0; bytes -= 4000 {
		_, err := a.lib.Upload(context.Background(), files.Upload{Owner: files.ContactOwner("ann"),
			Uploader: files.Uploader{Kind: files.ByContact, ID: "ann"}, Name: "filler.pdf", Body: stdbytes.NewReader(testPDF(min(bytes, 4000)))})
		if err != nil {
			a.t.Fatalf("seed uploads: %v", err)
		}
	}
}

// TestAttachmentsWithBadText: a refused text removes the files sent with
// it, and the page keeps the text typed.
func TestAttachmentsWithBadText(t *testing.T) {
	a := newAttachEnv(t, 5000)
	w := a.send(t, "/clients/tickets", "ann", false, false, part{"subject", "", nil}, part{"category", "", []byte("Billing")},
		part{"body", "", []byte("Typed body")}, part{"file", "ok.pdf", testPDF(100)})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Typed body", "please choose them again", `id="f-subject"`)
	a.nothingLeft(t, "a refused subject")
	th := a.openTicket("ann", "Open one")
	if _, _, err := a.convEnv.conv.CloseTicket(context.Background(), connectors.Scope{ContactID: "ann"}, th.ID); err != nil {
		t.Fatal(err)
	}
	w = a.send(t, "/clients/tickets/"+th.ID+"/replies", "ann", false, false, part{"body", "", []byte("Reply to closed")},
		part{"file", "ok.pdf", testPDF(100)})
	wantStatus(t, w, http.StatusConflict)
	a.nothingLeft(t, "a reply to a closed ticket")
	w = a.send(t, "/clients/invoices/inv1/messages", "ann", false, false, part{"body", "", []byte("  ")}, part{"file", "ok.pdf", testPDF(100)})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "please choose them again")
	a.nothingLeft(t, "an empty message")
}

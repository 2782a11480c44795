package portal

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// part is one part of a multipart test request: a form field when file
// is "", else a file part.
type part struct {
	field, file string
	content     []byte
}

// multipartBody builds a multipart/form-data body.
func multipartBody(t testing.TB, parts ...part) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		disp := `form-data; name="` + p.field + `"`
		if p.file != "" || p.field == "file" {
			disp += `; filename="` + strings.ReplaceAll(p.file, `"`, `\"`) + `"`
			h.Set("Content-Type", "application/pdf") // what a client claims; never believed
		}
		h.Set("Content-Disposition", disp)
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.content)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// upload posts parts to the page route as, with the CSRF token as the
// first part when csrf is set.
func (e *env) upload(t testing.TB, as, csrf string, parts ...part) *httptest.ResponseRecorder {
	t.Helper()
	if csrf != "" {
		parts = append([]part{{field: "csrf_token", content: []byte(csrf)}}, parts...)
	}
	return e.postParts(t, "/clients/files", as, false, parts...)
}

// postParts sends a multipart request; bearer requests carry no CSRF token.
func (e *env) postParts(t testing.TB, path, as string, bearer bool, parts ...part) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartBody(t, parts...)
	hr := httptest.NewRequestWithContext(context.Background(), http.MethodPost, path, body)
	hr.Header.Set("Content-Type", ct)
	hr.Header.Set(hdrContact, as)
	if bearer {
		hr.Header.Set(hdrBearer, "1")
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	return w
}

// annUploads lists the files ann uploaded herself.
func (e *env) annUploads(t testing.TB) []files.File {
	t.Helper()
	page, err := e.lib.List(context.Background(), files.Access{ContactID: "ann"}, connectors.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []files.File
	for _, f := range page.Items {
		if f.Uploader.Kind == files.ByContact {
			out = append(out, f)
		}
	}
	return out
}

func TestUploadFromThePage(t *testing.T) {
	e := newEnv(t, nil)
	w := e.upload(t, "ann", csrfFor("ann"), part{"file", `C:\Users\Ann\Desktop\Signed contract.pdf`, testPDF(3000)})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/clients/files?done=uploaded" {
		t.Errorf("redirect to %q", loc)
	}
	got := e.annUploads(t)
	if len(got) != 1 || got[0].Name != "Signed contract.pdf" || got[0].Size != 3000 || got[0].Type != "application/pdf" ||
		got[0].Uploader.ID != "ann" || got[0].Owner != files.ContactOwner("ann") {
		t.Fatalf("stored %+v", got)
	}
	page := e.do(req{path: "/clients/files?done=uploaded", as: "ann"})
	wantBody(t, page, "Thank you, your file was uploaded.", "Signed contract.pdf", "Sent by you", "You have used 3 kB of 100 kB.")
}

func TestUploadThroughTheAPI(t *testing.T) {
	e := newEnv(t, nil)
	w := e.postParts(t, "/api/v1/files", "ann", true, part{"file", "a.pdf", testPDF(100)}, part{"file", "notes.txt", []byte("plain words")})
	wantStatus(t, w, http.StatusCreated)
	var out listJSON[fileJSON]
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || len(out.Items) != 2 {
		t.Fatalf("answer %s (%v)", w.Body, err)
	}
	if f := out.Items[1]; f.Name != "notes.txt" || !strings.HasPrefix(f.Type, "text/plain") || !f.UploadedByYou || f.New ||
		f.DownloadURL != "/api/v1/files/"+f.ID || len(f.SHA256) != 64 {
		t.Errorf("second file %+v", f)
	}
	// A cookie session sends the token in the header, or as first part.
	body, ct := multipartBody(t, part{"file", "b.pdf", testPDF(100)})
	w = e.do(req{method: http.MethodPost, path: "/api/v1/files", as: "ann", csrf: csrfFor("ann"), contentType: ct, json: body.String()})
	wantStatus(t, w, http.StatusCreated)
}

// TestUploadRefused: each refused upload answers with the right status
// and message, and stores nothing.
func TestUploadRefused(t *testing.T) {
	html := []byte("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>")
	cases := []struct {
		name   string
		parts  []part
		status int
		text   string
		field  string
	}{
		{"empty file", []part{{"file", "a.pdf", nil}}, 422, "The file you chose is empty.", "is empty"},
		// A file input left empty sends a nameless, empty part: no file
		// (optional file inputs of tickets and forms are left so).
		{"no file chosen", []part{{"file", "", nil}}, 422, "Please choose a file to upload.", "is required"},
		{"no file part", []part{}, 422, "Please choose a file to upload.", "is required"},
		{"html posing as pdf", []part{{"file", "invoice.pdf", html}}, 415, "We accept PDF, images", "not a type of file"},
		{"executable", []part{{"file", "setup.pdf", append([]byte("MZ\x90\x00"), make([]byte, 400)...)}}, 415, "We accept PDF", "not a type"},
		{"bidi name", []part{{"file", "invoice\u202efdp.exe", testPDF(10)}}, 422, "invisible characters", "control or invisible"},
		{"over quota", []part{{"file", "big.pdf", testPDF(100_001)}}, 413, "more than the storage you have", "quota"},
		{"second file fails", []part{{"file", "ok.pdf", testPDF(100)}, {"file", "x.pdf", html}}, 415, "We accept PDF", "not a type"},
		{"unexpected field", []part{{"file", "ok.pdf", testPDF(100)}, {"note", "", []byte("hi")}}, 400, "a field other than file", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			w := e.upload(t, "ann", csrfFor("ann"), tc.parts...)
			wantStatus(t, w, tc.status)
			wantBody(t, w, tc.text, `aria-invalid="true"`)
			if n := len(e.annUploads(t)); n != 0 {
				t.Errorf("%d files stored", n)
			}
			api := e.postParts(t, "/api/v1/files", "ann", true, tc.parts...)
			wantStatus(t, api, tc.status)
			var p problem
			json.Unmarshal(api.Body.Bytes(), &p)
			if tc.field != "" && !strings.Contains(p.Errors["file"], tc.field) {
				t.Errorf("API problem %+v lacks the field error %q", p, tc.field)
			}
			if n := len(e.annUploads(t)); n != 0 {
				t.Errorf("%d files stored through the API", n)
			}
		})
	}
}

func TestUploadTooLarge(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Files = newLimitedLibrary(t, o.Bridge, 5000, 0) })
	w := e.upload(t, "ann", csrfFor("ann"), part{"file", "a.pdf", testPDF(5001)})
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	wantBody(t, w, "This file is larger than we accept.")
	// Far over the limit: the request body itself is cut off.
	w = e.postParts(t, "/api/v1/files", "ann", true, part{"file", "a.pdf", testPDF(3 << 20)})
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	var p problem
	json.Unmarshal(w.Body.Bytes(), &p)
	if p.Errors["file"] != "is larger than 5 kB" {
		t.Errorf("problem %+v", p)
	}
	w = e.postParts(t, "/api/v1/files", "ann", true, part{"file", "a.pdf", testPDF(5000)})
	wantStatus(t, w, http.StatusCreated)
}

func TestUploadNeedsCSRF(t *testing.T) {
	e := newEnv(t, nil)
	for name, parts := range map[string][]part{
		"no token":         {{"file", "a.pdf", testPDF(100)}},
		"token after file": {{"file", "a.pdf", testPDF(100)}, {"csrf_token", "", []byte(csrfFor("ann"))}},
		"another's token":  {{"csrf_token", "", []byte(csrfFor("bob"))}, {"file", "a.pdf", testPDF(100)}},
		"token as a file":  {{"csrf_token", "t.txt", []byte(csrfFor("ann"))}, {"file", "a.pdf", testPDF(100)}},
		"token too long":   {{"csrf_token", "", []byte(csrfFor("ann") + strings.Repeat("x", 300))}, {"file", "a.pdf", testPDF(100)}},
	} {
		w := e.upload(t, "ann", "", parts...)
		if w.Code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, w.Code)
		}
	}
	if n := len(e.annUploads(t)); n != 0 {
		t.Errorf("%d files stored without a valid token", n)
	}
	w := e.do(req{method: http.MethodPost, path: "/api/v1/files", as: "ann", csrf: csrfFor("ann"), json: `{"file":"x"}`})
	wantStatus(t, w, http.StatusUnsupportedMediaType)
}

func TestUploadWithStorageDown(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Files = downLibrary{o.Files} })
	w := e.upload(t, "ann", csrfFor("ann"), part{"file", "a.pdf", testPDF(100)})
	wantStatus(t, w, http.StatusServiceUnavailable)
	wantBody(t, w, "We cannot reach our records right now.")
}

// downLibrary fails every upload as storage that is down does.
type downLibrary struct{ files.Library }

func (downLibrary) Upload(context.Context, files.Upload) (files.File, error) {
	return files.File{}, connectors.ErrUnavailable
}

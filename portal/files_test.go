package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/portal/i18n"
)

// companyFiles gives ann and a colleague, cat, the company co1, with a
// file in co1's library and one in cat's own.
func companyFiles(t *testing.T, edit func(*Options)) (*env, files.File, files.File) {
	e := newEnv(t, edit)
	e.withCompany()
	company := seedFile(t, e.lib, files.CompanyOwner("co1"), "Framework agreement.pdf", testPDF(500))
	cats := seedFile(t, e.lib, files.ContactOwner("cat"), "Cat's payslip.pdf", testPDF(500))
	return e, company, cats
}

func TestFileDownload(t *testing.T) {
	e := newEnv(t, nil)
	for _, path := range []string{"/clients/files/" + e.annFile.ID, "/api/v1/files/" + e.annFile.ID} {
		w := e.do(req{path: path, as: "ann"})
		wantStatus(t, w, http.StatusOK)
		h := w.Header()
		want := map[string]string{
			"Content-Type":                 "application/pdf",
			"Content-Length":               "2000",
			"Content-Disposition":          `attachment; filename="Contract 2026.pdf"; filename*=UTF-8''Contract%202026.pdf`,
			"X-Content-Type-Options":       "nosniff",
			"Content-Security-Policy":      "default-src 'none'; sandbox",
			"Cross-Origin-Resource-Policy": "same-origin",
			"Cache-Control":                "private, no-store",
		}
		for k, v := range want {
			if got := h.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		if w.Body.String() != string(testPDF(2000)) {
			t.Errorf("%s: the content differs (%d bytes)", path, w.Body.Len())
		}
	}
	f, _ := e.lib.Get(context.Background(), files.Access{ContactID: "ann"}, e.annFile.ID)
	if !f.Downloaded {
		t.Error("the download was not recorded")
	}
}

func TestFileDownloadNames(t *testing.T) {
	e := newEnv(t, nil)
	cases := map[string]string{
		"Договор №5 (final).pdf": `attachment; filename="_______ _5 (final).pdf"; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%20%E2%84%965%20%28final%29.pdf`,
		`a;b"c\d.pdf`:            `attachment; filename="d.pdf"; filename*=UTF-8''d.pdf`,
		"semi;colon'quote.pdf":   `attachment; filename="semi;colon'quote.pdf"; filename*=UTF-8''semi%3Bcolon%27quote.pdf`,
		"100%.pdf":               `attachment; filename="100_.pdf"; filename*=UTF-8''100%25.pdf`,
	}
	for name, want := range cases {
		f := seedFile(t, e.lib, files.ContactOwner("ann"), name, testPDF(100))
		w := e.do(req{path: "/api/v1/files/" + f.ID, as: "ann"})
		wantStatus(t, w, http.StatusOK)
		if got := w.Header().Get("Content-Disposition"); got != want {
			t.Errorf("%q: Content-Disposition = %s, want %s", name, got, want)
		}
	}
}

// TestFilesOfOthers: another contact's file, a company's file without
// company items, and path tricks in the ID are 404, never the content.
func TestFilesOfOthers(t *testing.T) {
	e, company, cats := companyFiles(t, nil)
	paths := []string{
		"/clients/files/" + e.annFile.ID, "/api/v1/files/" + e.annFile.ID,
	}
	for _, p := range paths {
		for _, as := range []string{"bob", "cat"} {
			w := e.do(req{path: p, as: as})
			wantStatus(t, w, http.StatusNotFound)
			wantNoBody(t, w, "%PDF", "Contract 2026")
		}
	}
	for _, id := range []string{company.ID, cats.ID, "../" + e.annFile.ID, e.annFile.ID + "/..", "%2e%2e%2f" + e.annFile.ID,
		strings.ToUpper(e.annFile.ID), "x", strings.Repeat("a", 500)} {
		wantStatus(t, e.do(req{path: "/api/v1/files/" + id, as: "ann"}), http.StatusNotFound)
	}
	w := e.do(req{path: "/api/v1/files", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, e.annFile.ID)
	wantNoBody(t, w, company.ID, cats.ID)
	w = e.do(req{path: "/api/v1/files", as: "bob"})
	wantNoBody(t, w, e.annFile.ID, company.ID, cats.ID)
}

func TestCompanyFiles(t *testing.T) {
	for _, mode := range []string{"per contact", "global default"} {
		t.Run(mode, func(t *testing.T) {
			e, company, cats := companyFiles(t, func(o *Options) { o.CompanyItemsDefault = mode == "global default" })
			if mode == "per contact" {
				for _, id := range []string{"ann", "cat"} {
					if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: id, SeeCompanyItems: true}); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, as := range []string{"ann", "cat"} {
				wantStatus(t, e.do(req{path: "/api/v1/files/" + company.ID, as: as}), http.StatusOK)
				wantBody(t, e.do(req{path: "/clients/files", as: as}), "Framework agreement.pdf", "Your company")
			}
			wantStatus(t, e.do(req{path: "/api/v1/files/" + cats.ID, as: "ann"}), http.StatusNotFound)
			wantStatus(t, e.do(req{path: "/api/v1/files/" + e.annFile.ID, as: "cat"}), http.StatusNotFound)
			wantStatus(t, e.do(req{path: "/api/v1/files/" + company.ID, as: "bob"}), http.StatusNotFound)
		})
	}
}

func TestFilesModuleSwitch(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Modules = map[string]bool{"files": false} })
	for _, p := range []string{"/clients/files", "/clients/files/" + e.annFile.ID, "/api/v1/files", "/api/v1/files/" + e.annFile.ID} {
		wantStatus(t, e.do(req{path: p, as: "ann"}), http.StatusNotFound)
	}
	wantNoBody(t, e.do(req{path: "/clients/", as: "ann"}), `href="/clients/files"`)

	e = newEnv(t, nil)
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", Modules: map[string]bool{"files": false}}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.do(req{path: "/api/v1/files/" + e.annFile.ID, as: "ann"}), http.StatusNotFound)
	wantStatus(t, e.do(req{path: "/clients/files", as: "bob"}), http.StatusOK)

	e = newEnv(t, func(o *Options) { o.Files = nil })
	wantStatus(t, e.do(req{path: "/clients/files", as: "ann"}), http.StatusNotFound)
	var d dashboardJSON
	json.Unmarshal(e.do(req{path: "/api/v1/dashboard", as: "ann"}).Body.Bytes(), &d)
	if d.Modules["files"] {
		t.Error("the files module is on without a library")
	}
}

// TestNewFilesOnTheDashboard: a file shared with the contact is new until
// they download it; their own uploads never are.
func TestNewFilesOnTheDashboard(t *testing.T) {
	e := newEnv(t, nil)
	dash := func() dashboardJSON {
		var d dashboardJSON
		w := e.do(req{path: "/api/v1/dashboard", as: "ann"})
		wantStatus(t, w, http.StatusOK)
		if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := dash(); d.NewFilesCount != 1 || len(d.NewFiles) != 1 || d.NewFiles[0].ID != e.annFile.ID || !d.NewFiles[0].New {
		t.Fatalf("dashboard files: %d %+v", d.NewFilesCount, d.NewFiles)
	}
	wantBody(t, e.do(req{path: "/clients/", as: "ann"}), "New files for you", "Contract 2026.pdf", "new file")
	wantStatus(t, e.do(req{path: "/clients/files/" + e.annFile.ID, as: "ann"}), http.StatusOK)
	if d := dash(); d.NewFilesCount != 0 || len(d.NewFiles) != 0 {
		t.Errorf("after the download: %d %+v", d.NewFilesCount, d.NewFiles)
	}
	w := e.upload(t, "ann", csrfFor("ann"), part{"file", "mine.pdf", testPDF(100)})
	wantStatus(t, w, http.StatusSeeOther)
	if d := dash(); d.NewFilesCount != 0 {
		t.Errorf("the contact's own upload counts as new: %d", d.NewFilesCount)
	}
	wantNoBody(t, e.do(req{path: "/clients/", as: "ann"}), "New files for you")
}

func TestFilesListPaging(t *testing.T) {
	e := newEnv(t, nil)
	for range 4 {
		seedFile(t, e.lib, files.ContactOwner("ann"), "more.pdf", testPDF(10))
	}
	var page listJSON[fileJSON]
	json.Unmarshal(e.do(req{path: "/api/v1/files?limit=3", as: "ann"}).Body.Bytes(), &page)
	if len(page.Items) != 3 || page.NextCursor == "" {
		t.Fatalf("first page: %d items, cursor %q", len(page.Items), page.NextCursor)
	}
	wantStatus(t, e.do(req{path: "/api/v1/files?cursor=" + page.NextCursor, as: "bob"}), http.StatusBadRequest)
	var next listJSON[fileJSON]
	json.Unmarshal(e.do(req{path: "/api/v1/files?limit=3&cursor=" + page.NextCursor, as: "ann"}).Body.Bytes(), &next)
	if len(next.Items) != 2 || next.NextCursor != "" {
		t.Errorf("second page: %d items, cursor %q", len(next.Items), next.NextCursor)
	}
}

func TestFileSizes(t *testing.T) {
	en := newFormatter("en")
	cases := map[int64]string{0: "0 B", 999: "999 B", 1000: "1 kB", 1500: "1.5 kB", 25_000_000: "25 MB", 999_999: "1 MB", 1_234_567_890: "1.2 GB"}
	for n, want := range cases {
		if got := (formatter{loc: en.loc, tr: mustLocalizer(t, "en")}).Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
	if got := (formatter{loc: newFormatter("fr").loc, tr: mustLocalizer(t, "fr")}).Size(1_500_000); got != "1,5 Mo" {
		t.Errorf("French Size = %q", got)
	}
}

// mustLocalizer returns the shipped catalog's localizer of lang.
func mustLocalizer(t *testing.T, lang string) *i18n.Localizer {
	t.Helper()
	cat, err := i18n.New(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	return cat.Localizer(lang)
}

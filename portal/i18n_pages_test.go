package portal

import (
	"context"
	"net/http"
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/portal/i18n/i18ntest"
)

// TestTemplatesHaveNoUntranslatedText fails on text a person reads that
// does not come from the message catalogs.
func TestTemplatesHaveNoUntranslatedText(t *testing.T) {
	ps, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	for name, tmpl := range ps.byName {
		if text := i18ntest.Untranslated(tmpl); len(text) > 0 {
			t.Errorf("page %s: untranslated text %q", name, text)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.DefaultLanguage = "fr" })
	tests := []struct {
		name   string
		r      req
		prefs  *bridge.Preferences
		want   []string
		status int
	}{
		{"default", req{path: "/clients/invoices", as: "ann"}, nil,
			[]string{`<html lang="fr"`, "<h1>Factures</h1>", "En retard"}, http.StatusOK},
		{"browser", req{path: "/clients/invoices", as: "ann", header: map[string]string{"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"}}, nil,
			[]string{`<html lang="nl"`, "<h1>Facturen</h1>", "Te laat", "05-01-2026"}, http.StatusOK},
		{"malformed header", req{path: "/clients/invoices", as: "ann", header: map[string]string{"Accept-Language": "en;q=x,,;;de-"}}, nil,
			[]string{`<html lang="fr"`}, http.StatusOK},
		{"saved preference wins", req{path: "/clients/invoices", as: "ann", header: map[string]string{"Accept-Language": "nl"}},
			&bridge.Preferences{ContactID: "ann", Language: "de"}, []string{`<html lang="de"`, "<h1>Rechnungen</h1>", "05.01.2026"}, http.StatusOK},
		{"unknown saved language", req{path: "/clients/invoices", as: "ann"},
			&bridge.Preferences{ContactID: "ann", Language: "tlh", TimeZone: "Mars/Base"}, []string{`<html lang="fr"`, "<h1>Factures</h1>"}, http.StatusOK},
		{"visitor 404", req{path: "/nowhere?lang=es"}, nil,
			[]string{`<html lang="es"`, "No encontrado", "Cómo contactar con"}, http.StatusNotFound},
		{"signed-in 404 has the menu", req{path: "/clients/nowhere", as: "ann", header: map[string]string{"Accept-Language": "de"}}, nil,
			[]string{`<html lang="de"`, "Nicht gefunden", `<nav id="nav"`, "Abmelden", "Zurück zur Übersicht"}, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := bridge.Preferences{ContactID: "ann"}
			if tt.prefs != nil {
				p = *tt.prefs
			}
			if err := e.store.SavePreferences(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			w := e.do(tt.r)
			wantStatus(t, w, tt.status)
			wantBody(t, w, tt.want...)
		})
	}
}

func TestCRMLocaleRefinesFormats(t *testing.T) {
	e := newEnv(t, nil)
	ann := e.ann
	ann.Locale = "en-GB"
	e.crm.AddContact(ann)
	w := e.do(req{path: "/clients/invoices", as: "ann"})
	wantBody(t, w, `<html lang="en"`, "5 Jan 2026")
	ann.Locale = "de-AT"
	e.crm.AddContact(ann)
	w = e.do(req{path: "/clients/invoices", as: "ann", header: map[string]string{"Accept-Language": "fr"}})
	wantBody(t, w, `<html lang="de"`, "Rechnungen")
}

func TestVisitorLanguageCookie(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/nowhere?lang=nl"})
	wantBody(t, w, "Niet gevonden")
	if c := w.Header().Get("Set-Cookie"); c == "" || !containsAll(c, "clientgate_lang=nl", "HttpOnly", "Secure") {
		t.Errorf("Set-Cookie = %q", c)
	}
	w = e.do(req{path: "/nowhere", header: map[string]string{"Cookie": "clientgate_lang=nl"}})
	wantBody(t, w, "Niet gevonden")
	w = e.do(req{path: "/nowhere?lang=xx", header: map[string]string{"Cookie": "clientgate_lang=zz"}})
	wantBody(t, w, "Not found")
}

package i18n

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
)

// pluralForms are the CLDR plural categories.
var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// flatMessages reads a language's catalogs into ID → text; a plural
// message gives ID#form → text for each form. An ID defined in two of the
// language's files fails the test.
func flatMessages(t *testing.T, lang string) map[string]string {
	t.Helper()
	files, err := catalogFiles(lang)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := localeFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var tree map[string]any
		if err := toml.Unmarshal(raw, &tree); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		one := map[string]string{}
		flatten("", tree, one)
		for id, text := range one {
			if _, dup := out[id]; dup {
				t.Errorf("%s: message %q is defined in another %s catalog too", f, id, lang)
			}
			out[id] = text
		}
	}
	return out
}

func flatten(prefix string, v map[string]any, out map[string]string) {
	plural := len(v) > 0
	for k := range v {
		plural = plural && pluralForms[k]
	}
	for k, child := range v {
		id := strings.TrimPrefix(prefix+"."+k, ".")
		if plural {
			id = prefix + "#" + k
		}
		switch c := child.(type) {
		case string:
			out[id] = c
		case map[string]any:
			flatten(id, c, out)
		}
	}
}

// messageIDs returns the IDs of a flattened catalog, plural forms folded.
func messageIDs(m map[string]string) []string {
	ids := map[string]bool{}
	for k := range m {
		id, _, _ := strings.Cut(k, "#")
		ids[id] = true
	}
	return slices.Sorted(maps.Keys(ids))
}

func TestEveryLanguageHasEveryMessage(t *testing.T) {
	en := messageIDs(flatMessages(t, English))
	if len(en) < 100 {
		t.Fatalf("the English catalog has only %d messages", len(en))
	}
	for _, lang := range Shipped()[1:] {
		got := messageIDs(flatMessages(t, lang))
		for _, id := range en {
			if !slices.Contains(got, id) {
				t.Errorf("%s lacks %s", lang, id)
			}
		}
		for _, id := range got {
			if !slices.Contains(en, id) {
				t.Errorf("%s has %s, which English does not", lang, id)
			}
		}
	}
}

// placeholder finds the fields a message template reads.
var placeholder = regexp.MustCompile(`\{\{[^}]*?\.([A-Z][A-Za-z]*)[^}]*\}\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestTranslationsKeepPlaceholders(t *testing.T) {
	en := flatMessages(t, English)
	enByID := map[string][]string{}
	for k, v := range en {
		id, _, _ := strings.Cut(k, "#")
		enByID[id] = placeholders(v)
	}
	for _, lang := range Shipped() {
		for k, v := range flatMessages(t, lang) {
			id, _, _ := strings.Cut(k, "#")
			if got, want := placeholders(v), enByID[id]; !slices.Equal(got, want) && !(strings.Contains(k, "#") && lang != English) {
				t.Errorf("%s %s: placeholders %q, English has %q", lang, k, got, want)
			}
		}
	}
}

func TestPluralsInEveryLanguage(t *testing.T) {
	bundle, _, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	var plurals []string
	for k := range flatMessages(t, English) {
		if id, _, ok := strings.Cut(k, "#"); ok && !slices.Contains(plurals, id) {
			plurals = append(plurals, id)
		}
	}
	for _, lang := range Shipped() {
		l := goi18n.NewLocalizer(bundle, lang)
		for _, id := range plurals {
			for _, n := range []int{0, 1, 2, 3, 5, 11, 21, 100, 1000000} {
				s, tag, err := l.LocalizeWithTag(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n,
					TemplateData: map[string]any{"Count": n}})
				if err != nil || tag.String() != lang || s == "" {
					t.Errorf("%s %s for %d: %q in %s, %v", lang, id, n, s, tag, err)
				}
			}
		}
	}
}

func TestLocalizer(t *testing.T) {
	c, err := New(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	de := c.Localizer("de")
	if got := de.T("invoice.heading", "Number", "R-1"); got != "Rechnung R-1" {
		t.Errorf("de invoice.heading = %q", got)
	}
	if got := de.N("age.minutes", 1000); got != "1.000 Minuten" {
		t.Errorf("de age.minutes(1000) = %q", got)
	}
	fr := c.Localizer("fr")
	if got := fr.N("dashboard.unpaid_label", 0); got != "facture impayée" {
		t.Errorf("fr unpaid label for 0 = %q (French uses the singular for 0)", got)
	}
	if got := c.Localizer("xx").Lang(); got != English {
		t.Errorf("unknown language falls back to %q", got)
	}
	if got := de.T("no.such.message"); got != "no.such.message" {
		t.Errorf("unknown message = %q", got)
	}
	if got := fr.CountryName("DE"); got != "Allemagne" {
		t.Errorf("fr CountryName(DE) = %q", got)
	}
	if got := fr.CountryName("Germany"); got != "Germany" {
		t.Errorf("free-text country = %q", got)
	}
	countries := c.Localizer("nl").Countries()
	if len(countries) < 240 || countries[0].Name > countries[len(countries)-1].Name {
		t.Errorf("nl countries: %d, first %v", len(countries), countries[0])
	}
}

func TestChoose(t *testing.T) {
	c, err := New([]string{"en", "de", "fr"}, "de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		candidates []string
		lang, tag  string
	}{
		{[]string{"fr"}, "fr", "fr"},
		{[]string{"", "es-ES", "en-GB,en;q=0.8"}, "en", "en-GB"},
		{[]string{"de-CH;q=0.9, nl;q=0.95"}, "de", "de-CH"},
		{[]string{"xx-invalid;;q=abc"}, "de", "de"},
		{[]string{"*"}, "de", "de"},
		{[]string{strings.Repeat("en,", 300)}, "de", "de"},
		{nil, "de", "de"},
		{[]string{"zh-Hant-TW", "nl-BE"}, "de", "de"},
		{[]string{"tlh", "fr-CA"}, "fr", "fr-CA"},
	}
	for _, tt := range tests {
		got := c.Choose(tt.candidates...)
		if got.Lang != tt.lang || got.Tag.String() != tt.tag {
			t.Errorf("Choose(%q) = %s/%s, want %s/%s", tt.candidates, got.Lang, got.Tag, tt.lang, tt.tag)
		}
	}
	if _, err := New([]string{"en", "klingon"}, "fr"); err == nil || !strings.Contains(err.Error(), "klingon") || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("New with a bad language and default: %v", err)
	}
	names := c.Languages()
	if len(names) != 3 || names[1] != (Language{Code: "de", Name: "Deutsch"}) || names[2].Name != "Français" {
		t.Errorf("Languages = %+v", names)
	}
}

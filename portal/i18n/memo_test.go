package i18n

import (
	"sync"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// unmemoized renders id without arguments straight from a fresh bundle,
// the way Localizer.T did before it kept texts.
func unmemoized(t *testing.T, bundle *goi18n.Bundle, lang, id string) string {
	t.Helper()
	s, err := goi18n.NewLocalizer(bundle, lang, English).Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: map[string]any{}})
	if err != nil && s == "" {
		return id
	}
	return s
}

func TestMemoizedTextsMatchUnmemoized(t *testing.T) {
	c, err := New(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	bundle, _, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Shipped() {
		ids := messageIDs(flatMessages(t, lang))
		l := c.Localizer(lang)
		var wg sync.WaitGroup
		got := make([][]string, 4) // concurrent first uses, then memo reads
		for g := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 2 {
					got[g] = got[g][:0]
					for _, id := range ids {
						got[g] = append(got[g], l.T(id))
					}
				}
			}()
		}
		wg.Wait()
		for i, id := range ids {
			want := unmemoized(t, bundle, lang, id)
			for g := range got {
				if got[g][i] != want {
					t.Errorf("%s %s: T = %q, unmemoized %q", lang, id, got[g][i], want)
				}
			}
			if _, kept := l.plain.load(id); !kept {
				t.Errorf("%s %s: not kept", lang, id)
			}
		}
	}
}

func TestMemoKeepsOnlyCatalogMessages(t *testing.T) {
	c, err := New(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	l := c.Localizer("de")
	tests := []struct {
		id, want string
		kept     bool
	}{
		{"invoices.heading", "Rechnungen", true},
		{"status.no-such-status", "status.no-such-status", false},
		{"", "", false},
	}
	for _, tt := range tests {
		for range 2 {
			if got := l.T(tt.id); got != tt.want {
				t.Errorf("T(%q) = %q, want %q", tt.id, got, tt.want)
			}
		}
		if _, kept := l.plain.load(tt.id); kept != tt.kept {
			t.Errorf("%q kept = %v, want %v", tt.id, kept, tt.kept)
		}
	}
	if got := l.T("invoice.heading", "Number", "R-1"); got != "Rechnung R-1" {
		t.Errorf("T with arguments after memo use = %q", got)
	}
}

package portal

import "testing"

func TestLayoutTexts(t *testing.T) {
	de := formatter{loc: newFormatter("de").loc, tr: mustLocalizer(t, "de")}
	tests := []struct {
		name    string
		f       formatter
		skip    string
		contact string
	}{
		{"German", de, de.T("layout.skip"), de.T("contact.label", "Name", "Acme & Co")},
		{"no translations", formatter{}, "layout.skip", "contact.label"},
	}
	var lt layoutTexts
	for _, tt := range tests {
		got := lt.of(tt.f, "Acme & Co")
		if got.Skip != tt.skip || got.Contact != tt.contact {
			t.Errorf("%s: Skip %q, Contact %q; want %q, %q", tt.name, got.Skip, got.Contact, tt.skip, tt.contact)
		}
		if again := lt.of(tt.f, "Acme & Co"); again != got {
			t.Errorf("%s: wording translated again", tt.name)
		}
	}
	for m, id := range moduleLabels {
		if got, want := lt.of(de, "").modules[m], de.T(id); got != want || got == id {
			t.Errorf("nav label of %s = %q, want %q", m, got, want)
		}
	}
	if got := lt.of(de, "").overview; got != "Übersicht" {
		t.Errorf("overview label = %q", got)
	}
	if de.T("contact.label", "Name", "Acme & Co") == "contact.label" || lt.of(de, "").Skip == lt.of(formatter{}, "").Skip {
		t.Error("German wording is not translated")
	}
}

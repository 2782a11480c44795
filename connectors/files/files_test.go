package files

import (
	"errors"
	"strings"
	"testing"
)

func TestCleanName(t *testing.T) {
	good := map[string]string{
		"report.pdf":                      "report.pdf",
		"../../../etc/passwd":             "passwd",
		`..\..\windows\win.ini`:           "win.ini",
		"dir/sub/":                        "file",
		" .profile. ":                     "profile",
		"aux.txt":                         "_aux.txt",
		"Com7.doc":                        "_Com7.doc",
		"computer.pdf":                    "computer.pdf",
		"Ångström – Übersicht.pdf":        "Ångström – Übersicht.pdf",
		"e\u0301t\u00e9.txt":              "\u00e9t\u00e9.txt", // NFC
		"发票 2026.pdf":                     "发票 2026.pdf",
		"فاتورة.pdf":                      "فاتورة.pdf",
		"what?.pdf":                       "what_.pdf",
		strings.Repeat("a", 400) + ".pdf": strings.Repeat("a", 251) + ".pdf",
	}
	for in, want := range good {
		got, err := CleanName(in)
		if err != nil || got != want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", in, got, err, want)
		}
		if len(got) > MaxNameBytes {
			t.Errorf("CleanName(%q) is %d bytes", in, len(got))
		}
	}
	for _, bad := range []string{"a\u202eb.pdf", "a\u2066b", "tab\there", "new\nline", "nul\x00", "\xff\xfe", "\u2028"} {
		if got, err := CleanName(bad); !errors.Is(err, ErrName) {
			t.Errorf("CleanName(%q) = %q, %v; want ErrName", bad, got, err)
		}
	}
}

func TestTypes(t *testing.T) {
	if _, err := NewTypes(DefaultTypes); err != nil {
		t.Fatalf("the default allowlist: %v", err)
	}
	for _, bad := range []string{"application/x-nonsense", "pdf", "text/plain; charset=utf-8", "", " image/png"} {
		if KnownType(bad) {
			t.Errorf("KnownType(%q) = true", bad)
		}
	}
	if _, err := NewTypes([]string{"image/png", "bogus/type"}); err == nil || !strings.Contains(err.Error(), "bogus/type") {
		t.Errorf("NewTypes with an unknown type: %v", err)
	}
	if _, err := NewTypes(nil); err == nil {
		t.Error("an empty allowlist was accepted")
	}
	text, _ := NewTypes([]string{"text/plain"})
	for _, c := range []struct {
		head string
		ok   bool
	}{
		{"just some words", true},
		{"<html><body><script>x()</script></body></html>", false},
		{`{"json": true}`, false},
		{"%PDF-1.4\n", false},
	} {
		if _, err := text.Check([]byte(c.head)); (err == nil) != c.ok {
			t.Errorf("text/plain only, %q: %v", c.head, err)
		}
	}
}

func TestFitExtension(t *testing.T) {
	pdf := Detected{Type: "application/pdf", Extension: ".pdf"}
	jpeg := Detected{Type: "image/jpeg", Extension: ".jpg"}
	txt := Detected{Type: "text/plain; charset=utf-8", Extension: ".txt"}
	cases := []struct {
		name string
		d    Detected
		want string
	}{
		{"a.pdf", pdf, "a.pdf"}, {"A.PDF", pdf, "A.PDF"}, {"a", pdf, "a.pdf"}, {"a.exe", pdf, "a.exe.pdf"},
		{"photo.jpeg", jpeg, "photo.jpeg"}, {"photo.JPG", jpeg, "photo.JPG"}, {"photo.png", jpeg, "photo.png.jpg"},
		{"notes.md", txt, "notes.md"}, {"page.html", txt, "page.html.txt"}, {"x.js", txt, "x.js.txt"},
	}
	for _, c := range cases {
		if got := FitExtension(c.name, c.d); got != c.want {
			t.Errorf("FitExtension(%q, %s) = %q, want %q", c.name, c.d.Type, got, c.want)
		}
	}
}

func TestAccess(t *testing.T) {
	a := Access{ContactID: "c1", CompanyID: "co1"}
	if !a.Sees(ContactOwner("c1")) || !a.Sees(CompanyOwner("co1")) || a.Sees(ContactOwner("co1")) ||
		a.Sees(CompanyOwner("c1")) || a.Sees(Owner{Kind: OwnerPost, ID: "c1"}) || (Access{}).Sees(ContactOwner("")) {
		t.Error("Access.Sees mixes up owners")
	}
	if (Access{ContactID: "x\x00"}).Valid() || (Access{}).Valid() || !a.Valid() {
		t.Error("Access.Valid")
	}
	if err := Refusal(errors.Join(errors.New("x"), ErrQuota)); err != ErrQuota {
		t.Errorf("Refusal = %v", err)
	}
}

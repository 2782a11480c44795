package connectors

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		rule TextRule
		want error
	}{
		{"plain", "Zoë Ångström-Müller 😀", TextRule{}, nil},
		{"right-to-left script", "שלום مرحبا", TextRule{}, nil},
		{"zero-width joiner (emoji, Persian)", "👩\u200d💻 می\u200cخواهم", TextRule{}, nil},
		{"genuine replacement character", "a\uFFFDb", TextRule{}, nil},
		{"invalid UTF-8", "a\xffb", TextRule{}, ErrTextEncoding},
		{"truncated sequence", "caf\xc3", TextRule{}, ErrTextEncoding},
		{"NUL", "a\x00b", TextRule{}, ErrTextControl},
		{"escape", "a\x1b[31mb", TextRule{}, ErrTextControl},
		{"C1 control", "a\u0085b", TextRule{}, ErrTextControl},
		{"line feed in one line", "a\nb", TextRule{}, ErrTextControl},
		{"line separator", "a\u2028b", TextRule{}, ErrTextControl},
		{"byte order mark", "\ufeffa", TextRule{}, ErrTextControl},
		{"right-to-left override", "invoice\u202efdp.exe", TextRule{}, ErrTextBidi},
		{"left-to-right embedding", "a\u202ab", TextRule{}, ErrTextBidi},
		{"first strong isolate", "a\u2068b\u2069", TextRule{}, ErrTextBidi},
		{"multiline allows LF, CRLF, tab", "a\r\nb\n\tc", TextRule{Multiline: true}, nil},
		{"multiline refuses lone CR", "a\rb", TextRule{Multiline: true}, ErrTextControl},
		{"multiline still refuses bidi", "a\n\u202eb", TextRule{Multiline: true}, ErrTextBidi},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText(tt.in, tt.rule)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("CheckText(%q) = %v, want %v", tt.in, err, tt.want)
			}
			if tt.want != nil && TextProblem(err) != tt.want.Error() {
				t.Errorf("TextProblem = %q", TextProblem(err))
			}
		})
	}
}

func TestPatchRefusesBidiOverride(t *testing.T) {
	p := ContactPatch{FieldAddressCity: "Leeds\u202e", FieldFirstName: "Ann"}
	var verr *ValidationError
	if err := p.Validate(); !errors.As(err, &verr) || verr.Fields[string(FieldAddressCity)] != ErrTextBidi.Error() || len(verr.Fields) != 1 {
		t.Errorf("Validate = %v", err)
	}
}

func TestTextRule(t *testing.T) {
	line := TextRule{Max: 5, Required: true}
	multi := TextRule{Max: 20, Multiline: true}
	tests := []struct {
		rule TextRule
		v    string
		want string // a substring of the problem; "" for none
	}{
		{line, "héllo", ""},
		{line, "", "required"},
		{line, "toolong", "too long (at most 5"},
		{line, "a\nb", "control"},
		{line, "a\tb", "control"},
		{line, "\xff", "not valid text"},
		{line, "a\u202eb", "direction"},
		{line, "a\u2067b", "direction"},
		{multi, "", ""},
		{multi, "a\nb\tc", ""},
		{multi, "a\x00", "control"},
		{multi, "a\x1b[31m", "control"},
		{multi, "<script>", ""},
	}
	for _, tt := range tests {
		got := tt.rule.Problem(tt.v)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%+v.Problem(%q) = %q, want %q", tt.rule, tt.v, got, tt.want)
		}
	}
	if got := CleanText("  a\r\nb\rc \n"); got != "a\nb\nc" {
		t.Errorf("CleanText = %q", got)
	}
}

func TestNewTicketValidateReportsEveryField(t *testing.T) {
	nt := NewTicket{Subject: "", Category: strings.Repeat("x", MaxCategoryLength+1), Body: "\x00", AuthorName: "a\nb"}
	err := nt.Validate()
	verr, ok := err.(*ValidationError)
	if !ok || len(verr.Fields) != 4 {
		t.Fatalf("Validate = %v, want problems with 4 fields", err)
	}
	ok2 := NewTicket{Subject: " Hi ", Body: "\r\nLine\r\n"}
	if err := ok2.Validate(); err != nil || ok2.Subject != "Hi" || ok2.Body != "Line" {
		t.Errorf("Validate cleaned to %+v (%v)", ok2, err)
	}
}

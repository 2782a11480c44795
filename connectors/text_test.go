package connectors

import (
	"strings"
	"testing"
)

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

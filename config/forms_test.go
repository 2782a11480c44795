package config

import (
	"os"
	"strings"
	"testing"
)

// exampleForms is the commented example of forms in the example file,
// uncommented.
func exampleForms(t *testing.T) string {
	t.Helper()
	text, err := os.ReadFile("../clientgate.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(text), "# forms:\n")
	if !ok {
		t.Fatal("the example file has no commented forms")
	}
	out := "forms:\n"
	for _, line := range strings.Split(rest, "\n") {
		body, ok := strings.CutPrefix(line, "# ")
		if !ok {
			break
		}
		out += body + "\n"
	}
	return out
}

// TestExampleForms: the example file's two forms, once uncommented, load
// and validate as they are.
func TestExampleForms(t *testing.T) {
	c, err := Load(writeFile(t, "forms.yaml", exampleForms(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Auth = validConfig().Auth
	if err := c.Validate(); err != nil {
		t.Fatalf("the example forms: %v", err)
	}
	if len(c.Forms) != 2 || c.Forms[0].Key != "quote" || c.Forms[1].Title != "Onboarding questionnaire" {
		t.Fatalf("forms %+v", c.Forms)
	}
	types := map[string]bool{}
	for _, f := range c.Forms {
		for _, fd := range f.Fields {
			types[fd.Type] = true
		}
	}
	for _, ty := range FormFieldTypes {
		if !types[ty] {
			t.Errorf("the examples show no %s field", ty)
		}
	}
	if got := c.Forms[0].Fields[0]; got.Label != "What do you need?" || !got.Required || got.Help == "" {
		t.Errorf("first field %+v", got)
	}
}

// TestFormsValidation lists every problem of bad forms at once.
func TestFormsValidation(t *testing.T) {
	c := validConfig()
	c.Forms = []FormConfig{
		{Key: "Quote!", Title: "", Fields: nil},
		{Key: "dup", Title: "A\ttitle", Intro: strings.Repeat("x", 2001), Fields: []FormFieldConfig{
			{Name: "a", Label: "A", Type: "text", Options: []string{"x"}},
			{Name: "a", Label: "", Type: "colour"},
			{Name: "pick", Label: "Pick", Type: "choice"},
			{Name: "pick2", Label: "Pick", Type: "choice", Options: []string{"x", "x", " y", ""}},
			{Name: "csrf token", Label: strings.Repeat("l", 81), Type: "file", Help: "line\nbreak"},
		}},
		{Key: "dup", Title: "Again", Fields: []FormFieldConfig{{Name: "b", Label: "B", Type: "number"}}},
	}
	got := strings.Join(problemsOf(t, c.Validate()), "\n")
	for _, want := range []string{
		`forms[0].key: "Quote!" must be`, "forms[0].title: is required", "forms[0].fields: list 1 to 30 fields",
		"forms[1].title: contains control characters", "forms[1].intro: is too long",
		"forms[1].fields[0].options: only a choice field has options",
		`forms[1].fields[1].name: "a" is used by another field`, "forms[1].fields[1].label: is required",
		`forms[1].fields[1].type: "colour" must be one of text, long_text, number, date, choice, file`,
		"forms[1].fields[2].options: a choice field needs its options",
		`forms[1].fields[3].options[1]: "x" is listed twice`, "forms[1].fields[3].options[2]: must not start or end with spaces",
		"forms[1].fields[3].options[3]: is required",
		`forms[1].fields[4].name: "csrf token" must be`, "forms[1].fields[4].label: is too long",
		"forms[1].fields[4].help: contains control characters",
		`forms[2].key: "dup" is used by another form`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// TestFormsUnknownKey: a misspelt key in a form is an error with its line.
func TestFormsUnknownKey(t *testing.T) {
	_, err := Load(writeFile(t, "bad.yaml", "forms:\n  - key: quote\n    titel: Quote\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "titel") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("misspelt key: %v", err)
	}
}

package portal

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// Limits of answers, in characters.
const (
	maxShortAnswer  = 200
	maxLongAnswer   = 5000
	maxNumberAnswer = 30
)

// The words of the forms' own field errors (English, as the API shows
// them; formError translates them for pages).
const (
	answerNotNumber = "is not a number"
	answerNotDate   = "is not a date (YYYY-MM-DD)"
	answerNotOption = "is not one of the options"
	answerNotFile   = "must be sent as a file (multipart/form-data)"
	answerUnknown   = "is not a field of this form"
)

// numberAnswer is a number as people type it: digits with one decimal
// point or comma, an optional sign (spaces are taken out first).
var numberAnswer = regexp.MustCompile(`^[+-]?([0-9]+([.,][0-9]+)?|[.,][0-9]+)$`)

// answers are one submission of a form: text answers and files by the
// field's name.
type answers struct {
	values map[string]string
	files  map[string][]files.File
}

// check validates every answer, cleaning the text ones in place, and
// reports each problem by field name as a *connectors.ValidationError.
func (f Form) check(a answers) error {
	var verr connectors.ValidationError
	for name := range a.values {
		if _, ok := f.field(name); !ok {
			verr.Add(name, answerUnknown)
		}
	}
	for _, fd := range f.Fields {
		if msg := fd.check(a); msg != "" {
			verr.Add(fd.Name, msg)
		}
	}
	return verr.OrNil()
}

// check validates the field's answer in a.
func (fd FormField) check(a answers) string {
	if fd.Type == FieldFile {
		if _, typed := a.values[fd.Name]; typed {
			return answerNotFile
		}
		if fd.Required && len(a.files[fd.Name]) == 0 {
			return "is required"
		}
		return ""
	}
	v := connectors.CleanText(a.values[fd.Name])
	if fd.Type == FieldNumber {
		v = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'' {
				return -1
			}
			return r
		}, v)
	}
	if _, sent := a.values[fd.Name]; sent {
		a.values[fd.Name] = v
	}
	if msg := fd.rule().Problem(v); msg != "" || v == "" {
		return msg
	}
	switch fd.Type {
	case FieldNumber:
		if !numberAnswer.MatchString(v) {
			return answerNotNumber
		}
	case FieldDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return answerNotDate
		}
	case FieldChoice:
		if !slices.Contains(fd.Options, v) {
			return answerNotOption
		}
	}
	return ""
}

// rule is the text rule of the field's answer.
func (fd FormField) rule() connectors.TextRule {
	r := connectors.TextRule{Max: maxShortAnswer, Required: fd.Required}
	switch fd.Type {
	case FieldLongText:
		r.Max, r.Multiline = maxLongAnswer, true
	case FieldNumber, FieldDate:
		r.Max = maxNumberAnswer
	}
	return r
}

// layout writes the answers as the first post of the form's ticket, in
// the form's order: "Label: answer" on one line, a long answer on the
// lines below its label, a file field's file names; unanswered optional
// fields are left out. It reports the long-text field to shorten, and by
// how many characters, when the result is longer than a post may be.
func (f Form) layout(a answers) (body string, over string, by int) {
	var b strings.Builder
	longest := ""
	for _, fd := range f.Fields {
		v := a.values[fd.Name]
		if fd.Type == FieldFile {
			var names []string
			for _, file := range a.files[fd.Name] {
				names = append(names, file.Name)
			}
			v = strings.Join(names, ", ")
		}
		if v == "" {
			continue
		}
		if fd.Type == FieldLongText {
			b.WriteString("\n" + fd.Label + ":\n" + v + "\n\n")
			if longest == "" || utf8.RuneCountInString(v) > utf8.RuneCountInString(a.values[longest]) {
				longest = fd.Name
			}
			continue
		}
		b.WriteString(fd.Label + ": " + v + "\n")
	}
	body = strings.TrimSpace(b.String())
	if n := utf8.RuneCountInString(body); n > connectors.MaxBodyLength {
		return body, longest, n - connectors.MaxBodyLength
	}
	return body, "", 0
}

// formErrors are the forms' own field errors by their words.
var formErrors = map[string]string{
	answerNotNumber: "forms.error.number",
	answerNotDate:   "forms.error.date",
	answerNotOption: "forms.error.choice",
	answerNotFile:   "forms.error.not_file",
	answerUnknown:   "forms.error.unknown",
}

// formError shows what is wrong with an answer in f's language.
func formError(f formatter, words string) string {
	if id, ok := formErrors[words]; ok {
		return f.T(id)
	}
	return textError(f, words)
}

package portal

import (
	"sort"
	"strings"
)

// errorPage is what the error page shows, in the client's language.
type errorPage struct {
	Title, Detail, Next string
	Fields              []fieldProblem
	// Retry and ProviderSignOut are links offered by sign-in refusals.
	Retry, ProviderSignOut string
}

// fieldProblem is one rejected field with what is wrong, in words.
type fieldProblem struct {
	Name, Label, Error string
}

// errorPageOf translates an httpError for the error page.
func errorPageOf(f formatter, he *httpError) errorPage {
	p := errorPage{Title: f.T(he.Title), Detail: f.T(he.Detail)}
	if he.Next != "" {
		p.Next = f.T(he.Next)
	}
	names := make([]string, 0, len(he.Fields))
	for name := range he.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p.Fields = append(p.Fields, fieldProblem{Name: name, Label: f.Field(name), Error: f.T(validationMessage(he.Fields[name]))})
	}
	return p
}

// validationMessages map what connectors say about a rejected value
// (English, for logs and the API) to the message shown to clients.
var validationMessages = map[string]string{
	"is not a field that can be changed":                      "validation.unknown_field",
	"cannot be changed in this portal":                        "validation.not_editable",
	"cannot be changed in this CRM":                           "validation.not_editable",
	"is not valid text":                                       "validation.invalid_text",
	"is too long":                                             "validation.too_long",
	"contains control characters":                             "validation.control_chars",
	"contains invisible direction-changing characters":        "validation.bidi",
	"is not a valid email address":                            "validation.not_email",
	"contains characters the CRM cannot store, such as emoji": "validation.emoji",
	"must not contain < or >":                                 "validation.angle_brackets",
	"is not a phone number":                                   "validation.not_phone",
	"is required":                                             "validation.required",
	"is not a country":                                        "validation.not_country",
	"is not an offered language":                              "validation.language",
	"is not a time zone":                                      "validation.timezone",
}

// validationMessage returns the message ID for a connector's words, a
// general one for words it does not know.
func validationMessage(words string) string {
	if id, ok := validationMessages[strings.TrimSpace(words)]; ok {
		return id
	}
	return "validation.rejected"
}

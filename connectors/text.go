package connectors

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextRule says what a piece of text typed by a person may be. Problem
// checks a value against it; the messages are safe to show to the person
// who typed it. (The shared text rules of the portal's other writes may
// replace this one; the checks are the same: valid UTF-8, a length in
// characters, no control characters, no bidirectional overrides.)
type TextRule struct {
	// Max is the most characters (runes) allowed; 0 means no limit.
	Max int
	// Multiline allows line breaks and tabs.
	Multiline bool
	// Required refuses a value that is empty after trimming.
	Required bool
}

// CleanText trims surrounding white space and turns CRLF and CR line
// breaks into LF, as text is stored.
func CleanText(v string) string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	v = strings.ReplaceAll(v, "\r", "\n")
	return strings.TrimSpace(v)
}

// Problem returns what is wrong with v (already cleaned with CleanText),
// or "" when it follows the rule.
func (r TextRule) Problem(v string) string {
	switch {
	case !utf8.ValidString(v):
		return "is not valid text"
	case r.Required && v == "":
		return "is required"
	case r.Max > 0 && utf8.RuneCountInString(v) > r.Max:
		return fmt.Sprintf("is too long (at most %d characters)", r.Max)
	case strings.IndexFunc(v, r.forbiddenControl) >= 0:
		return "contains control characters"
	case strings.IndexFunc(v, isBidiControl) >= 0:
		return "contains invisible characters that change the text's direction"
	}
	return ""
}

// forbiddenControl reports control characters other than the line
// breaks and tabs a multi-line text may hold.
func (r TextRule) forbiddenControl(c rune) bool {
	if r.Multiline && (c == '\n' || c == '\t') {
		return false
	}
	return unicode.IsControl(c)
}

// isBidiControl reports the explicit directional embeddings, overrides
// and isolates, which can make text read differently from how it is
// stored ("Trojan Source").
func isBidiControl(c rune) bool {
	return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
}

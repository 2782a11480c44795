package connectors

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons CheckText gives, usable as a field error's message.
var (
	// ErrTextEncoding means the text is not valid UTF-8.
	ErrTextEncoding = errors.New("is not valid text")
	// ErrTextControl means the text holds a control character, such as a
	// NUL, a line break where none is allowed, or an escape.
	ErrTextControl = errors.New("contains control characters")
	// ErrTextBidi means the text holds a bidirectional override, embedding
	// or isolate, which can make text display differently from what it
	// holds (such as a file name "invoice‮fdp.exe").
	ErrTextBidi = errors.New("contains invisible direction-changing characters")
)

// TextRule says what a piece of text typed by a person may be: which
// otherwise refused characters it may hold (CheckText), and how long it
// may be and whether it is required (Problem).
type TextRule struct {
	// Multiline allows line feeds and tabs (messages, ticket bodies); a
	// carriage return is allowed only before a line feed.
	Multiline bool
	// Max is the most characters (runes) allowed; 0 means no limit.
	Max int
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
// or "" when it follows the rule: its characters as CheckText judges
// them, then its presence and length. The messages are safe to show to
// the person who typed it.
func (r TextRule) Problem(v string) string {
	if err := CheckText(v, r); err != nil {
		return TextProblem(err)
	}
	switch {
	case r.Required && v == "":
		return "is required"
	case r.Max > 0 && utf8.RuneCountInString(v) > r.Max:
		return fmt.Sprintf("is too long (at most %d characters)", r.Max)
	}
	return ""
}

// CheckText returns nil when s is valid UTF-8 with no control characters
// (except those rule allows), no bidirectional overrides, embeddings or
// isolates (U+202A–U+202E, U+2066–U+2069), no line or paragraph separators
// (U+2028, U+2029), no byte order mark and no interlinear annotation
// characters; otherwise one of ErrTextEncoding, ErrTextControl or
// ErrTextBidi, wrapped with the offending position. Every value a client
// writes (contact details, ticket and message text, file names) passes
// through it before it reaches a CRM or a store.
func CheckText(s string, rule TextRule) error {
	for i, r := range s {
		if err := checkRune(s, i, r, rule); err != nil {
			return fmt.Errorf("%w (at byte %d)", err, i)
		}
	}
	return nil
}

func checkRune(s string, i int, r rune, rule TextRule) error {
	switch {
	case r == utf8.RuneError && !isEncodedReplacement(s, i):
		return ErrTextEncoding
	case rule.Multiline && (r == '\n' || r == '\t'):
		return nil
	case rule.Multiline && r == '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return nil
		}
		return ErrTextControl
	case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\ufeff', r >= '\ufff9' && r <= '\ufffb':
		return ErrTextControl
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return ErrTextBidi
	}
	return nil
}

// isEncodedReplacement reports whether the rune at i is a genuine U+FFFD
// (three bytes EF BF BD) rather than the marker of an invalid byte.
func isEncodedReplacement(s string, i int) bool {
	return len(s) >= i+3 && s[i:i+3] == "\uFFFD"
}

// TextProblem returns the short message of CheckText's error, for a field
// error ("contains control characters"), or "" for nil.
func TextProblem(err error) string {
	for _, e := range []error{ErrTextEncoding, ErrTextControl, ErrTextBidi} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

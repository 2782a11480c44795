package importfile

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"clientgate/connectors"
)

// maxText is the longest free-text value accepted, in characters.
const maxText = 10000

// reader reads the fields of one JSON object, reporting every problem and
// remembering which keys it used so that done can reject the others.
type reader struct {
	ps    *problems
	path  string
	n     *node
	used  map[string]bool
	lines map[string]int
}

func newReader(ps *problems, path string, n *node) *reader {
	return &reader{ps: ps, path: path, n: n, used: map[string]bool{}, lines: map[string]int{}}
}

// problem records a problem with one field.
func (r *reader) problem(key string, line int, msg string) { r.ps.add(join(r.path, key), line, msg) }

// get returns a field's value when it is present and not null.
func (r *reader) get(key string) *node {
	r.used[key] = true
	v := r.n.field(key)
	if v == nil || v.kind == kNull {
		return nil
	}
	r.lines[key] = v.line
	return v
}

// typed returns a field's value when it has kind k; a missing required
// field or a value of another kind is a problem.
func (r *reader) typed(key string, k kind, required bool) *node {
	v := r.get(key)
	switch {
	case v == nil && required:
		r.problem(key, r.n.line, "is required")
	case v != nil && v.kind != k:
		r.problem(key, v.line, "must be "+k.String()+", not "+v.kind.String())
		return nil
	}
	return v
}

// str reads a one-line text field, trimmed; "" when absent.
func (r *reader) str(key string, required bool) string {
	return r.text(key, required, false)
}

// block reads an optional text field that may span lines (notes,
// descriptions).
func (r *reader) block(key string) string { return r.text(key, false, true) }

// text reads a text field, trimmed; control characters are rejected
// except line breaks and tabs when multiline is set.
func (r *reader) text(key string, required, multiline bool) string {
	v := r.typed(key, kString, required)
	if v == nil {
		return ""
	}
	s := strings.TrimSpace(v.text)
	switch {
	case s == "" && required:
		r.problem(key, v.line, "must not be empty")
	case utf8.RuneCountInString(s) > maxText:
		r.problem(key, v.line, "is too long")
	case strings.ContainsFunc(s, func(c rune) bool { return unicode.IsControl(c) && !(multiline && strings.ContainsRune("\r\n\t", c)) }):
		r.problem(key, v.line, "contains control characters")
	}
	return s
}

// email reads an email address field.
func (r *reader) email(key string, required bool) string {
	s := r.str(key, required)
	if s == "" {
		return ""
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		r.problem(key, r.lines[key], quote(s)+" is not an email address")
	}
	return s
}

// boolean reads a true/false field, def when absent.
func (r *reader) boolean(key string, def bool) bool {
	if v := r.typed(key, kBool, false); v != nil {
		return v.b
	}
	return def
}

// when reads an RFC 3339 time or a YYYY-MM-DD date (midnight UTC).
func (r *reader) when(key string, required bool) time.Time {
	s := r.str(key, required)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		r.problem(key, r.lines[key], quote(s)+" is not an RFC 3339 time such as 2025-01-31T09:00:00Z")
	}
	return t.UTC()
}

// currency reads an ISO 4217 code; "" when missing or unknown.
func (r *reader) currency(key string) string {
	s := strings.ToUpper(r.str(key, true))
	if s == "" {
		return ""
	}
	if _, err := connectors.ParseMoney("0", s); err != nil {
		r.problem(key, r.lines[key], quote(s)+" is not an ISO 4217 currency code")
		return ""
	}
	return s
}

// money reads a decimal string in currency cur (which may be "" when the
// document's currency was bad; amounts are still checked).
func (r *reader) money(key, cur string, required bool) connectors.Money {
	s := r.str(key, required)
	if s == "" {
		return connectors.Money{Currency: cur}
	}
	m, err := connectors.ParseMoney(s, cur)
	switch {
	case err == nil:
	case !isDecimal(s):
		r.problem(key, r.lines[key], quote(s)+" is not a decimal amount")
	case strings.Contains(err.Error(), "decimal places"):
		r.problem(key, r.lines[key], quote(s)+" has more decimal places than "+orDefault(cur, "the currency")+" allows")
	default:
		r.problem(key, r.lines[key], quote(s)+" is out of range")
	}
	return m
}

// decimal reads a non-negative decimal string such as a quantity.
func (r *reader) decimal(key, def string) string {
	s := r.str(key, false)
	if s == "" {
		return def
	}
	if !isDecimal(s) || strings.HasPrefix(s, "-") {
		r.problem(key, r.lines[key], quote(s)+" is not a decimal number")
	}
	return s
}

// object reads a nested object field, or nil when absent.
func (r *reader) object(key string) *reader {
	v := r.typed(key, kObject, false)
	if v == nil {
		return nil
	}
	return newReader(r.ps, join(r.path, key), v)
}

// array reads an array field's elements.
func (r *reader) array(key string) []*node {
	if v := r.typed(key, kArray, false); v != nil {
		return v.elems
	}
	return nil
}

// done reports every key that was not read.
func (r *reader) done() {
	for i, k := range r.n.keys {
		if !r.used[k] {
			r.problem(k, r.n.vals[i].line, "is not a known field")
		}
	}
}

// pos returns the Pos of the object as item index of section.
func (r *reader) pos(section string, index int) Pos {
	return Pos{Section: section, Index: index, Line: r.n.line, lines: r.lines}
}

// decimalRE matches a plain decimal number such as "-12", "1506.00".
var decimalRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func isDecimal(s string) bool { return decimalRE.MatchString(s) }

func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

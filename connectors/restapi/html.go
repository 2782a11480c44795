package restapi

import (
	"html"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// breaks matches the tags that end a line or a paragraph in HTML text.
var breaks = regexp.MustCompile(`(?i)<br\s*/?>|</(p|div|li|tr|h[1-6])\s*>`)

// blankRuns matches runs of blank lines.
var blankRuns = regexp.MustCompile(`\n[ \t]*\n([ \t]*\n)+`)

// plainText turns HTML text from a CRM into plain text: line breaks and
// paragraph ends become newlines, every tag (scripts and styles with their
// content) is dropped by bluemonday's strict policy, and entities such as
// &amp; or &eacute; are decoded. The result is text, never markup: the
// portal escapes it like any other.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	s = breaks.ReplaceAllString(s, "$0\n")
	s = bluemonday.StrictPolicy().Sanitize(s)
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimSpace(blankRuns.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

// fromHTML converts HTML text to plain text, then applies the field's map.
func fromHTML(f *Field, s string) (value, error) {
	plain := plainText(s)
	v, err := fromText(kindString, f, plain)
	if plain != s {
		v.note = "HTML converted to plain text"
	}
	return v, err
}

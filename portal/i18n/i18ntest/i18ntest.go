// Package i18ntest finds text in HTML templates that does not come from
// the message catalogs, for the tests of every package with templates.
package i18ntest

import (
	"html/template"
	"sort"
	"strings"
	"text/template/parse"
	"unicode"

	"golang.org/x/net/html"
)

// marker stands for a template action inside the reassembled text.
const marker = "\x1a"

// attrsWithText are the attributes people read or hear.
var attrsWithText = map[string]bool{
	"alt": true, "title": true, "placeholder": true, "aria-label": true,
	"aria-description": true, "data-label": true, "data-copied": true, "label": true,
}

// Untranslated returns, for every template defined in t, the pieces of
// literal text a person would read (text between tags and text
// attributes) that holds a letter once the words in allow are removed. Template actions
// count as no text, so {{$f.T "id"}} passes.
func Untranslated(t *template.Template, allow ...string) []string {
	var out []string
	for _, def := range t.Templates() {
		if def.Tree == nil || def.Tree.Root == nil {
			continue
		}
		var sb strings.Builder
		flatten(def.Tree.Root, &sb)
		for _, s := range readableText(sb.String()) {
			if hasLetter(withoutAllowed(s, allow)) {
				out = append(out, def.Name()+": "+strings.TrimSpace(s))
			}
		}
	}
	sort.Strings(out)
	return out
}

// flatten writes a template's literal text with each action as marker.
func flatten(n parse.Node, sb *strings.Builder) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			flatten(c, sb)
		}
	case *parse.TextNode:
		sb.Write(n.Text)
	case *parse.IfNode:
		sb.WriteString(marker)
		flatten(n.List, sb)
		flatten(n.ElseList, sb)
	case *parse.RangeNode:
		sb.WriteString(marker)
		flatten(n.List, sb)
		flatten(n.ElseList, sb)
	case *parse.WithNode:
		sb.WriteString(marker)
		flatten(n.List, sb)
		flatten(n.ElseList, sb)
	default:
		sb.WriteString(marker)
	}
}

// readableText splits HTML into the texts a person reads: text nodes
// (outside script and style) and text attributes.
func readableText(doc string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(doc))
	skip := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if skip == "" {
				out = append(out, string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "script" || string(name) == "style" {
				skip = string(name)
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if attrsWithText[string(k)] {
					out = append(out, string(v))
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == skip {
				skip = ""
			}
		}
	}
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// withoutAllowed removes the allowed words (names, abbreviations that
// need no translation) from s.
func withoutAllowed(s string, allow []string) string {
	for _, a := range allow {
		s = strings.ReplaceAll(s, a, "")
	}
	return s
}

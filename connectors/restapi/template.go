package restapi

import (
	"regexp"
	"strings"
)

// varPattern matches a template variable such as {contact_id}.
var varPattern = regexp.MustCompile(`\{([a-z][a-z0-9_.]*)\}`)

// templateVars lists the variables used in s.
func templateVars(s string) []string {
	var out []string
	for _, m := range varPattern.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// expand replaces every variable in s by its value passed through esc.
func expand(s string, vars map[string]string, esc func(string) string) string {
	return varPattern.ReplaceAllStringFunc(s, func(m string) string {
		return esc(vars[m[1:len(m)-1]])
	})
}

// loneVar returns the variable name when s is exactly one variable.
func loneVar(s string) (string, bool) {
	m := varPattern.FindStringSubmatch(s)
	if m == nil || m[0] != s {
		return "", false
	}
	return m[1], true
}

func noEscape(s string) string { return s }

// expandBody fills a JSON body template without expressions. A map
// entry or list element that is a lone variable for which omit reports
// true is left out.
func expandBody(tpl any, vars map[string]string, omit func(string) bool) (any, bool) {
	out, keep, _ := filler{vars: vars, omit: omit}.fill(tpl)
	return out, keep
}

// bodyVars lists every variable used in a body template (expressions
// read theirs through vars).
func bodyVars(tpl any) []string {
	var out []string
	if _, ok := bodyExpr(tpl); ok {
		return nil
	}
	switch t := tpl.(type) {
	case string:
		out = templateVars(t)
	case map[string]any:
		for k, v := range t {
			out = append(out, templateVars(k)...)
			out = append(out, bodyVars(v)...)
		}
	case []any:
		for _, v := range t {
			out = append(out, bodyVars(v)...)
		}
	}
	return out
}

// safeID reports whether an ID may be put into a URL path: not empty, not
// a dot segment, short, without control characters.
func safeID(id string) bool {
	if id == "" || id == "." || id == ".." || len(id) > 256 {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

package restapi

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// modifiers are gjson's built-in path modifiers.
var modifiers = map[string]bool{
	"pretty": true, "ugly": true, "reverse": true, "this": true, "flatten": true,
	"join": true, "valid": true, "keys": true, "values": true, "tostr": true,
	"fromstr": true, "group": true, "dig": true,
}

// checkPath reports whether p is a well-formed gjson path: no empty
// components, balanced queries and brackets, closed quotes, known
// modifiers, and '#' only as a count, an "all elements" step or a query.
func checkPath(p string) error {
	switch {
	case p == "":
		return errors.New("path is empty")
	case !utf8.ValidString(p):
		return errors.New("path is not valid UTF-8")
	case strings.ContainsFunc(p, unicode.IsControl):
		return errors.New("path contains control characters")
	}
	comps, err := splitPath(p)
	if err != nil {
		return err
	}
	for _, c := range comps {
		if err := checkComponent(c); err != nil {
			return err
		}
	}
	return nil
}

// splitPath splits p at the '.' and '|' that are outside queries,
// brackets, quotes and escapes, checking that those are balanced.
func splitPath(p string) ([]string, error) {
	var comps []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			i++
			if i >= len(p) {
				return nil, errors.New("path ends with a lone backslash")
			}
		case inQuote:
			inQuote = c != '"'
		case c == '"' && depth > 0:
			inQuote = true
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth--; depth < 0 {
				return nil, fmt.Errorf("unbalanced %q at offset %d", c, i)
			}
		case (c == '.' || c == '|') && depth == 0:
			comps = append(comps, p[start:i])
			start = i + 1
		}
	}
	if inQuote {
		return nil, errors.New("unclosed quote")
	}
	if depth != 0 {
		return nil, errors.New("unclosed bracket or query")
	}
	return append(comps, p[start:]), nil
}

func checkComponent(c string) error {
	switch {
	case c == "":
		return errors.New("empty path component (a leading, trailing or doubled '.' or '|')")
	case c[0] == '@':
		name, _, _ := strings.Cut(c[1:], ":")
		if !modifiers[name] {
			return fmt.Errorf("unknown modifier %q", "@"+name)
		}
	case c[0] == '#':
		rest := c[1:]
		if rest == "" {
			return nil
		}
		if !strings.HasPrefix(rest, "(") || !(strings.HasSuffix(rest, ")") || strings.HasSuffix(rest, ")#")) {
			return fmt.Errorf("bad query %q: write #(field==value) or #(field==value)#", c)
		}
	case c[0] == '[' || c[0] == '{':
		return nil
	case strings.Contains(unescaped(c), "#"):
		return fmt.Errorf("component %q: '#' must start a component", c)
	}
	return nil
}

// unescaped drops backslash escapes from a component.
func unescaped(c string) string {
	var b strings.Builder
	for i := 0; i < len(c); i++ {
		if c[i] == '\\' {
			i++
			continue
		}
		b.WriteByte(c[i])
	}
	return b.String()
}

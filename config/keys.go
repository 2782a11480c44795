package config

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

var configType = reflect.TypeOf(Config{})

// yamlName returns the key of a struct field, or "" for a field without
// one (unexported or tagged "-").
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// fieldByKey returns the struct field of t whose yaml key is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); yamlName(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// keyWalker walks a YAML document alongside the Config type. It records
// every key that no field names, and the key path of the value on each
// line, so that decoding errors (which know only a line) can name a key.
type keyWalker struct {
	file    string
	unknown Problems
	paths   map[int][]string // line → key paths whose value starts there
}

// walk visits node n, which should decode into type t, at key path prefix.
func (w *keyWalker) walk(n *yaml.Node, t reflect.Type, prefix string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if prefix != "" {
		w.paths[n.Line] = append(w.paths[n.Line], prefix)
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				continue
			}
			path := join(prefix, k.Value)
			if f, ok := fieldByKey(t, k.Value); ok {
				w.walk(v, f.Type, path)
			} else {
				w.unknown = append(w.unknown, fmt.Sprintf("%s: unknown key (%s line %d)", path, w.file, k.Line))
			}
		}
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Map:
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.walk(n.Content[i+1], t.Elem(), join(prefix, n.Content[i].Value))
		}
	case n.Kind == yaml.SequenceNode && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		for i, item := range n.Content {
			w.walk(item, t.Elem(), fmt.Sprintf("%s[%d]", prefix, i))
		}
	}
}

// typeProblem turns one of yaml's decoding errors, such as "line 5:
// cannot unmarshal !!str `lots` into int", into a problem that names the
// key when the line tells which.
func (w *keyWalker) typeProblem(msg string) string {
	var line int
	var rest string
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ = strings.Cut(msg, ": ")
	}
	path := w.pathAt(line)
	if rest == "" || path == "" {
		return w.file + ": " + msg
	}
	return fmt.Sprintf("%s: %s (%s line %d)", path, plainType(rest), w.file, line)
}

// pathAt returns the key path of the value on a line: the one innermost
// value there, or the outermost one when several share the line (as in
// "ttl: {items: 1m, contact: 5m}").
func (w *keyWalker) pathAt(line int) string {
	paths := w.paths[line]
	var leaves []string
	for _, p := range paths {
		inner := false
		for _, q := range paths {
			inner = inner || strings.HasPrefix(q, p+".") || strings.HasPrefix(q, p+"[")
		}
		if !inner {
			leaves = append(leaves, p)
		}
	}
	switch {
	case len(leaves) == 1:
		return leaves[0]
	case len(paths) > 0 && len(leaves) < len(paths):
		return paths[0]
	}
	return ""
}

// plainType says "is not a duration" rather than "cannot unmarshal ...
// into time.Duration" for the common types.
func plainType(msg string) string {
	value := ""
	if i := strings.Index(msg, "`"); i >= 0 {
		if j := strings.LastIndex(msg, "`"); j > i {
			value = msg[i:j+1] + " "
		}
	}
	for suffix, says := range map[string]string{
		" into time.Duration": "is not a duration such as 30s, 5m or 12h",
		" into int":           "is not a whole number",
		" into bool":          "is not true or false",
		" into []string":      "must be a list",
		" into string":        "must be a single value",
	} {
		if strings.HasSuffix(msg, suffix) {
			return value + says
		}
	}
	return msg
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

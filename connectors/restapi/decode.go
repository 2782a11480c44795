package restapi

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// reader reads the records of one operation.
type reader struct {
	op       string
	currency string // default currency of the mapping
	now      func() time.Time
	tr       *trace // nil unless probing
	// subs holds the sub-request answers of the item being read.
	subs map[string]any
	// vars holds the request's variables, such as the email searched.
	vars map[string]string
}

// decode reads one record of type T from item, found at loc.
func decode[T any](rd reader, s schema[T], fields map[string]*Field, item gjson.Result, loc string) (T, string, error) {
	var out T
	cur := rd.currency
	if f, ok := fields[currencyField]; ok {
		v, found, err := rd.read(currencyField, kindCurrency, f, item, loc, "")
		if err != nil {
			return out, "", err
		}
		if found {
			cur = v.str
		}
	}
	for _, name := range sortedKeys(fields) {
		if name == currencyField {
			continue
		}
		def := s[name]
		v, found, err := rd.read(name, def.kind, fields[name], item, loc, cur)
		if err != nil {
			return out, "", err
		}
		if found {
			def.set(&out, v)
		}
	}
	return out, cur, nil
}

// read reads one field. found is false for an optional field that is
// missing.
func (rd reader) read(name string, k kind, f *Field, item gjson.Result, loc, cur string) (value, bool, error) {
	var r gjson.Result
	if f.Path != "" {
		r = item.Get(f.Path)
	}
	where := joinPath(loc, f.Path)
	if f.prog != nil {
		v, found, err := rd.compute(k, f, item, r, cur)
		if err != nil {
			return value{}, false, &MappingError{Op: rd.op, Field: name, Location: joinPath(loc, "expr"), Problem: err.Error()}
		}
		if found {
			rd.tr.note(rd.op, loc, name, "computed")
			return rd.noted(loc, name, v), true, nil
		}
	} else if !missing(k, r) && !blankWithDefault(k, f, r) {
		v, err := convert(k, f, r, cur)
		if err != nil {
			return value{}, false, &MappingError{Op: rd.op, Field: name, Location: where, Problem: err.Error()}
		}
		if k != kindTime || !v.time.IsZero() {
			return rd.noted(loc, name, v), true, nil
		}
	}
	switch {
	case f.Default != nil:
		v, err := fromDefault(k, f, *f.Default, cur)
		if err != nil {
			return value{}, false, &MappingError{Op: rd.op, Field: name, Location: "default", Problem: err.Error()}
		}
		rd.tr.note(rd.op, loc, name, fmt.Sprintf("fell back to its default %q", *f.Default))
		return v, true, nil
	case f.Optional:
		return value{}, false, nil
	}
	return value{}, false, &MappingError{Op: rd.op, Field: name, Location: where,
		Problem: "value is missing (mark the field optional or give it a default)"}
}

// noted records a value's note in the trace.
func (rd reader) noted(loc, name string, v value) value {
	if v.note != "" {
		rd.tr.note(rd.op, loc, name, v.note)
	}
	return v
}

// blankWithDefault reports an empty text value where the field has a
// default: the CRM's "" means "not set".
func blankWithDefault(k kind, f *Field, r gjson.Result) bool {
	return k == kindString && f.Default != nil && r.Type == gjson.String && strings.TrimSpace(r.Str) == ""
}

// fromDefault converts a default, written as a domain value: money as a
// decimal, a time in RFC 3339, anything else as its domain text.
func fromDefault(k kind, f *Field, def, cur string) (value, error) {
	switch k {
	case kindMoney:
		m, err := connectors.ParseMoney(def, cur)
		if err != nil {
			return value{}, fmt.Errorf("default %q is not a decimal amount", def)
		}
		return value{money: m}, nil
	case kindTime:
		t, err := time.Parse(time.RFC3339, def)
		if err != nil {
			return value{}, fmt.Errorf("default %q is not an RFC 3339 time", def)
		}
		return value{time: t.UTC()}, nil
	}
	return fromText(k, &Field{}, def)
}

// decodeLines reads the line items of an invoice or a quote.
func decodeLines(rd reader, l *Lines, item gjson.Result, loc, cur string) ([]connectors.LineItem, error) {
	where := joinPath(loc, l.Path)
	arr := item
	if l.Path != "" {
		arr = item.Get(l.Path)
	}
	if !arr.IsArray() {
		return nil, &MappingError{Op: rd.op, Field: "lines", Location: where, Problem: "value is not an array"}
	}
	lines := []connectors.LineItem{}
	for i, r := range arr.Array() {
		lrd := rd
		lrd.currency = cur
		li, _, err := decode(lrd, lineSchema, l.Fields, r, fmt.Sprintf("%s.%d", where, i))
		if err != nil {
			return nil, err
		}
		lines = append(lines, li)
	}
	return lines, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

package jetpackcrm

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// object is one JSON object from the CRM, decoded lazily so that every
// field can be read whatever JSON type the CRM chose for it this time
// (IDs as strings, timestamps as numbers on invoices and as strings on
// contacts, false or null for "unset").
type object map[string]json.RawMessage

// text returns a string field. Numbers come back as their literal;
// false, true, null, objects, arrays and missing keys as "".
func (o object) text(key string) string {
	raw := bytes.TrimSpace(o[key])
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return s
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw)
	}
	return ""
}

// num returns an integer field given as a JSON number or a numeric
// string; ok is false for anything else (false, null, "", garbage).
func (o object) num(key string) (n int64, ok bool) {
	s := strings.TrimSpace(o.text(key))
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != f || f > 1<<62 || f < -(1<<62) || f != float64(int64(f)) {
			return 0, false
		}
		n = int64(f)
	}
	return n, true
}

// unix returns a unix-seconds field as a UTC time; the sentinels 0, -1,
// false, null and "" (and anything else not positive) give the zero time.
func (o object) unix(key string) time.Time {
	n, ok := o.num(key)
	if !ok || n <= 0 || n > maxUnix {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}

// maxUnix is the year 9999: later values are garbage, not dates.
const maxUnix = 253402300799

// flag reports whether a 0/1 (or bool) field is set.
func (o object) flag(key string) bool {
	if string(bytes.TrimSpace(o[key])) == "true" {
		return true
	}
	n, ok := o.num(key)
	return ok && n > 0
}

// list returns an array-of-objects field; anything else gives nil.
func (o object) list(key string) []object {
	var out []object
	if json.Unmarshal(o[key], &out) != nil {
		return nil
	}
	return out
}

// id returns the object's id: a positive integer as a string, or "".
func (o object) id() string {
	n, ok := o.num("id")
	if !ok || n <= 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// object returns an object field; anything else gives an empty object.
func (o object) object(key string) object {
	var out object
	if json.Unmarshal(o[key], &out) != nil {
		return object{}
	}
	return out
}

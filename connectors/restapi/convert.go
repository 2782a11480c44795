package restapi

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// Formats of money fields.
const (
	FormatDecimal = "decimal"
	FormatNumber  = "number"
	FormatMinor   = "minor"
)

// Formats of time fields.
const (
	FormatRFC3339 = "rfc3339"
	FormatUnix    = "unix"
	FormatUnixMS  = "unix_ms"
	FormatDate    = "date"
	FormatLayout  = "layout"
)

// FormatString is the format of text fields, statuses and flags.
const FormatString = "string"

// formatsOf lists the formats a kind accepts; the first is the default.
func formatsOf(k kind) []string {
	switch k {
	case kindMoney:
		return []string{FormatDecimal, FormatNumber, FormatMinor}
	case kindTime:
		return []string{FormatRFC3339, FormatUnix, FormatUnixMS, FormatDate, FormatLayout}
	}
	return []string{FormatString}
}

// missing reports whether r holds no value: absent, null, or an empty
// string for a kind other than text.
func missing(k kind, r gjson.Result) bool {
	if !r.Exists() || r.Type == gjson.Null {
		return true
	}
	if r.Type != gjson.String {
		return false
	}
	s := strings.TrimSpace(r.Str)
	return (k != kindString && s == "") || (k == kindTime && zeroDate(s))
}

// zeroDate reports MySQL's "no date": "0000-00-00", with or without a
// time.
func zeroDate(s string) bool {
	return strings.HasPrefix(s, "0000-00-00")
}

// convert reads r as a value of kind k following f. cur is the currency
// of money values.
func convert(k kind, f *Field, r gjson.Result, cur string) (value, error) {
	switch k {
	case kindMoney:
		m, rounded, err := toMoneyRounded(f.Format, f.Round, r, cur)
		v := value{money: m}
		if rounded {
			v.note = fmt.Sprintf("rounded %s to %s (%s)", strings.TrimSpace(r.String()), m.Decimal(), roundName(f.Round))
		}
		return v, err
	case kindTime:
		t, err := toTime(f.Format, f.Layout, r)
		return value{time: t}, err
	}
	s, err := scalarText(r)
	if err != nil {
		return value{}, err
	}
	if f.HTML && k == kindString {
		return fromHTML(f, s)
	}
	return fromText(k, f, s)
}

func roundName(rule string) string {
	if rule == "" {
		return RoundHalfEven
	}
	return rule
}

// fromText turns text, from the CRM or a default, into a value of kind k,
// applying the field's value map.
func fromText(k kind, f *Field, s string) (value, error) {
	mapped, ok := lookup(f.Map, s)
	switch {
	case ok:
		s = mapped
	case len(f.Map) > 0 && k != kindString:
		return value{}, fmt.Errorf("value %q is not in the field's map", s)
	}
	switch k {
	case kindString:
		return value{str: s}, nil
	case kindBool:
		b, err := toBool(s)
		return value{flag: b}, err
	case kindCurrency:
		m, err := connectors.ParseMoney("0", s)
		if err != nil || m.Currency == "" {
			return value{}, fmt.Errorf("value %q is not an ISO 4217 currency code", s)
		}
		return value{str: m.Currency}, nil
	}
	return toEnum(k, s)
}

// lookup finds s in m exactly, then ignoring case, then under "*".
func lookup(m map[string]string, s string) (string, bool) {
	if v, ok := m[s]; ok {
		return v, true
	}
	for key, v := range m {
		if key != "*" && strings.EqualFold(key, s) {
			return v, true
		}
	}
	v, ok := m["*"]
	return v, ok
}

// scalarText returns a string, number or boolean as text: numbers keep
// their exact JSON spelling.
func scalarText(r gjson.Result) (string, error) {
	switch r.Type {
	case gjson.String:
		return r.Str, nil
	case gjson.Number:
		return r.Raw, nil
	case gjson.True, gjson.False:
		return r.Raw, nil
	}
	return "", fmt.Errorf("value %s is not a string, number or boolean", clip(r.Raw))
}

func toBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "y", "on":
		return true, nil
	case "false", "0", "no", "n", "off", "":
		return false, nil
	}
	return false, fmt.Errorf("value %q is not a boolean", s)
}

func toEnum(k kind, s string) (value, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	var ok bool
	switch k {
	case kindInvoiceStatus:
		ok = connectors.InvoiceStatus(s).Valid()
	case kindQuoteStatus:
		ok = connectors.QuoteStatus(s).Valid()
	case kindTxKind:
		ok = connectors.TransactionKind(s).Valid()
	case kindTxStatus:
		ok = connectors.TransactionStatus(s).Valid()
	}
	if !ok {
		return value{}, fmt.Errorf("value %q is not a known status (add it to the field's map)", s)
	}
	return value{str: s}, nil
}

// clip shortens raw JSON for an error message.
func clip(raw string) string {
	const limit = 40
	if len(raw) > limit {
		return raw[:limit] + "…"
	}
	return raw
}

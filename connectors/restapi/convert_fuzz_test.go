package restapi

import (
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/tidwall/gjson"
)

// FuzzMoneyDecimal checks that a decimal amount that converts is exact:
// its minor units times 10^-2 equal the decimal's value.
func FuzzMoneyDecimal(f *testing.F) {
	for _, s := range []string{"0", "1506.00", "-4.5", "12", ".5", "1e3", "0x10", "--1", "9223372036854775807", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, raw := range []string{strconv.Quote(s), s} {
			r := gjson.Parse(raw)
			v, err := convert(kindMoney, &Field{Format: FormatDecimal}, r, "EUR")
			if err != nil {
				continue
			}
			text := r.Raw
			if r.Type == gjson.String {
				text = r.Str
			}
			want, ok := new(big.Rat).SetString(trimSpace(text))
			if !ok {
				t.Fatalf("%q converted to %v but is not a number", raw, v.money)
			}
			got := new(big.Rat).SetFrac64(v.money.Minor, 100)
			if got.Cmp(want) != 0 || v.money.Currency != "EUR" {
				t.Fatalf("%q converted to %v, want %s", raw, v.money, want.FloatString(4))
			}
		}
	})
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// FuzzMoneyMinor checks that integer minor units round-trip as numbers
// and as strings.
func FuzzMoneyMinor(f *testing.F) {
	f.Add(int64(0), "EUR")
	f.Add(int64(-9000), "JPY")
	f.Add(int64(9223372036854775807), "KWD")
	f.Fuzz(func(t *testing.T, n int64, cur string) {
		for _, raw := range []string{strconv.FormatInt(n, 10), strconv.Quote(strconv.FormatInt(n, 10))} {
			v, err := convert(kindMoney, &Field{Format: FormatMinor}, gjson.Parse(raw), cur)
			if err != nil || v.money.Minor != n {
				t.Fatalf("%s: got %v, %v", raw, v.money, err)
			}
		}
	})
}

// FuzzUnixTime checks that unix seconds and milliseconds convert to the
// same instant in UTC, or fail cleanly.
func FuzzUnixTime(f *testing.F) {
	f.Add(int64(0))
	f.Add(int64(1736159400))
	f.Add(int64(-1))
	f.Add(int64(9223372036854775807))
	f.Fuzz(func(t *testing.T, n int64) {
		v, err := convert(kindTime, &Field{Format: FormatUnix}, gjson.Parse(strconv.FormatInt(n, 10)), "")
		if err == nil && n != 0 && (v.time.Unix() != n || v.time.Location() != time.UTC) {
			t.Fatalf("unix %d: got %v", n, v.time)
		}
		v, err = convert(kindTime, &Field{Format: FormatUnixMS}, gjson.Parse(strconv.Quote(strconv.FormatInt(n, 10))), "")
		if err == nil && n != 0 && (v.time.UnixMilli() != n || v.time.Location() != time.UTC) {
			t.Fatalf("unix_ms %d: got %v", n, v.time)
		}
	})
}

// FuzzConvertAny feeds arbitrary JSON to every kind and format: no panic,
// and any time that converts is in UTC.
func FuzzConvertAny(f *testing.F) {
	for _, s := range []string{`"x"`, `12.5`, `null`, `[1,2]`, `{"a":"b"}`, `"2025-01-06T10:30:00Z"`, `true`, `"PAID"`, `-0`, `1e999`} {
		f.Add(s)
	}
	kinds := []kind{kindString, kindMoney, kindTime, kindBool, kindCurrency, kindInvoiceStatus, kindQuoteStatus, kindTxKind, kindTxStatus}
	f.Fuzz(func(t *testing.T, raw string) {
		r := gjson.Parse(raw)
		for _, k := range kinds {
			for _, format := range formatsOf(k) {
				fl := &Field{Format: format, Map: map[string]string{"PAID": "paid"}}
				if format == FormatLayout {
					fl.Layout = "2006-01-02"
				}
				if k == kindMoney || k == kindTime {
					fl.Map = nil
				}
				v, err := convert(k, fl, r, "EUR")
				if err == nil && k == kindTime && !v.time.IsZero() && v.time.Location() != time.UTC {
					t.Fatalf("%s as %s: not UTC", raw, format)
				}
				if err == nil && k == kindMoney && v.money.Currency != "EUR" {
					t.Fatalf("%s: currency %q", raw, v.money.Currency)
				}
			}
		}
	})
}

package restapi

import (
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"
)

// FuzzMoneyDecimal checks that a decimal amount that converts is exact
// or rounded half to even (the default rule): its minor units times 10^-2
// equal the decimal's value rounded to cents that way.
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
			want = halfEvenCents(want)
			if got.Cmp(want) != 0 || v.money.Currency != "EUR" {
				t.Fatalf("%q converted to %v, want %s", raw, v.money, want.FloatString(4))
			}
		}
	})
}

// halfEvenCents rounds r to cents, half to even, written independently
// of the connector's rounding.
func halfEvenCents(r *big.Rat) *big.Rat {
	cents := new(big.Rat).Mul(r, big.NewRat(100, 1))
	// Quo truncates toward zero: correct it with the exact remainder.
	i := new(big.Int).Quo(cents.Num(), cents.Denom())
	rem := new(big.Rat).Sub(cents, new(big.Rat).SetInt(i))
	half := big.NewRat(1, 2)
	abs := new(big.Rat).Abs(rem)
	step := big.NewInt(int64(rem.Sign()))
	if c := abs.Cmp(half); c > 0 || (c == 0 && i.Bit(0) == 1) {
		i.Add(i, step)
	}
	return new(big.Rat).SetFrac(i, big.NewInt(100))
}

// trimSpace trims as toMoney does (Unicode white space, form feeds
// included: a corpus entry "0\f" found the difference).
func trimSpace(s string) string { return strings.TrimSpace(s) }

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
